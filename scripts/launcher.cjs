#!/usr/bin/env node
// ptdoctor's launcher (copied to dist/bundle/main.js by scripts/bundle.mjs): compiles the bundled
// CLI (app.js) with the V8 code cache made at build time, when there is one V8 accepts.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { wrap } = require('node:module');

const app = join(__dirname, 'app.js');
let cachedData;
try {
  cachedData = readFileSync(`${app}.cache`);
} catch {
  cachedData = undefined;
}
const script = new Script(wrap(readFileSync(app, 'utf8')), { filename: app, cachedData });
// app.js sees this file as its own: its entry-point check and import.meta.url name main.js
script.runInThisContext()(exports, require, module, __filename, __dirname);
