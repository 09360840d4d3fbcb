import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const LAB = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = join(LAB, '..', '..');
export const CACHE = join(LAB, '.cache');
