// One build embedded three ways. The host page, the widget and the API are on three origins:
// inline mode, iframe mode from an allowed origin and from a refused one, a strict CSP, getToken,
// live theming, destroy and remount, and two widgets on one page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, startSandbox, registerApp, submitApp, until, instrument, inMemory, pngFacts, withoutPolicyHeader } from './harness.mjs';

let sandbox, browser;
// Real time: tokens minted by the sandbox must expire on the same clock as the browser's.
withSandbox((s, b) => { sandbox = s; browser = b; }, { deterministic: false });

// A page on the host origin with the loader from the widget's origin, each event in window.__hostEvents
// (through onEvent, not DOM events), and `mount` run in the page.
async function hostPage({ csp } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await instrument(page);
  await page.goto(sandbox.host + '/index.html');
  if (csp) await page.evaluate((content) => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = content;
    document.head.append(meta);
  }, csp);
  await page.addScriptTag({ url: sandbox.web + '/ampersand-setup.js' });
  return { context, page, consoleLines };
}

const mountIn = (page, selector, options) => page.evaluate(([sel, o]) => {
  window.__hostEvents = [];
  o.onEvent = (e) => window.__hostEvents.push(e); // the DOM events go to window.__ampEvents
  if (o.getTokenFrom) { // a stand-in for the builder's backend: mint tokens at the sandbox
    const [url, ttl, firstBogus] = o.getTokenFrom;
    window.__tokenCalls = 0;
    o.getToken = async (refs) => {
      window.__tokenCalls++;
      if (firstBogus && window.__tokenCalls === 1) return 'not.a.valid-token';
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...refs, ttl }) });
      return (await r.json()).token;
    };
    delete o.getTokenFrom;
  }
  return AmpersandSetup.mount(sel, o).then((h) => { (window.__handles ||= []).push(h); return true; });
}, [selector, { provider: 'pinterest', ...options }]); // a provider named: no picker

const canvasCorner = async (page) =>
  (await pngFacts(page, await page.locator('.amp-setup canvas').first().screenshot())).bottomLeft;

test('inline mode from a third origin: the whole setup flow, reported through onEvent', async () => {
  const { context, page, consoleLines } = await hostPage();
  await mountIn(page, '#widget', { apiBase: sandbox.api, project: sandbox.project, apiKey: sandbox.apiKey });
  const saved = await registerApp(page, sandbox);
  const [viaCallback, viaDom] = await page.evaluate(() => [window.__hostEvents, window.__ampEvents]);
  for (const t of ['ready', 'providerLoaded', 'providerAppSaved']) assert.ok(viaCallback.some((e) => e.type === t), t);
  assert.deepEqual(viaDom, viaCallback.filter((e) => e.type !== 'resize'), 'the DOM events carry the same events');
  assert.equal(saved.clientId, sandbox.pinterestApp.appId);
  const everything = JSON.stringify(viaCallback) + consoleLines.join('\n') +
    await page.evaluate(() => location.href + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const s of [sandbox.apiKey, sandbox.pinterestApp.appSecret]) assert.ok(!everything.includes(s));
  await context.close();
});

test('iframe mode from an allowed origin: events arrive and the height follows the content', async () => {
  const { context, page } = await hostPage();
  await mountIn(page, '#widget', { mode: 'iframe', frameUrl: sandbox.web + '/index.html', project: sandbox.project,
    apiKey: sandbox.apiKey });
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { name: /Register the app/ }).waitFor({ state: 'attached' });
  // The frame's height is whatever the content last said it needs: short while loading, tall after.
  await page.waitForFunction(() => {
    const sizes = window.__hostEvents.filter((e) => e.type === 'resize').map((e) => e.height);
    const last = sizes[sizes.length - 1];
    return last > 900 && sizes.some((h) => h < last - 300) &&
      Math.round(document.querySelector('iframe').getBoundingClientRect().height) === last;
  });
  const sandboxAttr = await page.locator('iframe').getAttribute('sandbox');
  assert.equal(sandboxAttr, 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms');
  await submitApp(frame, sandbox);
  await page.waitForFunction(() => window.__hostEvents.some((e) => e.type === 'providerAppSaved'));
  const events = await page.evaluate(() => window.__hostEvents);
  assert.ok(events.some((e) => e.type === 'ready') && events.some((e) => e.type === 'providerLoaded'));
  assert.ok(!JSON.stringify(events).includes(sandbox.pinterestApp.appSecret));
  await context.close();
});

