// Loading: while the module downloads, the hosted page and an inline mount show a skeleton of
// the first screen (HTML and CSS: the hosted page's needs no script), in the page's colour scheme and
// still under reduced motion; the canvas replaces it once the first interactive frame is drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, instrument } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// A page whose wasm download is held until release() is called.
async function heldPage(contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, ...contextOptions });
  const page = await context.newPage();
  await instrument(page);
  let release;
  const released = new Promise((r) => { release = r; });
  await context.route('**/amp-widget.wasm', async (route) => { await released; await route.continue(); });
  return { context, page, release };
}

const skeleton = (page) => page.evaluate(() => [...document.querySelectorAll('.amp-skeleton')].map((e) => {
  const r = e.getBoundingClientRect(), block = e.querySelector('i');
  return { width: r.width, height: r.height, blocks: e.querySelectorAll('i').length, background: getComputedStyle(e).backgroundColor,
    animation: getComputedStyle(block).animationName, hidden: e.getAttribute('aria-hidden') };
}));

const ready = (page) => page.waitForFunction(() => window.__ampEvents.some((e) => e.type === 'ready'), null, { timeout: 30000 });

test('the hosted page shows the skeleton without script, in dark mode too, until the first frame', async () => {
  const { context, page, release } = await heldPage({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(sandbox.web + '/?provider=pinterest');
  const [shown] = await skeleton(page);
  assert.ok(shown && shown.width >= 880 && shown.height >= 680, `the skeleton covers the widget: ${JSON.stringify(shown)}`);
  assert.ok(shown.blocks >= 8, 'title, intro, a card with fields and a button');
  assert.equal(shown.background, 'rgb(30, 31, 34)', 'dark, as the widget will be');
  assert.equal(shown.animation, 'none', 'no pulse under reduced motion');
  assert.equal(shown.hidden, 'true', 'hidden from assistive tech');
  assert.equal(await page.evaluate(() => window.__ampEvents.length), 0, 'the module has not started');
  release();
  await ready(page);
  assert.deepEqual(await skeleton(page), [], 'gone once the widget is drawn');
  await context.close();

  // The same page with JavaScript off still paints it (its markup and stylesheet need no script).
  const bare = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 700 } });
  const noScript = await bare.newPage();
  await noScript.goto(sandbox.web + '/');
  const [still] = await skeleton(noScript);
  assert.ok(still && still.blocks >= 8 && still.background === 'rgb(255, 255, 255)', JSON.stringify(still));
  assert.notEqual(still.animation, 'none', 'it pulses when motion is welcome');
  await bare.close();
});

test('an inline mount gets a skeleton from the loader, in its theme, removed when ready', async () => {
  const { context, page, release } = await heldPage();
  await page.goto(sandbox.host + '/index.html');
  await page.addScriptTag({ url: sandbox.web + '/ampersand-setup.js' });
  await page.evaluate((o) => { window.__handle = AmpersandSetup.mount('#widget', o); },
    { apiBase: sandbox.api, provider: 'pinterest', theme: 'dark' });
  const [shown] = await skeleton(page);
  assert.ok(shown && shown.width > 0 && shown.height > 0, `the skeleton shows: ${JSON.stringify(shown)}`);
  assert.equal(shown.background, 'rgb(30, 31, 34)', 'the dark theme asked for');
  release();
  await ready(page);
  assert.deepEqual(await skeleton(page), []);
  await context.close();
});

test('the module asks for the provider before it makes its WebGL context and builds its fonts', async () => {
  // Making the context and the font atlas is most of main()'s time: the request is answered meanwhile.
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  await instrument(page);
  await page.addInitScript(() => {
    const at = (window.__startAt = {});
    const fetch = window.fetch;
    window.fetch = function (url, ...rest) {
      if (String(url).includes('/providers/pinterest') && !at.provider) at.provider = performance.now();
      return fetch.call(this, url, ...rest);
    };
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      if (type === 'webgl2' && !at.gl) at.gl = performance.now();
      return getContext.call(this, type, ...rest);
    };
  });
  await page.goto(sandbox.web + '/?provider=pinterest');
  await ready(page);
  const at = await page.evaluate(() => window.__startAt);
  assert.ok(at.provider && at.gl, `both happened: ${JSON.stringify(at)}`);
  assert.ok(at.provider < at.gl, `the provider was asked for first: ${JSON.stringify(at)}`);
  await context.close();
});
