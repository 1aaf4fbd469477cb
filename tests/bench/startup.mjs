// Start-up, memory and idle figures for three pages measured side by side in one run: a blank page, a
// bare Dear ImGui page built with our toolchain and flags (tests/bench/bare), and the hosted widget.
// Rounds are interleaved (blank, bare, widget, blank, ...) in fresh browser contexts, so a busy machine
// slows all three alike; medians with min-max, and ratios against the bare page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { startSandbox, launchBrowser, instrument } from '../browser/harness.mjs';

const ROUNDS = Number(process.env.AMP_BENCH_ROUNDS || 5);
const bareDir = process.env.AMP_BARE;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

// The blank and bare pages, from a plain static server on loopback.
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/blank.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
  try {
    const body = await readFile(bareDir + (path === '/' ? '/index.html' : path));
    res.writeHead(200, { 'content-type': types[extname(path) || '.html'] }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const local = `http://127.0.0.1:${server.address().port}`;
const sandbox = await startSandbox();
const browser = await launchBrowser();

// Each page: where to go, and the moment that counts as its first interactive frame.
const pages = {
  blank: { url: local + '/blank.html', first: () => performance.getEntriesByType('navigation')[0]?.loadEventEnd },
  bare: { url: local + '/', first: () => window.__firstFrame },
  widget: { url: sandbox.web + '/?provider=pinterest', first: () => window.__t.ready, provider: () => window.__t.providerLoaded },
};

async function load(name) {
  const p = pages[name];
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  await instrument(page); // WebGL draw calls in window.__draws, wasm memories in window.__memories
  await page.addInitScript(() => {
    window.__t = {};
    for (const t of ['ready', 'providerLoaded'])
      document.addEventListener('ampersand-setup:' + t, () => { window.__t[t] = performance.now(); });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(p.url);
  await page.waitForFunction(p.provider ?? p.first, null, { timeout: 60000 });
  const first = await page.evaluate(p.first);
  const provider = p.provider ? await page.evaluate(p.provider) : undefined;
  const wasm = await page.evaluate(() => window.__memories.reduce((n, m) => n + m.buffer.byteLength, 0));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.waitForTimeout(500);
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const [draws0, busy0] = [await page.evaluate(() => window.__draws), await busy()];
  await page.waitForTimeout(3000);
  const idleDraws = (await page.evaluate(() => window.__draws)) - draws0;
  const idleCpu = (await busy()) - busy0; // seconds of main-thread work in 3 s of idleness
  await context.close();
  return { first, provider, wasm, heap, idleDraws, idleCpuMs: idleCpu * 1000 };
}

const results = Object.fromEntries(Object.keys(pages).map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const name of Object.keys(pages)) results[name].push(await load(name));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figure = (name, key) => results[name].map((r) => r[key]).filter((v) => v !== undefined);
const line = (label, key, unit, scale = 1) => {
  const cells = Object.keys(pages).map((name) => {
    const xs = figure(name, key).map((v) => v / scale);
    if (!xs.length) return '-'.padStart(24);
    return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`.padStart(24);
  });
  const bare = figure('bare', key), widget = figure('widget', key);
  const ratio = bare.length && widget.length && median(bare) > 0 ? `${(median(widget) / median(bare)).toFixed(2)}x` : '';
  console.log(`  ${(label + ' ' + unit).padEnd(34)}${cells.join('')}  ${ratio}`);
};
console.log(`  ${''.padEnd(34)}${Object.keys(pages).map((n) => n.padStart(24)).join('')}  widget/bare`);
line('navigation -> first frame', 'first', 'ms');
line('navigation -> provider on screen', 'provider', 'ms');
line('wasm memory at ready', 'wasm', 'MiB', 1 << 20);
line('JS heap at ready', 'heap', 'MiB', 1 << 20);
line('draw calls in 3 s idle', 'idleDraws', '');
line('main-thread work in 3 s idle', 'idleCpuMs', 'ms');
console.log(`  (medians of ${ROUNDS} interleaved rounds, min-max in brackets; headless Chromium, SwiftShader WebGL)`);
await browser.close();
await sandbox.stop();
server.close();
