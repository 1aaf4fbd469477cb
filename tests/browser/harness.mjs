// Shared pieces of the browser tests: the sandbox on free ports, Debian's Chromium through
// playwright-core, and ways to reach the widget the way people do (the accessible mirror).
import { spawn } from 'node:child_process';
import { before, after, beforeEach, afterEach } from 'node:test';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { checkRequest } from '../contract/openapi.mjs';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through ctest (./dev test)`);
  return v;
};
const require = createRequire(env('AMP_NODE_MODULES') + '/');
const { chromium } = require('playwright-core');

// Starts amp-sandbox on free ports and resolves with the URLs it printed on its first line.
// Deterministic by default (fixed ids and clock); tokens that must expire in real time need it off.
export async function startSandbox(extraArgs = [], { deterministic = true } = {}) {
  const hostDir = fileURLToPath(new URL('./host', import.meta.url));
  const child = spawn(env('AMP_SANDBOX'), ['--dist', env('AMP_DIST'), '--web-port', '0', '--api-port', '0',
    '--consent-port', '0', '--host-port', '0', '--host-dir', hostDir, '--quiet',
    ...(deterministic ? ['--deterministic'] : []), ...extraArgs],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`amp-sandbox exited with ${code} before printing its URLs`)));
  });
  child.stdout.resume();
  const info = JSON.parse(first);
  const apiOrigin = new URL(info.api).origin;
  const admin = async (path, body) => {
    const r = await fetch(apiOrigin + '/__sandbox/' + path, body === undefined ? {} :
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(r.ok, `sandbox admin ${path} answered ${r.status}`);
    return r.headers.get('content-type')?.includes('json') ? r.json() : r.text();
  };
  return {
    ...info,
    apiOrigin,
    switches: (s) => admin('switches', s),
    reset: () => admin('reset', {}),
    requests: () => admin('requests'),
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }),
  };
}

// Registers the file's hooks: one sandbox and one browser for all its tests, the sandbox's data and
// switches reset before each test, the requests the widget sent checked against the contract after it.
// `use(sandbox, browser)` receives them once started.
export function withSandbox(use, { args = [], deterministic = true } = {}) {
  let sandbox, browser;
  before(async () => {
    sandbox = await startSandbox(args, { deterministic });
    browser = await launchBrowser();
    use(sandbox, browser);
  });
  after(async () => {
    await browser?.close();
    await sandbox?.stop();
  });
  beforeEach(() => sandbox.reset());
  // Every request the test made the widget send must follow Ampersand's published contract.
  afterEach(async () => {
    const issues = (await sandbox.requests()).filter((r) => r.method !== 'OPTIONS').flatMap(checkRequest);
    assert.deepEqual(issues, [], 'the widget sent requests outside the contract in tests/contract');
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Popup blocking stays on (playwright turns it off by default): the widget must open windows
    // inside the user's gesture, and these tests must see it when it does not.
    ignoreDefaultArgs: ['--disable-popup-blocking'],
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-gpu-sandbox',
      '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

// Before any page script: record the widget's events (window.__ampEvents), its WebGL draw calls
// (window.__draws) and its module memory (window.__memories).
export function instrument(page) {
  return page.addInitScript(() => {
    window.__ampEvents = [];
    // The module's memory, so tests can look for secrets left in it.
    window.__memories = [];
    const keep = (r) => {
      const inst = r.instance || r;
      for (const v of Object.values(inst.exports || {})) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
      return r;
    };
    const streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
    if (streaming) WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then(keep);
    WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);
    // The frames the page has asked for and not yet had: the widget's main loop asks for one per frame
    // while it runs and none once it has paused (idle). window.__nextFrame waits a frame without counting.
    window.__framesPending = 0;
    const frame = window.requestAnimationFrame.bind(window);
    window.__nextFrame = () => new Promise((resolve) => frame(resolve));
    window.requestAnimationFrame = (callback) => {
      window.__framesPending++;
      return frame((t) => { window.__framesPending--; callback(t); });
    };
    // Characters the browser drew for the widget's font atlas (web/src/glyphs.js does it with fillText).
    window.__glyphDraws = 0;
    for (const C of [window.CanvasRenderingContext2D, window.OffscreenCanvasRenderingContext2D]) {
      const fill = C && C.prototype.fillText;
      if (fill) C.prototype.fillText = function (...a) { window.__glyphDraws++; return fill.apply(this, a); };
    }
    window.__draws = 0; // WebGL draw calls, to see when the widget renders
    const draw = WebGL2RenderingContext.prototype.drawElements;
    WebGL2RenderingContext.prototype.drawElements = function (...a) { window.__draws++; return draw.apply(this, a); };
    const types = ['ready', 'providerLoaded', 'providerChosen', 'providerAppSaved', 'providerAppDeleted', 'connected', 'connectionRemoved',
      'unsavedChanges', 'error'];
    for (const t of types) document.addEventListener('ampersand-setup:' + t, (e) => window.__ampEvents.push(e.detail));
  });
}

// Opens the hosted page (or, with `mount`, a bare test page that mounts the widget with those options;
// `mount.tokenFrom` names the sandbox's token endpoint to make a getToken from)
// and waits for the widget's `ready` event. Every event the widget sends is recorded in
// window.__ampEvents; console output is kept for secret checks. `context`: more browser-context options
// (touch, colour scheme, forced colours). `provider`: Pinterest unless the options or query name one;
// '' names none (the provider picker). `prepare(page)`: runs before the page loads (routes, say).
export async function openWidget(browser, sandbox, { dpr = 1, query = '', width = 900, height = 800, mount, context: extra,
  provider = 'pinterest', prepare } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, ...extra });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push('pageerror: ' + e.message));
  await instrument(page);
  if (prepare) await prepare(page);
  if (mount) { // a page on a third origin, loading the widget from the web origin like from a CDN
    await page.goto(sandbox.host + '/index.html');
    await page.addScriptTag({ url: sandbox.web + '/ampersand-setup.js' });
    await page.evaluate((o) => {
      if (o.tokenFrom) { // getToken from a stand-in for the builder's backend (a function cannot be passed in)
        const url = o.tokenFrom;
        delete o.tokenFrom;
        o.getToken = async (refs) => (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify(refs) })).json()).token;
      }
      window.__handle = AmpersandSetup.mount('#widget', o);
    }, { apiBase: sandbox.api, provider, ...mount });
  } else {
    if (provider && !/(^|&)provider=/.test(query)) query = (query ? query + '&' : '') + 'provider=' + provider;
    await page.goto(sandbox.web + '/' + (query ? '?' + query : ''));
  }
  await page.waitForFunction(() => window.__ampEvents.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  return { page, context, consoleLines, events: () => page.evaluate(() => window.__ampEvents) };
}

// Serves `url` to the page without its Content-Security-Policy header, as a deployment that sends none would.
export const withoutPolicyHeader = (page, url) => page.route(url, async (route) => {
  const response = await route.fetch();
  const headers = { ...response.headers() };
  delete headers['content-security-policy'];
  await route.fulfill({ response, headers });
});

// Resolves once the widget's main loop has paused: it does so a few frames after the last change, so
// everything it was doing has been drawn (a focused text field keeps it running, for its caret).
// Polls on a timer, since polling by animation frame would itself ask for frames.
export const loopPaused = (page, timeout = 10000) =>
  page.waitForFunction(() => window.__framesPending === 0, null, { timeout, polling: 50 });

// Resolves after n of the page's frames: a span counted in frames, where nothing but a frame matters.
export const framesPass = (page, n) =>
  page.evaluate(async (k) => { for (let i = 0; i < k; i++) await window.__nextFrame(); }, n);

// Polls `check` (async, in node) until it answers something truthy, and resolves with that; fails with
// `what` once `timeout` ms have gone by. For conditions a page function cannot see (screenshots, memory scans).
export async function until(check, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await check();
    if (result) return result;
    assert.ok(Date.now() < deadline, `timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const waitForEvent = (page, type, timeout = 15000) =>
  page.waitForFunction((t) => window.__ampEvents.find((e) => e.type === t), type, { timeout }).then((h) => h.jsonValue());

