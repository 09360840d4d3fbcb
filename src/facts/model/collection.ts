/** What the collector could and could not collect. */

export interface CollectionItem {
  readonly id: string;
  readonly source: string;
  readonly status: string;
}

export interface CollectionFacts {
  readonly hasManifest: boolean;
  /** A collector's bundle, loose evidence given by hand (files, a paste), a sosreport, or another tree. */
  readonly layout: 'bundle' | 'loose' | 'sosreport' | 'tree';
  /** What the manifest does not list at all: never collected (evidence given by hand lists only what was given). */
  readonly notAttempted: readonly CollectionItem[];
  readonly manifestProblem: string | null;
  readonly uid: number | null;
  readonly collector: string | null;
  /** Every item the collector attempted, with its status. */
  readonly inventory: readonly CollectionItem[];
  /** Items that could not be collected (denied, timeout, no-command, error, truncated, lost). */
  readonly problems: readonly CollectionItem[];
  readonly skippedEntries: number;
  readonly lost: string | null;
}
