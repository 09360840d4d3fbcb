/**
 * Bundle the CLI and the fleet worker (dist/bundle/), and give the CLI a V8 code cache.
 *
 * Loading ~200 small ES modules cost more start-up time than the analysis of a typical bundle, and
 * so did compiling the one big module that replaced them (npm run bench). So the CLI is one
 * CommonJS file, app.js, that the launcher main.js compiles with the code cache app.js.cache, made
 * here by running an analysis of a sample once (scripts/make-code-cache.cjs). The cache names the
 * app.js it was made from by hash; a cache made from other code, or one V8 rejects (another Node
 * version), is not used and only costs the compile it would have saved. The build checks that the
 * launcher uses the cache it just made.
 *
 * dist/bundle/package.json marks the directory CommonJS, so the fleet's
 * `new URL('./fleet-worker.js', …)` resolves in the bundle as it does in dist/src/. Templates and
 * rule docs stay files, found from the package root.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist/bundle', { recursive: true });
writeFileSync('dist/bundle/package.json', '{ "type": "commonjs" }\n');
await build({
  entryPoints: { app: 'src/cli/main.ts', 'fleet-worker': 'src/fleet/fleet-worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: 'dist/bundle',
  // import.meta.url of the file that runs: the launcher passes its own __filename to app.js
  define: { 'import.meta.url': '__ptdoctorMetaUrl' },
  banner: { js: "const __ptdoctorMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // the launcher compiles app.js as a script, which cannot import(): lazy built-ins load by
  // require, and ES modules (site rules, --rules) through the import() the launcher passes in
  supported: { 'dynamic-import': false },
  // smaller source to read and hash at every start; names stay for --debug stack traces
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
// app.js is compiled as a function body by the launcher: no hashbang line
const appJs = readFileSync('dist/bundle/app.js', 'utf8');
writeFileSync('dist/bundle/app.js', appJs.startsWith('#!') ? appJs.slice(appJs.indexOf('\n') + 1) : appJs);
copyFileSync('scripts/launcher.cjs', 'dist/bundle/main.js');
// the sample analysis's own output ("wrote …") is noise in a build; it is shown only when it failed
const made = spawnSync(process.execPath, ['scripts/make-code-cache.cjs'], { stdio: ['ignore', 'ignore', 'pipe'] });
if (made.status !== 0) {
  process.stderr.write(made.stderr);
  process.exit(made.status ?? 1);
}
// the launcher says with --debug when it does not use the cache: a cache it would refuse fails the build
const used = spawnSync(process.execPath, ['dist/bundle/main.js', '--version', '--debug'], { encoding: 'utf8' });
if (used.status !== 0 || used.stderr !== '') {
  process.stderr.write(`the built CLI does not start with its code cache:\n${used.stderr}`);
  process.exit(1);
}
