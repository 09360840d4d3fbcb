import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { CORPUS } from './build-corpus.js';
it('probe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wk-probe-'));
  for (const c of CORPUS) {
    const t = performance.now();
    await c.build(join(dir, c.file));
    const m = process.memoryUsage();
    console.log(c.id, Math.round(performance.now() - t), 'ms', (m.heapUsed / 2 ** 20).toFixed(0), 'heap', (m.rss / 2 ** 20).toFixed(0), 'rss', (statSync(join(dir, c.file)).size / 2 ** 20).toFixed(1), 'MiB');
  }
  rmSync(dir, { recursive: true, force: true });
}, 900_000);
