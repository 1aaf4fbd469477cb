// Start-up, memory and idle figures for three pages measured side by side in one run: a blank page, a
// bare Dear ImGui page built with our toolchain and flags (tests/bench/bare), and the hosted widget.
// Rounds are interleaved (blank, bare, widget, blank, ...) in fresh browser contexts, so a busy machine
// slows all three alike; medians with min-max, and ratios against the bare page. The time to the first
// frame is broken into the moments both module pages pass through, marked from outside the product (an
// init script wraps the browser calls that show them), and V8's trace counts the wasm it compiles lazily.
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
    // The moments start-up passes through, the same on both module pages (the first time each happens):
    // the page calls the module's factory, the wasm is instantiated, main() has its WebGL context, the
    // first frame compiles ImGui's shaders, uploads the font atlas and draws.
    const at = (window.__marks = {});
    const mark = (k) => { if (!(k in at)) at[k] = performance.now(); };
    for (const name of ['AmpersandSetupModule', 'Bare']) { // the module script's top-level var calls the setter
      let factory;
      Object.defineProperty(window, name, { configurable: true, get: () => factory,
        set: (f) => { factory = (...a) => { mark('factory'); return f(...a); }; } });
    }
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then((r) => { mark('instantiated'); return r; });
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...a) {
      const c = getContext.call(this, type, ...a);
      if (type === 'webgl2') mark('gl');
      return c;
    };
    const gl = WebGL2RenderingContext.prototype;
    for (const [method, key] of [['compileShader', 'shaders'], ['texImage2D', 'texture'], ['drawElements', 'draw']]) {
      const f = gl[method];
      gl[method] = function (...a) { mark(key); return f.apply(this, a); };
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // V8 compiles a wasm function on the main thread the first time it runs (lazy compilation): its share
  // of start-up is counted from the trace, which tells it apart from running the code.
  const trace = [];
  cdp.on('Tracing.dataCollected', (e) => trace.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed'] }, transferMode: 'ReportEvents' });
  await page.goto(p.url);
  await page.waitForFunction(p.provider ?? p.first, null, { timeout: 60000 });
  await cdp.send('Tracing.end');
  await traced;
  const first = await page.evaluate(p.first);
  const provider = p.provider ? await page.evaluate(p.provider) : undefined;
  const phases = await page.evaluate((first) => {
    const m = window.__marks;
    const res = (file) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(file));
    const config = res('/config.json'), asked = res('/providers/pinterest');
    return { configAt: config?.responseEnd, factoryAt: m.factory, instantiate: m.instantiated - m.factory,
      toGl: m.gl - m.instantiated, main: m.shaders - m.gl, shaders: m.texture - m.shaders, texture: m.draw - m.texture,
      draw: first - m.draw, providerAskedAt: asked?.startTime, providerAnswer: asked && asked.responseEnd - asked.startTime };
  }, first);
  // Its milliseconds follow the machine's load; how many functions and bytes it compiled do not.
  const lazyEvents = trace.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X');
  const lazy = lazyEvents.reduce((n, e) => n + e.dur / 1000, 0);
  const bodies = new Map(trace.filter((e) => e.name === 'wasm.CompileBaseline').map((e) => [e.args?.funcIndex, e.args?.bodySize || 0]));
  const lazyKiB = lazyEvents.reduce((n, e) => n + (bodies.get(e.args?.func_index) || 0), 0) / 1024;
  const wasm = await page.evaluate(() => window.__memories.reduce((n, m) => n + m.buffer.byteLength, 0));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.waitForTimeout(500);
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const [draws0, busy0] = [await page.evaluate(() => window.__draws), await busy()];
  await page.waitForTimeout(3000);
  const idleDraws = (await page.evaluate(() => window.__draws)) - draws0;
  const idleCpu = (await busy()) - busy0; // seconds of main-thread work in 3 s of idleness
  await context.close();
  return { first, provider, wasm, heap, idleDraws, idleCpuMs: idleCpu * 1000, ...(p.provider || name === 'bare' ? { ...phases, lazy, lazyCount: lazyEvents.length, lazyKiB } : {}) };
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
  console.log(`  ${(label + ' ' + unit).padEnd(46)}${cells.join('')}  ${ratio}`);
};
console.log(`  ${''.padEnd(46)}${Object.keys(pages).map((n) => n.padStart(24)).join('')}  widget/bare`);
line('navigation -> first frame', 'first', 'ms');
line('navigation -> provider on screen', 'provider', 'ms');
console.log('  where the time to the first frame goes (ms):');
for (const [label, key] of [
  ['  navigation -> config.json in', 'configAt'],
  ['  navigation -> module started', 'factoryAt'],
  ['  wasm fetched, compiled, instantiated', 'instantiate'],
  ['  main(): setup, requests, WebGL context', 'toGl'],
  ['  main(): ImGui, fonts; frame waits', 'main'],
  ['  frame: shaders (bare: its atlas too)', 'shaders'],
  ['  frame: atlas upload to first draw', 'texture'],
  ['  frame: drawing to ready', 'draw'],
  ['  of all these: lazy wasm compile', 'lazy'],
  ['  functions it compiled', 'lazyCount'],
  ['  KiB of code it compiled', 'lazyKiB'],
  ['  navigation -> provider asked', 'providerAskedAt'],
  ['  provider request answered in', 'providerAnswer'],
]) line(label, key, '');
line('wasm memory at ready', 'wasm', 'MiB', 1 << 20);
line('JS heap at ready', 'heap', 'MiB', 1 << 20);
line('draw calls in 3 s idle', 'idleDraws', '');
line('main-thread work in 3 s idle', 'idleCpuMs', 'ms');
console.log(`  (medians of ${ROUNDS} interleaved rounds, min-max in brackets; headless Chromium, SwiftShader WebGL)`);
await browser.close();
await sandbox.stop();
server.close();
