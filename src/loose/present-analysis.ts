/**
 * An analysis of loose evidence, made to speak of what the user gave: every evidence reference
 * that cites a line of a piece's text is pointed back at the input and line it came from (so
 * `dmesg.txt:12` is line 12 of dmesg.txt, even when two greps were joined or a dmidecode was
 * rewritten as DMI lines), quoting the input's own line; the bundle summary carries what each
 * input was read as, and no manifest (there was no collector: the synthetic one only listed what
 * was given).
 */
import type { Analysis } from '../analyze.js';
import type { LooseBundle, RenderedLine } from './loose-bundle.js';

const MAX_REF_TEXT = 500;

interface RefLike {
  readonly evidence: string;
  readonly source: string;
  readonly line?: number;
  readonly text: string;
}

function isRef(v: object): v is RefLike {
  const r = v as Partial<Record<string, unknown>>;
  return (
    typeof r.evidence === 'string' &&
    typeof r.source === 'string' &&
    typeof r.text === 'string' &&
    (r.line === undefined || typeof r.line === 'number')
  );
}

function cap(text: string): string {
  return text.length > MAX_REF_TEXT ? `${text.slice(0, MAX_REF_TEXT)}…` : text;
}

/** Copy-on-write walk: objects and arrays are copied only where a reference below them changed. */
function remap(value: unknown, lines: ReadonlyMap<string, readonly RenderedLine[]>): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const r = remap(v, lines);
      if (r !== v) (out ??= value.slice())[i] = r;
    }
    return out ?? value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (isRef(value) && value.line !== undefined) {
    const rendered = lines.get(value.source)?.[value.line - 1];
    const origin = rendered?.origin;
    if (!rendered || !origin) return value;
    // the cited text is the line as the parser read it: quote the input's own line instead
    const text = cap(rendered.text) === value.text ? cap(origin.text) : value.text;
    return { ...value, source: origin.input, line: origin.line, text };
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const r = remap(v, lines);
    if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
  }
  return out ?? value;
}

export function presentLooseAnalysis(analysis: Analysis, loose: LooseBundle): Analysis {
  const mapped = remap({ facts: analysis.facts, findings: analysis.findings }, loose.lines) as Pick<Analysis, 'facts' | 'findings'>;
  return {
    ...analysis,
    facts: mapped.facts,
    findings: mapped.findings,
    bundle: { ...analysis.bundle, manifest: null, manifestProblem: null, inputs: loose.inputs },
  };
}
