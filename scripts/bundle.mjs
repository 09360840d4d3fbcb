/**
 * Bundle the CLI and the fleet worker into a few files (dist/bundle/): loading ~200 small ES
 * modules cost more start-up time than the analysis of a typical bundle (npm run bench). The
 * entries sit beside their shared chunks so the fleet's `new URL('./fleet-worker.js', …)` resolves
 * in the bundle as it does in dist/src/. Templates and rule docs stay files, found from the package root.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts', 'fleet-worker': 'src/fleet/fleet-worker.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/bundle',
  chunkNames: '[name]-[hash]',
  // Handlebars is CommonJS and calls require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __ptdoctorCreateRequire } from 'node:module'; const require = __ptdoctorCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
