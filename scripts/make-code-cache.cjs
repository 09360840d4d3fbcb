// Makes dist/bundle/app.js.cache: runs the bundled CLI once, as the launcher does, on a sample
// (terminal summary and JSON report), then saves V8's code cache, which then holds every function
// that run compiled. Run by scripts/bundle.mjs.
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');
const { createRequire, wrap } = require('node:module');

const dir = resolve('dist/bundle');
const app = join(dir, 'app.js');
const launcher = join(dir, 'main.js');
const out = mkdtempSync(join(tmpdir(), 'ptdoctor-cache-'));
const script = new Script(wrap(readFileSync(app, 'utf8')), { filename: app });
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
script.runInThisContext()(mod.exports, createRequire(launcher), mod, launcher, dir);
process.on('beforeExit', () => {
  if (process.exitCode !== undefined && process.exitCode > 1) throw new Error(`the sample analysis failed (exit ${process.exitCode})`);
  writeFileSync(`${app}.cache`, script.createCachedData());
  rmSync(out, { recursive: true, force: true });
  process.exitCode = 0;
});
