#!/usr/bin/env node
// ptdoctor's launcher (copied to dist/bundle/main.js by scripts/bundle.mjs): compiles the bundled
// CLI (app.js) with the V8 code cache made at build time (scripts/make-code-cache.cjs), and gives
// it the one thing a compiled script cannot do itself: import() an ES module (site rules, --rules).
//
// The cache file starts with the SHA-256 of the app.js it was made from. V8 checks only the
// source's length, and runs stale cached code for a changed source of the same length, so a cache
// made from other code is never offered. A cache that is not used (made from other code, or
// rejected by this V8: another Node version) costs only the compile it would have saved; with
// --debug the launcher says so on stderr.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const CACHE_MAGIC = 'ptdoctor-code-cache-1\n';
const app = join(__dirname, 'app.js');
const source = readFileSync(app);
const sourceHash = createHash('sha256').update(source).digest();
let cachedData;
let cache;
try {
  const file = readFileSync(`${app}.cache`);
  const hashAt = CACHE_MAGIC.length;
  const dataAt = hashAt + sourceHash.length;
  if (file.toString('latin1', 0, hashAt) !== CACHE_MAGIC) cache = 'not a ptdoctor code cache';
  else if (!file.subarray(hashAt, dataAt).equals(sourceHash)) cache = 'made from other code than this app.js';
  else {
    cachedData = file.subarray(dataAt);
    cache = 'used';
  }
} catch {
  cache = 'absent';
}
// Parameters of the wrapper app.js is compiled in (make-code-cache.cjs uses the same text).
const wrapped = `(function (exports, require, module, __filename, __dirname, __ptdoctorImport) {${source.toString('utf8')}\n})`;
const script = new Script(wrapped, { filename: app, cachedData });
if (cachedData !== undefined && script.cachedDataRejected) cache = 'rejected by this Node version';
if (cache !== 'used' && process.argv.includes('--debug')) process.stderr.write(`ptdoctor: code cache not used: ${cache}\n`);
// app.js sees this file as its own: its entry-point check and import.meta.url name main.js
script.runInThisContext()(exports, require, module, __filename, __dirname, (url) => import(url));
