// The widget loads from dist/ served by the sandbox, paints its first screen crisply at
// DPR 1 and 2, exposes its controls by role and name, takes typing through the mirror, and leaves
// the host page's own inputs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, paintedPixels, press, waitForEvent, until, loopPaused, framesPass } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

for (const dpr of [1, 2]) {
  test(`first screen paints at device pixel ratio ${dpr}`, async () => {
    const { page, context } = await openWidget(browser, sandbox, { dpr });
    const loaded = await waitForEvent(page, 'providerLoaded');
    assert.equal(loaded.displayName, 'Pinterest');
    await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
    const size = await page.evaluate(() => {
      const c = document.querySelector('.amp-setup canvas');
      return { backing: [c.width, c.height], css: [c.clientWidth, c.clientHeight] };
    });
    assert.deepEqual(size.backing, size.css.map((v) => v * dpr), 'the framebuffer follows the device pixels');
    const png = await page.locator('.amp-setup canvas').screenshot();
    const painted = await paintedPixels(page, png);
    assert.ok(painted > 2000 * dpr * dpr, `expected text and controls on the canvas, got ${painted} painted pixels`);
    await context.close();
  });
}

test('controls are reachable by role and name, and typing through the mirror reaches the widget', async () => {
  const { page, context } = await openWidget(browser, sandbox, { query: 'project=' });
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  const project = page.getByRole('textbox', { name: 'Project' });
  const connect = page.getByRole('button', { name: 'Connect to Ampersand' });
  assert.equal(await connect.count(), 1);
  const before = await page.locator('.amp-setup canvas').screenshot();
  await project.fill(sandbox.project);
  await page.getByRole('textbox', { name: 'API key', exact: true }).fill(sandbox.apiKey);
  await until(async () => !before.equals(await page.locator('.amp-setup canvas').screenshot()),
    'the typed text is drawn on the canvas');
  await press(connect);
  await page.getByRole('heading', { name: /Create the Pinterest app/ }).waitFor({ state: 'attached' });
  const calls = await sandbox.requests();
  const list = calls.find((r) => r.method === 'GET' && r.path.endsWith('/provider-apps'));
  assert.ok(list, 'the widget listed the provider apps');
  assert.equal(list.path, `/v1/projects/${sandbox.project}/provider-apps`);
  assert.equal(list.headers['x-api-key'], sandbox.apiKey);
  assert.equal(list.headers['x-amp-client'], 'ampersand-setup');
  await context.close();
});

test('Backspace and Tab still work in the host page while the widget is on it', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await page.evaluate(() => {
    const i = document.createElement('input');
    i.id = 'host-input';
    i.style.cssText = 'position:fixed;bottom:8px;left:8px;z-index:9';
    const j = document.createElement('input');
    j.id = 'host-next';
    j.style.cssText = 'position:fixed;bottom:8px;left:240px;z-index:9';
    document.body.append(i, j);
    window.__hostKeys = 0;
    i.addEventListener('keydown', () => window.__hostKeys++); // the page's own key handlers still run
  });
  await page.locator('.amp-setup canvas').click({ position: { x: 200, y: 300 } }); // the widget had focus first
  await page.locator('#host-input').click();
  await page.keyboard.type('hello');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  assert.equal(await page.locator('#host-input').inputValue(), 'hel');
  assert.equal(await page.evaluate(() => window.__hostKeys), 7);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-next');
  const projectValue = await page.getByRole('textbox', { name: 'Project' }).inputValue();
  assert.ok(!projectValue.includes('hel'), 'keys typed in the host page do not reach the widget');
  await context.close();
});

test('no frames are drawn while nothing changes, and input wakes it', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  const draws = () => page.evaluate(() => window.__draws);
  await loopPaused(page);
  const settled = await draws();
  await framesPass(page, 30); // half a second of the page's frames, with nothing changing
  assert.equal(await draws(), settled, 'idle: no draw calls at all');
  assert.equal(await page.evaluate(() => window.__framesPending), 0, 'and no frame asked for');
  await page.mouse.move(300, 200);
  await page.mouse.move(320, 260);
  await page.waitForFunction((n) => window.__draws > n, settled, { polling: 50 }); // pointer input draws again
  await context.close();
});

test('on a touch screen, tapping a text field focuses a real input (so the keyboard opens) and typing reaches the widget', async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(sandbox.web + '/?provider=pinterest');
  const project = page.getByRole('textbox', { name: 'Project' });
  await project.waitFor({ state: 'attached' });
  const r = await project.evaluate((el) => el.closest('label').getBoundingClientRect().toJSON());
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
  assert.equal(await project.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('demo');
  assert.equal(await project.inputValue(), 'demo');
  // The widget has it: asked to connect, it complains about the missing key only.
  await page.evaluate(() => { window.__errors = []; document.addEventListener('ampersand-setup:error', (e) => window.__errors.push(e.detail)); });
  const connect = page.getByRole('button', { name: 'Connect to Ampersand' });
  await connect.focus();
  await connect.press('Enter');
  await page.waitForFunction(() => window.__errors.length > 0);
  assert.deepEqual(Object.keys((await page.evaluate(() => window.__errors[0])).fields), ['apiKey']);
  await context.close();
});

test('a lost WebGL context is survived: once restored, the widget paints again', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  const canvas = page.locator('.amp-setup canvas');
  await page.evaluate(() => {
    const c = document.querySelector('.amp-setup canvas');
    for (const e of ['webglcontextlost', 'webglcontextrestored']) c.addEventListener(e, () => { window.__gl = e; });
    window.__lose = c.getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__lose.loseContext();
  });
  await page.waitForFunction(() => window.__gl === 'webglcontextlost');
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction(() => window.__gl === 'webglcontextrestored');
  await page.mouse.move(200, 200); // any input draws a frame
  await page.mouse.move(210, 220);
  await until(async () => await paintedPixels(page, await canvas.screenshot()) > 2000,
    'the widget paints again after the restore (over 2000 painted pixels)');
  await context.close();
});