// Types the project and key into the access step and connects.
export async function connectToAmpersand(page, sandbox, key = sandbox.apiKey) {
  await page.getByRole('textbox', { name: 'Project' }).fill(sandbox.project);
  await page.getByRole('textbox', { name: 'API key', exact: true }).fill(key);
  await press(page.getByRole('button', { name: 'Connect to Ampersand' }));
}

// Types the sandbox's Pinterest app into the "App ID" step and asks to save it.
export async function submitApp(page, sandbox, secret = sandbox.pinterestApp.appSecret) {
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(secret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
}

// Registers the sandbox's Pinterest app (from the "App ID" step on) and waits until it is saved.
export async function registerApp(page, sandbox, secret = sandbox.pinterestApp.appSecret) {
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await submitApp(page, sandbox, secret);
  return waitForEvent(page, 'providerAppSaved');
}

// A saved app folds to what Ampersand holds; "Edit app" opens its form again.
export async function editApp(page) {
  await press(page.getByRole('button', { name: 'Edit app' }));
  await page.getByRole('textbox', { name: 'App ID' }).waitFor({ state: 'attached' });
}

// How many times each byte sequence occurs in the widget module's memory. The needles go in as numbers,
// so the scan itself puts no copy of a secret in the page.
const memoryCounts = (page, needles) => page.evaluate((list) => list.map((needle) => {
  let n = 0;
  for (const m of window.__memories) {
    const hay = new Uint8Array(m.buffer);
    outer: for (let i = hay.indexOf(needle[0]); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(needle[0], i + 1)) {
      for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      n++;
    }
  }
  return n;
}), needles);
const utf8 = (text) => [...new TextEncoder().encode(text)];
// ImGui's edit buffers hold one 32-bit ImWchar per code point (IMGUI_USE_WCHAR32, src/web.cmake).
const utf32 = (text) => [...text].flatMap((ch) => { const c = ch.codePointAt(0); return [c & 255, (c >> 8) & 255, c >> 16, 0]; });

// How many times `text` (as UTF-8) occurs in the widget module's memory.
export const inMemory = async (page, text) => (await memoryCounts(page, [utf8(text)]))[0];

// Where copies of `text` are in the page: as UTF-8 and as UTF-32 (ImGui's edit buffers) in the widget
// module's memory, and as live JavaScript strings (a heap snapshot after a full GC; the snapshot gives each
// string's characters whether V8 stores it as Latin-1 or UTF-16).
export async function secretCopies(page, text) {
  const [wasmUtf8, wasmUtf32] = await memoryCounts(page, [utf8(text), utf32(text)]);
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const heap = JSON.parse(chunks.join('')).strings.filter((s) => s.includes(text)).length;
  return { wasmUtf8, wasmUtf32, heap };
}

// Waits until the widget's live region (what a screen reader announces) says something matching.
export async function announced(page, pattern, timeout = 10000) {
  await page.waitForFunction(([src, flags]) => {
    const said = [...document.querySelectorAll('.amp-setup [aria-live], .amp-setup [role=alert]')].map((e) => e.textContent);
    return new RegExp(src, flags).test(said.join('\n'));
  }, [pattern.source, pattern.flags], { timeout });
}

// axe-core's WCAG 2.1 A and AA violations in the widget (its accessible mirror), as {id, targets}. The page
// must allow the script (open it with `context: { bypassCSP: true }`).
export async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run('.amp-setup', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

// A control's accessible description (its hint, or the error shown beside it).
export const description = (locator) =>
  locator.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent ?? '');

// Resolves once the widget has drawn at the page's current scroll offset: the scroll event reaches
// the module on the next frame, which draws it, and the loop then pauses.
export async function drawnAtScroll(page) {
  await framesPass(page, 2);
  await loopPaused(page);
}

// Where a control is drawn (the centre of its mirror box, in viewport CSS px), once the page has
// scrolled it to the middle of the viewport and the widget has drawn at that offset.
export async function centerOnScreen(page, locator) {
  await locator.evaluate((el) => (el.closest('label') || el).scrollIntoView({ block: 'center' }));
  await drawnAtScroll(page);
  const r = await locator.evaluate((el) => (el.closest('label') || el).getBoundingClientRect().toJSON());
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

// Resolves once a mirror input shows `want` (the widget updates it after its next frame), or fails saying
// what it held instead.
export const valueBecomes = (locator, want) =>
  locator.evaluate((el, w) => new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`value stayed ${JSON.stringify(el.value)}, wanted ${JSON.stringify(w)}`)), 10000);
    const check = () => (el.value === w ? (clearTimeout(t), resolve()) : requestAnimationFrame(check));
    check();
  }), want);

