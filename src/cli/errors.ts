/**
 * Typed errors. Only src/cli/main.ts catches them, prints one line and sets the exit code:
 * 2 for anything that stops an analysis (bad arguments, unreadable bundle, internal error).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The bundle cannot be analyzed; `message` is one user-facing line naming the problem. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}

export const EXIT = { ok: 0, findings: 1, cannotAnalyze: 2 } as const;
