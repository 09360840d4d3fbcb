// Makes dist/bundle/app.js.cache: runs the bundled CLI once, as the launcher does, on a sample
// (terminal summary and JSON report), then saves V8's code cache, which then holds every function
// that run compiled, after a header naming the app.js it belongs to (see launcher.cjs: the magic
// line and the SHA-256 of app.js). Run by scripts/bundle.mjs.
'use strict';
const { createHash } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');

const CACHE_MAGIC = 'ptdoctor-code-cache-1\n';
const dir = resolve('dist/bundle');
const app = join(dir, 'app.js');
const launcher = join(dir, 'main.js');
const out = mkdtempSync(join(tmpdir(), 'ptdoctor-cache-'));
const source = readFileSync(app);
// the same wrapper text as launcher.cjs: a cache belongs to the exact source V8 compiled
const wrapped = `(function (exports, require, module, __filename, __dirname, __ptdoctorImport) {${source.toString('utf8')}\n})`;
const script = new Script(wrapped, { filename: app });
process.argv = [
  process.execPath,
  launcher,
  'analyze',
  resolve('samples/lab-group-shared.tgz'),
  '-f',
  'json',
  '-o',
  join(out, 'report.json'),
];
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(launcher), mod, launcher, dir, (url) => import(url));
process.on('beforeExit', () => {
  if (process.exitCode !== undefined && process.exitCode > 1) throw new Error(`the sample analysis failed (exit ${process.exitCode})`);
  const hash = createHash('sha256').update(source).digest();
  writeFileSync(`${app}.cache`, Buffer.concat([Buffer.from(CACHE_MAGIC, 'latin1'), hash, script.createCachedData()]));
  rmSync(out, { recursive: true, force: true });
  process.exitCode = 0;
});