// The mirror's elements are visually hidden (1px, clipped), so pointer clicks cannot reach them;
// press them from the keyboard, as keyboard and screen-reader users do.
export async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

// What a PNG screenshot shows: how many pixels differ from its top-left one (the background), the colour
// just inside its bottom-left corner, and, given an [r, g, b], how many pixels are near that colour.
export async function pngFacts(page, png, like = null) {
  return page.evaluate(async ([b64, want]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const far = (i, rgb) => Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]);
    let painted = 0, near = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (far(i, d) > 48) painted++;
      if (want && far(i, want) < 40) near++;
    }
    const corner = ((c.height - 3) * c.width + 2) * 4;
    return { painted, near, bottomLeft: Array.from(d.slice(corner, corner + 3)) };
  }, [png.toString('base64'), like]);
}

export const paintedPixels = async (page, png) => (await pngFacts(page, png)).painted;

// ---- the OAuth step ------------------------------------------------------------------------------------

// Short waits so the slow paths finish within a test; the behaviour is the same as with the defaults.
export const FAST = { checkEveryMs: 250, closedGraceMs: 2500, slowMs: 1500, blockedWatchMs: 20000 };

// A widget with a saved app, ready to test. window.__opens records, for every window.open call, the
// type of the DOM event being dispatched at that moment (undefined when called outside any event).
export async function readyToTest(browser, sandbox, extra = {}) {
  const w = await openWidget(browser, sandbox, { mount: { signInTimeouts: FAST, ...extra } });
  await w.page.evaluate(() => {
    window.__opens = [];
    const open = window.open;
    window.open = function (...args) {
      window.__opens.push(window.event ? window.event.type : undefined);
      return open.apply(this, args);
    };
  });
  await connectToAmpersand(w.page, sandbox);
  w.app = await registerApp(w.page, sandbox);
  return w;
}

// Approves the consent in `consent` (the popup, or a tab opened from the link), waits for the widget's
// `connected` event, checks it names the provider consented to, and resolves with it.
export async function approve(consent, page, provider = 'pinterest') {
  await consent.getByRole('button', { name: 'Approve' }).click();
  const connected = await waitForEvent(page, 'connected', 30000);
  assert.equal(connected.provider, provider);
  return connected;
}

export const testButton = (page) => page.getByRole('button', { name: /^(Test connection|Try again)$/ });

export async function startTest(page) {
  const popup = page.waitForEvent('popup');
  await press(testButton(page));
  return popup;
}
