// Scrolling behaves like a web page: the widget's box scrolls natively (wheel anywhere over it, keys,
// touch), the same distance per notch at any DPR, the canvas draws the column at the box's offset so
// that a click where a mirror element lies operates that control, and outcomes are scrolled into view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, drawnAtScroll, framesPass, waitForEvent, until, press } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const scrollTop = (page) => page.evaluate(() => document.querySelector('.amp-setup').scrollTop);

// The widget past "Connect to Ampersand", on the register screen (taller than the window).
async function registerScreen(options = {}) {
  const w = await openWidget(browser, sandbox, options);
  await connectToAmpersand(w.page, sandbox);
  await w.page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await drawnAtScroll(w.page);
  return w;
}

// Waits until the box has stopped scrolling (a smooth scroll or a fling has run out), and says where;
// with `from`, until it has first moved away from there (input takes a frame or two to start it).
async function restingTop(page, from) {
  if (from !== undefined) await until(async () => await scrollTop(page) !== from, 'the scroll starts');
  let last = -1;
  return until(async () => {
    const now = await scrollTop(page);
    const rest = now === last;
    last = now;
    if (rest) await drawnAtScroll(page);
    return rest ? { top: now } : null;
  }, 'the scroll comes to rest').then((r) => r.top);
}

test('the wheel over the side margins scrolls the page', async () => {
  const { page, context } = await registerScreen({ width: 1280 });
  const column = await page.evaluate(() => document.querySelector('.amp-mirror > label').getBoundingClientRect().left);
  assert.ok(column > 100, `the column is centred with margins beside it (it starts at ${column})`);
  await page.mouse.move(40, 400); // the left margin
  await page.mouse.wheel(0, 300);
  assert.ok(await restingTop(page, 0) > 0, 'the wheel over the margin scrolled');
  await context.close();
});

test('PageDown, End and Home with focus on the canvas scroll the page', async () => {
  const { page, context } = await registerScreen();
  await page.mouse.click(20, 400); // the margin: focuses the canvas, presses nothing
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
  await page.keyboard.press('PageDown');
  const paged = await restingTop(page, 0);
  const height = await page.evaluate(() => document.querySelector('.amp-setup').clientHeight);
  assert.ok(paged > height / 2, `PageDown scrolls by most of a screen (${paged} px of ${height})`);
  await page.keyboard.press('End');
  const max = await page.evaluate(() => { const r = document.querySelector('.amp-setup'); return r.scrollHeight - r.clientHeight; });
  await until(async () => Math.abs(await scrollTop(page) - max) <= 1, 'End goes to the bottom');
  await page.keyboard.press('Home');
  await until(async () => await scrollTop(page) === 0, 'Home goes to the top');
  await context.close();
});

test('inline in a host box of fixed height: the box scrolls, and at its end the wheel scrolls the host page', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: {} });
  await page.evaluate(() => { document.getElementById('widget').style.cssText = 'height:500px;margin:100px 40px 2000px'; });
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await drawnAtScroll(page);
  await page.mouse.move(450, 300);
  await page.mouse.wheel(0, 200);
  assert.ok(await restingTop(page, 0) > 0, 'the wheel over the widget scrolls its box');
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0, 'the host page stays');
  await page.evaluate(() => { const r = document.querySelector('.amp-setup'); r.scrollTop = r.scrollHeight; });
  await drawnAtScroll(page);
  await page.mouse.wheel(0, 200);
  await until(async () => await page.evaluate(() => document.scrollingElement.scrollTop) > 0, 'the host page scrolls on');
  await context.close();
});

test('a wheel notch scrolls the same CSS distance at DPR 1 and 2', async () => {
  const moved = [];
  for (const dpr of [1, 2]) {
    const { page, context } = await registerScreen({ dpr });
    await page.mouse.move(450, 400);
    await page.mouse.wheel(0, 100); // one notch, as Chromium reports a mouse wheel's (100 px)
    moved.push(await restingTop(page, 0));
    await context.close();
  }
  assert.ok(moved[0] > 0, 'a notch scrolls');
  assert.equal(moved[1], moved[0], `CSS px per notch at DPR 1 and 2: ${moved.join(', ')}`);
});