test('iframe mode from an origin that is not allowed: refused on screen, nothing sent to the API', async () => {
  const refusing = await startSandbox(['--host-not-allowed']);
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page's own refusal, for deployments that send no frame-ancestors (deploy.test.mjs covers the header).
  await withoutPolicyHeader(page, refusing.web + '/index.html');
  await page.goto(refusing.host + '/index.html');
  await page.addScriptTag({ url: refusing.web + '/ampersand-setup.js' });
  await page.evaluate((url) => {
    window.__errors = [];
    window.__mounted = AmpersandSetup.mount('#widget', { mode: 'iframe', frameUrl: url, project: 'demo', apiKey: 'sandbox-key',
      frameTimeoutMs: 2000, onEvent: (e) => window.__errors.push(e) }).then(() => 'ready', (e) => 'refused: ' + e.message);
  }, refusing.web + '/index.html');
  const frame = page.frameLocator('iframe');
  await frame.getByRole('alert').filter({ hasText: 'not in this deployment' }).waitFor();
  assert.match(await frame.getByRole('alert').textContent(), new RegExp(refusing.host.replace(/[./:]/g, '\\$&')));
  assert.deepEqual((await refusing.requests()).filter((r) => r.path.startsWith('/v1')), []);
  assert.match(await page.evaluate(() => window.__mounted), /^refused/, 'the host hears of it too');
  assert.equal((await page.evaluate(() => window.__errors))[0].code, 'frame_unavailable');
  await context.close();
  await refusing.stop();
});

test('a page with the strict CSP the README documents still works', async () => {
  // img-src: the provider icons' host (Ampersand's image CDN; the sandbox's stand-in icon is on its consent origin),
  // and 'self' for the page's own favicon. Chromium fetches that at a moment of its choosing after load, and
  // Playwright's addScriptTag fails on any CSP error printed while it waits, so without 'self' the test would
  // fail now and then for the host page's sake, not the widget's.
  const csp = `default-src 'none'; script-src ${sandbox.web} 'wasm-unsafe-eval'; connect-src ${sandbox.web} ${sandbox.api.replace('/v1', '')}; ` +
    `img-src 'self' ${new URL(sandbox.consent).origin}`;
  const { context, page } = await hostPage({ csp });
  await mountIn(page, '#widget', { apiBase: sandbox.api, project: sandbox.project, apiKey: sandbox.apiKey });
  await registerApp(page, sandbox);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test('getToken: a token per expiry, fetched again before exp and once more after a 401', async () => {
  const { context, page } = await hostPage();
  await sandbox.switches({ tokensManageProviderApps: true }); // the save below is made with a token
  const tokenUrl = sandbox.apiOrigin + '/__sandbox/token';
  await mountIn(page, '#widget', { apiBase: sandbox.api, project: sandbox.project, groupRef: 'g1', consumerRef: 'c1',
    getTokenFrom: [tokenUrl, 33, true] });
  // No key is asked for: the first call's bogus token is refused (401) and a fresh one is fetched.
  await page.getByRole('heading', { name: /Register the app/ }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'API key', exact: true }).count(), 0);
  const afterStart = await page.evaluate(() => window.__tokenCalls);
  assert.equal(afterStart, 2, 'one bogus token, refused, then one good one');
  const bearer = (await sandbox.requests()).filter((r) => r.headers.authorization?.startsWith('Bearer '));
  assert.ok(bearer.length >= 2);
  // The page's clock moves 5 s on (Playwright's page.clock; the sandbox keeps real time, so the token
  // stays valid there): the 33 s token is now within 30 s of its exp, which calls for a fresh one.
  await page.clock.setSystemTime(Date.now() + 5000);
  await registerApp(page, sandbox);
  assert.equal(await page.evaluate(() => window.__tokenCalls), afterStart + 1, 'refreshed before exp');
  await context.close();
});

