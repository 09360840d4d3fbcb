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
 * The report templates are compiled here, not at every run (compiling them cost more than the rest
 * of an HTML and Markdown report): src/report/compiled-templates.ts is replaced in the bundle by
 * every templates/**\/*.hbs precompiled with the options the renderer asks for
 * (src/report/render.ts compileOptions, read from the tsc output this build runs after).
 *
 * dist/bundle/package.json marks the directory CommonJS, so the fleet's
 * `new URL('./fleet-worker.js', …)` resolves in the bundle as it does in dist/src/. Templates and
 * rule docs stay files, found from the package root (the stylesheet and the rule docs are read).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { build } from 'esbuild';
import { compileOptions } from '../dist/src/report/render.js';

/** Every template under templates/, by its path there, precompiled: the module that replaces compiled-templates.ts. */
function compiledTemplatesModule() {
  const names = readdirSync('templates', { recursive: true })
    .map((n) => n.split('\\').join('/'))
    .filter((n) => n.endsWith('.hbs'))
    .sort();
  const entries = names.map((name) => {
    // recorded before precompile(), which adds its defaults to the object it is given
    const options = JSON.stringify(compileOptions(name));
    const spec = Handlebars.precompile(readFileSync(join('templates', name), 'utf8'), JSON.parse(options));
    return `${JSON.stringify(name)}: { options: ${JSON.stringify(options)}, spec: ${spec} }`;
  });
  return `export const compiledTemplates = {\n${entries.join(',\n')}\n};\n`;
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]report[\\/]compiled-templates\.ts$/ }, () => ({ contents: compiledTemplatesModule(), loader: 'js' }));
  },
};

/**
 * Commander loads node:child_process (and with it net, dgram and a dozen more built-in modules,
 * about 2 ms of every start) for executable subcommands, which ptdoctor has none of: it is loaded
 * only if one were spawned. The build fails if commander's line changes, so an upgrade is looked at.
 */
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(COMMANDER_CHILD_PROCESS)) throw new Error(`${args.path} no longer holds: ${COMMANDER_CHILD_PROCESS}`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: text.replace(COMMANDER_CHILD_PROCESS, lazy), loader: 'js' };
    });
  },
};

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
  plugins: [precompiledTemplates, lazyChildProcess],
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
// the shipped CLI renders HTML and Markdown without reading a template: run from a copy of the
// package that holds no .hbs file, it fails if it would compile one at run time (a template the
// module lacks, or one compiled with other options than the renderer asks for)
const copy = mkdtempSync(join(tmpdir(), 'ptdoctor-build-'));
cpSync('package.json', join(copy, 'package.json'));
cpSync('dist/bundle', join(copy, 'dist/bundle'), { recursive: true });
cpSync('templates/report.css', join(copy, 'templates/report.css'));
cpSync('rules', join(copy, 'rules'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
const rendered = spawnSync(
  process.execPath,
  [
    join(copy, 'dist/bundle/main.js'),
    'analyze',
    'samples/lab-group-shared.tgz',
    '-f',
    'html',
    '-f',
    'md',
    '-o',
    join(copy, 'r'),
    '--fail-on',
    'never',
  ],
  { encoding: 'utf8' },
);
rmSync(copy, { recursive: true, force: true });
if (rendered.status !== 0) {
  process.stderr.write(`the built CLI does not render its reports from precompiled templates:\n${rendered.stderr}`);
  process.exit(1);
}
// the launcher says with --debug when it does not use the cache: a cache it would refuse fails the build
const used = spawnSync(process.execPath, ['dist/bundle/main.js', '--version', '--debug'], { encoding: 'utf8' });
if (used.status !== 0 || used.stderr !== '') {
  process.stderr.write(`the built CLI does not start with its code cache:\n${used.stderr}`);
  process.exit(1);
}
