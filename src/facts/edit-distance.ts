/**
 * Whether two keys are at most `max` single-character edits apart (Levenshtein), for "did you mean"
 * suggestions on misspelt parameters and host.conf keys. Bounded: keys whose lengths differ by more
 * than `max` are rejected at once, and a row whose smallest cell exceeds `max` ends the scan, so an
 * attacker's 300 KB key costs one length comparison.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return (prev[b.length] as number) <= max;
}
