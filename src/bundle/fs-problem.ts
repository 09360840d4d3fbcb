/**
 * A file-system error as the few words a one-line message needs ("cannot read X: permission
 * denied"), instead of Node's message with its syscall and path, or a bare code; and the stat of
 * a named input, failing with that line.
 */
import { statSync, type Stats } from 'node:fs';
import { BundleError } from './bundle-error.js';

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or directory',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a path component is not a directory',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

export function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return Object.hasOwn(WORDS, code) ? (WORDS[code] as string) : code;
  return e instanceof Error ? (e.message.split('\n')[0] ?? 'error') : String(e);
}

/** What the input named by `path` is (its symbolic links followed), or a BundleError "cannot read PATH: …". */
export function inputStat(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new BundleError(`cannot read ${path}: ${fsProblem(e)}`);
  }
}
