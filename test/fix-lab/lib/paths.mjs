// Where the fix-apply lab keeps things. FIXLAB_CACHE moves the cache (the base image, the .deb
// files it was built from, each scenario's run) out of the work tree, e.g. to a folder that
// outlives a fresh clone.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const FIXLAB = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = join(FIXLAB, '..', '..');
export const GUEST = join(FIXLAB, 'guest');
export const SCENARIOS = join(FIXLAB, 'scenarios');
export const CACHE = process.env.FIXLAB_CACHE ? resolve(process.env.FIXLAB_CACHE) : join(FIXLAB, '.cache');
