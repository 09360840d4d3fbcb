/**
 * PCI addresses and the device line lspci prints first for each function.
 *
 * lspci prints `bb:dd.f` when every device is in domain 0 and `dddd:bb:dd.f` otherwise (or with
 * -D); sysfs and the kernel always use `dddd:bb:dd.f`. Everything is normalised to lowercase
 * `0000:bb:dd.f` so evidence from different sources joins on one key.
 *
 * The device line (test/fixtures/lspci-nnk/guide-nvidia-grep-A3.txt, line 1, verbatim):
 *   42:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)
 * is taken apart from the end, with fixed-width slices rather than one big regex: an optional
 * `(prog-if xx [name])`, an optional `(rev xx)`, then the `[vvvv:dddd]` ids that -nn adds. Names
 * themselves contain brackets (`[GeForce GTX 1080 Ti]`, `[AMD/ATI]`), so only the last bracket
 * group counts. Without -nn (pciutils' own test output, test/fixtures/lspci-vvv/
 * pciutils-cap-pcie-2-vvxxx.txt) class code and ids are absent.
 */

const SLOT = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) /i;
const ADDRESS = /^([0-9a-f]{4,8}):([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/i;
const IDS = /^\[([0-9a-f]{4}):([0-9a-f]{4})\]$/i;
const CLASS = /^\[([0-9a-f]{4})\]$/i;
const REV = /^ \(rev ([0-9a-fA-F]{2})\)$/;

/** `0000:00:02.0`, `00:02.0` or upper-case forms → `0000:00:02.0`; undefined when not an address. */
export function normalizePciAddress(s: string): string | undefined {
  const t = s.trim();
  const full = ADDRESS.exec(t);
  if (full) return `${full[1]}:${full[2]}:${full[3]}.${full[4]}`.toLowerCase();
  const short = /^([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/i.exec(t);
  if (short) return `0000:${short[1]}:${short[2]}.${short[3]}`.toLowerCase();
  return undefined;
}

export interface PciIds {
  readonly vendorId: string;
  readonly deviceId: string;
}

export interface PciDeviceLine {
  /** Normalised `0000:bb:dd.f`. */
  readonly address: string;
  /** The slot as printed. */
  readonly slot: string;
  readonly className: string;
  /** Four hex digits from `[0300]`, present with -nn. */
  readonly classCode?: string;
  /** Vendor and device names as printed, without the id brackets. */
  readonly description: string;
  readonly vendorId?: string;
  readonly deviceId?: string;
  readonly rev?: string;
  readonly progIf?: string;
}

/** Splits a trailing ` [vvvv:dddd]` off a name: `NVIDIA Corporation Device [10de:120f]`. */
export function splitTrailingIds(s: string): { name: string; ids?: PciIds } {
  const t = s.trimEnd();
  if (t.length >= 12) {
    const m = IDS.exec(t.slice(t.length - 11));
    if (m && m[1] && m[2]) {
      return { name: t.slice(0, t.length - 11).trimEnd(), ids: { vendorId: m[1].toLowerCase(), deviceId: m[2].toLowerCase() } };
    }
  }
  return { name: t };
}

export function parsePciDeviceLine(text: string): PciDeviceLine | undefined {
  const m = SLOT.exec(text);
  if (!m || !m[2] || !m[3] || !m[4]) return undefined;
  const domain = (m[1] ?? '0000').padStart(4, '0');
  const address = `${domain}:${m[2]}:${m[3]}.${m[4]}`.toLowerCase();
  const slot = m[0].trimEnd();
  let rest = text.slice(m[0].length);
  const colon = rest.indexOf(': ');
  if (colon === -1) return undefined;
  let className = rest.slice(0, colon);
  rest = rest.slice(colon + 2);
  let classCode: string | undefined;
  if (className.length >= 7) {
    const c = CLASS.exec(className.slice(className.length - 6));
    if (c && c[1] && className.charCodeAt(className.length - 7) === 32) {
      classCode = c[1].toLowerCase();
      className = className.slice(0, className.length - 7);
    }
  }
  let progIf: string | undefined;
  const pi = rest.lastIndexOf(' (prog-if ');
  if (pi !== -1 && rest.endsWith(')')) {
    progIf = rest.slice(pi + 10, pi + 12).toLowerCase();
    rest = rest.slice(0, pi);
  }
  let rev: string | undefined;
  if (rest.length >= 9) {
    const r = REV.exec(rest.slice(rest.length - 9));
    if (r && r[1]) {
      rev = r[1].toLowerCase();
      rest = rest.slice(0, rest.length - 9);
    }
  }
  const { name, ids } = splitTrailingIds(rest);
  return {
    address,
    slot,
    className,
    ...(classCode === undefined ? {} : { classCode }),
    description: name,
    ...(ids ?? {}),
    ...(rev === undefined ? {} : { rev }),
    ...(progIf === undefined ? {} : { progIf }),
  };
}
