/**
 * Which manifest.json a bundle will be read with, decided while names stream past. Only that one
 * is kept outside the kept-bytes budget: any other manifest is evidence-sized data like the rest
 * (60 entries named `dN/manifest.json` once held 1 GB because every one of them was exempt).
 *
 * strip-top-directory.ts reads `manifest.json` at the root when there is one, and otherwise
 * `TOP/manifest.json` when every kept file sits under the one directory TOP (not a layout
 * directory such as `etc/`). A reader sees names one at a time, so this tracks the single
 * candidate that may still be used and says when it stops being usable: a root manifest arrived,
 * or a file outside TOP did. The reader then charges the demoted candidate to the budget.
 */
import { LAYOUT_TOPS } from './strip-top-directory.js';

export interface Admission {
  /** This entry is the manifest that will be used (so far): it is kept outside the budget. */
  readonly exempt: boolean;
  /** An earlier candidate that can no longer be used and must now be charged, or null. */
  readonly demote: string | null;
}

export class ManifestChoice {
  private candidate: string | null = null;
  private rootChosen = false;
  /** The one top directory of every file admitted so far; null before the first, '' once they differ. */
  private top: string | null = null;

  /** Register the next kept file's normalised path. */
  admit(path: string): Admission {
    if (path === 'manifest.json') {
      const demote = this.candidate;
      this.candidate = path;
      this.rootChosen = true;
      return { exempt: true, demote };
    }
    const slash = path.indexOf('/');
    const top = slash === -1 ? '' : path.slice(0, slash);
    this.top = this.top === null || this.top === top ? top : '';
    if (this.rootChosen) return { exempt: false, demote: null };
    if (this.candidate !== null && this.top === '') {
      const demote = this.candidate;
      this.candidate = null;
      return { exempt: false, demote };
    }
    const usable = this.candidate === null && this.top !== '' && !LAYOUT_TOPS.has(top) && path === `${top}/manifest.json`;
    if (usable) this.candidate = path;
    return { exempt: usable, demote: null };
  }
}