test('a touch drag scrolls by the distance the finger moved, and nothing cancels the touch (momentum stays the browser\'s)', async () => {
  const { page, context } = await registerScreen({ width: 390, height: 844, dpr: 3, context: { hasTouch: true, isMobile: true } });
  await page.evaluate(() => {
    window.__cancelled = 0;
    for (const type of ['touchstart', 'touchmove', 'touchend'])
      window.addEventListener(type, (e) => { if (e.defaultPrevented) window.__cancelled++; });
  });
  const cdp = await context.newCDPSession(page);
  const touch = async (type, y) => {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x: 200, y }] });
    await framesPass(page, 2); // each move reaches the page before the next, as a finger's do
  };
  // Past the browser's touch slop first (the few px that tell a drag from a tap), then 300 px more.
  await touch('touchStart', 750);
  for (let y = 740; y >= 700; y -= 10) await touch('touchMove', y);
  const start = await scrollTop(page);
  for (let y = 690; y >= 400; y -= 10) await touch('touchMove', y);
  const dragged = await scrollTop(page) - start;
  await touch('touchEnd');
  assert.ok(start > 0, 'the drag scrolled');
  assert.ok(Math.abs(dragged - 300) <= 1, `the finger moved 300 px, the content ${dragged} px (it was 1.38x before)`);
  // Momentum after a flick is the browser's own as long as nothing cancels the touch: none of the
  // drag's touch events was cancelled, and the canvas lets the browser pan (a flick's fling is not
  // measured here: its distance depends on event timing, which a loaded machine does not keep).
  assert.equal(await page.evaluate(() => window.__cancelled), 0, 'touch events cancelled by the widget');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.amp-setup canvas')).touchAction), 'manipulation');
  await cdp.detach();
  await context.close();
});

