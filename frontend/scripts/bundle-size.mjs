#!/usr/bin/env node
// Measures the production bundle as a browser downloads it: every .js (and .css) file of the Vite build, raw and
// gzip-compressed (level 9, as a server would serve it). Fails when the JavaScript exceeds the budget.
// Usage: npm run build && npm run bundle-size
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_JS_GZIP_BYTES = 250 * 1000;
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..', '..', 'launcher', 'src', 'main', 'resources', 'static');

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

if (!fs.existsSync(outDir)) {
  console.error(`${outDir} does not exist: run npm run build first`);
  process.exit(2);
}
const totals = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
for (const file of files(outDir)) {
  const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
  if (!kind) continue;
  const bytes = fs.readFileSync(file);
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  totals[kind].raw += bytes.length;
  totals[kind].gzip += gz;
  console.log(`${path.relative(outDir, file)}: ${(bytes.length / 1000).toFixed(1)} kB raw, ${(gz / 1000).toFixed(1)} kB gzip`);
}
console.log(`JavaScript total: ${(totals.js.raw / 1000).toFixed(1)} kB raw, ${(totals.js.gzip / 1000).toFixed(1)} kB gzip (budget ${BUDGET_JS_GZIP_BYTES / 1000} kB)`);
console.log(`CSS total: ${(totals.css.raw / 1000).toFixed(1)} kB raw, ${(totals.css.gzip / 1000).toFixed(1)} kB gzip`);
if (totals.js.gzip > BUDGET_JS_GZIP_BYTES) {
  console.error('JavaScript bundle over budget');
  process.exit(1);
}
