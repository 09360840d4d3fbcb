/**
 * Typed errors of the command line. Only src/cli/main.ts catches them, prints one line and sets
 * the exit code: 2 for anything that stops an analysis (bad arguments, unreadable bundle, internal
 * error). The unreadable-bundle error, BundleError, lives with the readers in src/bundle/.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, cannotAnalyze: 2 } as const;
