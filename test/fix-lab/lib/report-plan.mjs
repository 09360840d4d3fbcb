// The plan scripts as the Markdown report prints them: the fenced block after "The plan as one
// script" (what a person copies into a file on the host) and the one after "After the reboot".
// The fence is as long as the report made it (longer than any backtick run in the script).

function fencedAfter(md, heading) {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => l.startsWith(heading));
  if (at < 0) return null;
  let i = at + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const open = /^(`{3,})sh$/.exec(lines[i] ?? '');
  if (!open) return null;
  const body = [];
  for (i++; i < lines.length && lines[i] !== open[1]; i++) body.push(lines[i]);
  if (i >= lines.length) return null;
  return `${body.join('\n')}\n`;
}

/** { script, verify } from report.md; null for a part the report does not have. */
export function plansOf(md) {
  return {
    script: fencedAfter(md, 'The plan as one script'),
    verify: fencedAfter(md, 'After the reboot, what runs then and the checks'),
  };
}

/**
 * The script with the optional suggestions of these rules taken up, as the script tells a person
 * to: "Uncomment a step to apply it". A suggestion is a block of comment lines in the optional
 * section, its description ending in `[rule, …]` and its command below; checks ("Verify: …") stay
 * commented, as they belong after the reboot.
 */
export function applyOptional(script, rules) {
  if (rules.length === 0) return script;
  const lines = script.split('\n');
  const start = lines.findIndex((l) => /^# --- \d+\. Optional suggestions/.test(l));
  if (start < 0) throw new Error(`the plan has no optional suggestions to take up (${rules.join(', ')})`);
  const taken = new Set();
  for (let i = start + 1; i < lines.length;) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== '') end++;
    const head = lines.slice(i, end).findIndex((l) => /\[[\w, -]+\]$/.test(l));
    if (head >= 0 && !lines[i].startsWith('# Verify:')) {
      const from = /\[([\w, -]+)\]$/.exec(lines[i + head])[1].split(', ');
      const rule = rules.find((r) => from.includes(r));
      if (rule)
        for (let j = i + head + 1; j < end; j++) {
          if (!lines[j].startsWith('#')) continue;
          lines[j] = lines[j].replace(/^# ?/, '');
          taken.add(rule);
        }
    }
    i = end;
  }
  const missing = rules.filter((r) => !taken.has(r));
  if (missing.length > 0) throw new Error(`the plan has no optional step of ${missing.join(', ')} to take up`);
  return lines.join('\n');
}