test('theme: dark, light and auto change the widget live', async () => {
  const { context, page } = await hostPage();
  await mountIn(page, '#widget', { apiBase: sandbox.api, theme: 'light' });
  const light = await canvasCorner(page);
  assert.ok(light.every((c) => c > 230), `light background ${light}`);
  const corner = (bright) => until(async () => (await canvasCorner(page)).every((c) => bright ? c > 230 : c < 60),
    `a ${bright ? 'light' : 'dark'} background`);
  await page.evaluate(() => window.__handles[0].update({ theme: 'dark', accent: '#0B57D0' }));
  await corner(false);
  await page.evaluate(() => window.__handles[0].update({ theme: 'auto' }));
  await page.emulateMedia({ colorScheme: 'light' });
  await corner(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await corner(false); // auto follows the system scheme as it changes
  await context.close();
});

test("forced colours: the canvas draws in the user's system colours, whatever theme the host asked for", async () => {
  const { context, page } = await hostPage();
  await mountIn(page, '#widget', { apiBase: sandbox.api, theme: 'light', accent: '#E60023' });
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' }); // a dark high-contrast scheme
  const system = await page.evaluate(() => Object.fromEntries(['Canvas', 'Highlight'].map((name) => {
    const probe = document.body.appendChild(document.createElement('i'));
    probe.style.forcedColorAdjust = 'none';
    probe.style.color = name;
    const rgb = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
    probe.remove();
    return [name, rgb];
  })));
  const near = (a, b) => a.every((c, i) => Math.abs(c - b[i]) <= 8);
  await until(async () => near(await canvasCorner(page), system.Canvas), `the background in Canvas ${system.Canvas}`);
  // The primary button is filled with Highlight, not the host's red accent.
  const box = await page.getByRole('button', { name: 'Connect to Ampersand' }).evaluate((el) => el.getBoundingClientRect().toJSON());
  const shot = await page.screenshot({ clip: { x: box.x + 4, y: box.y + box.height / 2 - 2, width: 6, height: 4 } });
  const fill = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    c.getContext('2d').drawImage(img, 0, 0);
    return Array.from(c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3));
  }, shot.toString('base64'));
  assert.ok(near(fill, system.Highlight), `the primary button is ${fill}, Highlight is ${system.Highlight}`);
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  await until(async () => (await canvasCorner(page)).every((c) => c > 230), 'the light theme back once forced colours end');
  await context.close();
});

test('destroy() leaves no DOM behind and no key in memory, and a remount works', async () => {
  const { context, page } = await hostPage();
  await mountIn(page, '#widget', { apiBase: sandbox.api, project: sandbox.project, apiKey: sandbox.apiKey });
  await page.getByRole('heading', { name: /Register the app/ }).waitFor({ state: 'attached' });
  assert.ok(await inMemory(page, sandbox.apiKey) > 0, 'the key is held while the widget lives');
  await page.evaluate(() => window.__handles[0].destroy());
  await until(async () => await inMemory(page, sandbox.apiKey) === 0, 'the key wiped when the widget is destroyed');
  assert.equal(await page.evaluate(() => document.getElementById('widget').innerHTML), '');
  assert.equal(await page.locator('canvas, iframe, textarea').count(), 0);
  await page.evaluate(() => { window.__hostEvents.length = 0; });
  await mountIn(page, '#widget', { apiBase: sandbox.api });
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  assert.equal(await page.locator('.amp-setup').count(), 1);
  await context.close();
});

test('two widgets on one page work independently', async () => {
  const { context, page } = await hostPage();
  await page.evaluate(() => {
    document.getElementById('widget').style.cssText = 'display:flex;position:fixed;inset:0';
    document.getElementById('widget').innerHTML = '<div id="a" style="flex:1"></div><div id="b" style="flex:1"></div>';
  });
  await mountIn(page, '#a', { apiBase: sandbox.api });
  await mountIn(page, '#b', { apiBase: sandbox.api });
  const projectA = page.locator('#a').getByRole('textbox', { name: 'Project' });
  const projectB = page.locator('#b').getByRole('textbox', { name: 'Project' });
  await projectA.fill('alpha');
  await projectB.fill('beta');
  // Keys typed on one canvas reach that widget only.
  const r = await projectA.evaluate((el) => el.closest('label').getBoundingClientRect().toJSON());
  await page.mouse.click(r.x + r.width - 5, r.y + r.height / 2);
  await page.keyboard.type('1');
  await until(async () => await projectA.inputValue() === 'alpha1', 'the key typed on the first canvas reaches it');
  assert.equal(await projectB.inputValue(), 'beta');
  await page.evaluate(() => window.__handles[0].destroy());
  await projectB.fill('beta2');
  assert.equal(await page.locator('#b canvas').count(), 1);
  await context.close();
});
