/**
 * One line from several: each line break and the blanks around it become one space. Linear time
 * (a global replace of blanks-newline-blanks is quadratic on long runs of blanks).
 */
export function joinLines(s: string): string {
  if (!s.includes('\n')) return s;
  const parts = s.split('\n');
  const last = parts.length - 1;
  return parts
    .map((p, i) => (i === 0 ? p.trimEnd() : i === last ? p.trimStart() : p.trim()))
    .filter((p, i) => p !== '' || i === 0 || i === last)
    .join(' ');
}
