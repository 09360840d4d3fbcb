/**
 * The bundle cannot be analyzed; `message` is one user-facing line naming the problem. Thrown by
 * the readers in this folder (and by the CLI for input it cannot open); only src/cli/main.ts
 * catches it, prints the line and exits 2.
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}
