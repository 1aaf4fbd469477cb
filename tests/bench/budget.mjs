// The download-size budget: brotli-compresses the widget's files in dist/ and fails when their total
// grows past the recorded baseline plus the allowed growth (budget.json). Sizes, not times: stable.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const budget = JSON.parse(readFileSync(new URL('./budget.json', import.meta.url)));
const dist = process.env.AMP_DIST;
let total = 0;
for (const f of budget.files) {
  const bytes = brotliCompressSync(readFileSync(`${dist}/${f}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += bytes;
  console.log(`${f.padEnd(22)} ${String(bytes).padStart(8)} B brotli`);
}
const limit = Math.round(budget.baselineBrotliBytes * (1 + budget.allowedGrowth));
console.log(`${'total'.padEnd(22)} ${String(total).padStart(8)} B (baseline ${budget.baselineBrotliBytes}, limit ${limit})`);
const ok = total <= limit;
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
