/**
 * The message of a pasted log line: what the log parsers hand the classifier. Strips, repeatedly,
 * the stamps and columns the published lines of test/fixtures/log-lines/ carry: indentation,
 * a pdsh host column (`b1360: [`), a log viewer's offset and time columns, bracketed times
 * (`[    0.000000]`, `[  +0.001779]`, `[Tue Aug 26 16:02:52 2025]`, `[2017-10-23 09:08:16.331]`),
 * syslog/journal `Mon DD HH:MM:SS host kernel: `, a bare `kernel: `, and the Cloudpods logger's
 * `[level time caller] `. Anything else (QEMU's and libvirt's text around their messages) stays.
 */
const PREFIXES: readonly RegExp[] = [
  /^\s+/,
  /^\S+: (?=\[\s*\d+\.\d+\])/,
  /^0x[\dA-F]+ \|\s+[\d.]+:\s+/,
  /^\[[^\]]*\d\] ?/,
  /^[A-Z][a-z]{2} [ \d]\d [\d:.]+ \S+ kernel: /,
  /^kernel: /,
  /^\[(?:debug|info|warning|error|fatal) [^\]]+\] /,
];

export function messageOf(line: string): string {
  let message = line;
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of PREFIXES) {
      const next = message.replace(prefix, '');
      if (next !== message) {
        message = next;
        changed = true;
      }
    }
  }
  return message;
}