test('a scroll draws the one frame it needs and leaves the mirror alone; then the widget is idle', async () => {
  const { page, context } = await registerScreen();
  const before = await page.evaluate(() => {
    window.__asked = 0; // animation frames asked for from here on
    const ask = window.requestAnimationFrame;
    window.requestAnimationFrame = (f) => { window.__asked++; return ask(f); };
    window.__mutations = 0;
    new MutationObserver((list) => { window.__mutations += list.length; })
      .observe(document.querySelector('.amp-mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
    document.querySelector('.amp-setup').scrollTop = 250;
    return window.__draws;
  });
  await drawnAtScroll(page);
  const after = await page.evaluate(() => ({ asked: window.__asked, mutations: window.__mutations, draws: window.__draws }));
  assert.ok(after.draws > before, 'the scroll was drawn');
  assert.ok(after.asked <= 2, `frames asked for by one scroll: ${after.asked}`);
  assert.equal(after.mutations, 0, 'the mirror is in content coordinates: a scroll changes none of it');
  await context.close();
});

// Operates the control whose mirror element is `el` by a click at the centre of its box, and checks the
// click reached that control and no other. Returns false for a control it leaves alone.
async function clickAndCheck(page, context, el) {
  const info = await el.evaluate((e) => {
    const input = e.querySelector('input');
    const box = (e.tagName === 'LABEL' ? e : e).getBoundingClientRect();
    return { tag: e.tagName, type: input?.type, name: (e.firstChild?.textContent || e.textContent).trim(),
      readonly: !!input?.readOnly, checked: input?.checked, value: input?.value, href: e.href,
      x: box.x + box.width / 2, y: box.y + box.height / 2, inside: box.top >= 0 && box.bottom <= innerHeight };
  });
  if (!info.inside || info.readonly) return false;
  const click = () => page.mouse.click(info.x, info.y);
  if (info.type === 'checkbox') { // toggled, then back: ticking every checklist step would fold the checklist away
    for (const want of [!info.checked, info.checked]) {
      await click();
      await page.waitForFunction(([e, w]) => e.querySelector('input').checked === w, [await el.elementHandle(), want]);
    }
  } else if (info.type === 'text') {
    await click();
    await page.keyboard.type('q');
    await page.waitForFunction((e) => e.querySelector('input').value.endsWith('q'), await el.elementHandle());
    await page.keyboard.press('Backspace');
  } else if (info.type === 'password') { // its value never reaches the page: typing makes the form unsaved
    await click();
    await page.keyboard.type('q');
    await page.waitForFunction(() => window.__ampEvents.some((e) => e.type === 'unsavedChanges' && e.unsaved));
    await page.keyboard.press('Backspace');
  } else if (info.tag === 'A') {
    await context.route(info.href, (route) => route.fulfill({ contentType: 'text/html', body: 'linked page' }));
    const opened = context.waitForEvent('page');
    await click();
    const tab = await opened;
    assert.equal(tab.url(), info.href);
    await tab.close();
  } else if (/^Copy/.test(info.name)) {
    await click();
    await page.waitForFunction((e) => /^Copied/.test(e.textContent), await el.elementHandle());
  } else return false; // Save, Change project and Change provider leave the screen (picker and register tests)
  await page.mouse.move(5, 5); // off every control, so that no hover lingers into the next check
  return true;
}

test('scrolled to the middle, a click at the centre of every mirror control operates that control', async () => {
  const { page, context } = await registerScreen({ height: 700 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.web });
  await page.evaluate(() => { const r = document.querySelector('.amp-setup'); r.scrollTop = (r.scrollHeight - r.clientHeight) / 2; });
  await drawnAtScroll(page);
  const controls = page.locator('.amp-mirror button, .amp-mirror label, .amp-mirror a');
  const count = await controls.count();
  const operated = [];
  for (let i = 0; i < count; i++) {
    const el = controls.nth(i);
    if (await clickAndCheck(page, context, el)) operated.push(i);
  }
  assert.ok(operated.length >= 5, `controls operated in the middle view: ${operated.length}`);
  // Every other control, wherever it lies, scrolled just into view (at varied offsets, not centred).
  for (let i = 0; i < count; i++) {
    if (operated.includes(i)) continue;
    await controls.nth(i).evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    await drawnAtScroll(page);
    if (await clickAndCheck(page, context, controls.nth(i))) operated.push(i);
  }
  const skipped = await controls.evaluateAll((els, done) => els.filter((_, i) => !done.includes(i))
    .map((e) => (e.firstChild?.textContent || e.textContent).trim()), operated);
  assert.deepEqual(skipped.filter((n) => !/^(Save to Ampersand|Change project|Change provider|Redirect URI)$/.test(n)), [],
    'every control was operated from the canvas');
  await context.close();
});

test('after Save the outcome is scrolled into view, and after a refused Save the field to fix', async () => {
  const { page, context } = await registerScreen({ height: 600 });
  const inView = (locator) => locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  // A refused Save (nothing typed): the error summary's first link takes focus, in view; it leads to the
  // first field to fix, which comes into view with focus.
  await page.getByRole('button', { name: 'Save to Ampersand' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('button', { name: 'Go to App ID: Enter the App ID.' });
  await until(async () => (await summary.evaluate((e) => e === document.activeElement)) && inView(summary),
    'the summary\'s link to App ID focused and in view');
  await page.keyboard.press('Enter');
  const appId = page.getByRole('textbox', { name: 'App ID' });
  await until(async () => (await appId.evaluate((e) => e === document.activeElement)) && inView(appId.locator('..')),
    'App ID focused and in view');
  await page.evaluate(() => { document.querySelector('.amp-setup').scrollTop = 0; });
  await appId.fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await page.getByRole('button', { name: 'Save to Ampersand' }).focus();
  await page.evaluate(() => { document.querySelector('.amp-setup').scrollTop = 0; });
  await drawnAtScroll(page);
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'providerAppSaved');
  const saved = page.locator('.amp-mirror p', { hasText: /^Saved\. Ampersand now holds/ });
  await until(() => inView(saved), 'the "Saved." outcome in the viewport');
  // Delete from the top of the page: the question, then its outcome, each comes into view.
  await page.evaluate(() => { document.querySelector('.amp-setup').scrollTop = 0; });
  await press(page.getByRole('button', { name: 'Delete app' }));
  const yes = page.getByRole('button', { name: 'Yes, delete it' });
  await until(() => inView(yes), 'the delete question in the viewport');
  await page.evaluate(() => { document.querySelector('.amp-setup').scrollTop = 0; });
  await drawnAtScroll(page);
  await press(yes);
  await waitForEvent(page, 'providerAppDeleted');
  const deleted = page.locator('.amp-mirror p', { hasText: /^Deleted the app from Ampersand/ });
  await until(() => inView(deleted), 'the "Deleted" outcome in the viewport');
  await context.close();
});
