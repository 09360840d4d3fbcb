/**
 * The installed package's root (holds templates/ and rules/*.md), found from this file's location
 * whether it runs from src/ under a test runner or from dist/src/ after the build.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root !== null) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('ptdoctor package root not found');
    dir = up;
  }
  root = dir;
  return dir;
}
