/**
 * /etc/os-release (evidence id `os-release`), os-release(5): newline-separated `KEY=value`
 * assignments compatible with shell; values may be quoted with "" or ''; "\$", "\"", "\\" and "\`"
 * escapes inside double quotes; `#` comment lines.
 *
 * Sample: test/fixtures/os-release/debian-12.txt, lines 1–6 (verbatim):
 *   PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
 *   NAME="Debian GNU/Linux"
 *   VERSION_ID="12"
 *   VERSION="12 (bookworm)"
 *   VERSION_CODENAME=bookworm
 *   ID=debian
 * Output: every field with line and text; `id`, `idLike` (split on spaces), `versionId`,
 * `prettyName`; `distroFamily(osRelease)` classifies the host.
 * Quirks: unquoted values (ID=debian above; fedora-32-man-example.txt `VERSION_ID=32`).
 * Proxmox VE's os-release is Debian's (ID=debian); the collector does not read /etc/pve, so a
 * Proxmox host is classified debian-like and cannot be told apart here.
 */
import { expandParts, splitAssignment, splitShellStatements } from './shell-words.js';

export interface OsReleaseField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

export interface OsRelease {
  readonly fields: readonly OsReleaseField[];
  readonly id?: string;
  readonly idLike: readonly string[];
  readonly versionId?: string;
  readonly prettyName?: string;
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
}

export function parseOsRelease(text: string): OsRelease {
  const fields: OsReleaseField[] = [];
  const unparsed: { line: number; text: string }[] = [];
  for (const st of splitShellStatements(text)) {
    const a = st.words.length === 1 && st.words[0] !== undefined ? splitAssignment(st.words[0]) : undefined;
    if (a === undefined || st.unterminated) {
      unparsed.push({ line: st.line, text: st.text });
      continue;
    }
    // os-release is data, not a script: no variable expansion (a `$` without escape stays literal).
    const value = expandParts(a.value, () => undefined);
    const literal = a.value.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? p.raw : p.raw)).join('');
    fields.push({
      key: a.name,
      value: value.unresolved.length > 0 || value.hasCommand ? literal : value.value,
      line: st.line,
      text: st.text,
    });
  }
  const get = (k: string): string | undefined => fields.filter((f) => f.key === k).pop()?.value;
  const id = get('ID');
  const versionId = get('VERSION_ID');
  const prettyName = get('PRETTY_NAME');
  return {
    fields,
    ...(id === undefined ? {} : { id }),
    idLike: (get('ID_LIKE') ?? '').split(' ').filter((x) => x !== ''),
    ...(versionId === undefined ? {} : { versionId }),
    ...(prettyName === undefined ? {} : { prettyName }),
    unparsed,
  };
}

export type DistroFamily = 'rhel-like' | 'debian-like' | 'suse' | 'arch' | 'other';

const RHEL = new Set([
  'rhel',
  'centos',
  'rocky',
  'almalinux',
  'fedora',
  'ol',
  'anolis',
  'openeuler',
  'circle',
  'eurolinux',
  'cloudlinux',
  'amzn',
  'kylin',
]);
const DEBIAN = new Set(['debian', 'ubuntu', 'linuxmint', 'pop', 'raspbian', 'kali', 'deepin', 'uos']);
const SUSE = new Set(['suse', 'sles', 'sled', 'opensuse', 'opensuse-leap', 'opensuse-tumbleweed']);
const ARCH = new Set(['arch', 'manjaro', 'endeavouros']);

/**
 * Family from ID first, then ID_LIKE in order (os-release(5): ID_LIKE lists closest first). IDs are
 * compared in lower case: os-release(5) asks for lower case, but openEuler writes ID="openEuler"
 * (which-distro/os-release openEuler/24.03, test/fixtures/host-families/openeuler-24.03/os-release).
 */
export function distroFamily(os: Pick<OsRelease, 'id' | 'idLike'>): DistroFamily {
  for (const id of [os.id ?? '', ...os.idLike].map((x) => x.toLowerCase())) {
    if (RHEL.has(id)) return 'rhel-like';
    if (DEBIAN.has(id)) return 'debian-like';
    if (SUSE.has(id) || id.startsWith('opensuse')) return 'suse';
    if (ARCH.has(id)) return 'arch';
  }
  return 'other';
}
