// Every kind of control works when pressed on the canvas by a finger, a mouse and a pen, the way people
// press them (not through the mirror), and the page keeps its own gestures: pinch-zoom and Ctrl+wheel
// zoom stay the browser's. A phone: 390×844 CSS px at DPR 3 with touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const phone = { width: 390, height: 844, dpr: 3, context: { hasTouch: true, isMobile: true } };

// The centre of the control's drawn box (its mirror element lies exactly over it), in page CSS pixels.
async function centre(locator) {
  const box = await locator.evaluate((el) => (el.closest('label') || el).getBoundingClientRect().toJSON());
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// Presses at the control's place on the canvas with a finger, a mouse or a pen.
async function pressOnCanvas(page, locator, by) {
  const { x, y } = await centre(locator);
  if (by === 'finger') return page.touchscreen.tap(x, y);
  if (by === 'mouse') return page.mouse.click(x, y);
  const cdp = await page.context().newCDPSession(page); // a pen: the protocol's pointer type, as a stylus sends
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
    await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: type === 'mouseMoved' ? 'none' : 'left',
      clickCount: 1, pointerType: 'pen' });
  }
  await cdp.detach();
}

const checked = (box) => box.evaluate((el) => el.checked);

for (const by of ['finger', 'mouse', 'pen']) {
  test(`a ${by} presses a checkbox, a button and a link on the canvas`, async () => {
    const { page, context } = await openWidget(browser, sandbox, phone);
    const show = page.getByRole('checkbox', { name: 'Show API key' });
    await show.waitFor({ state: 'attached' });
    await pressOnCanvas(page, show, by);
    await page.waitForFunction(() => document.querySelector('.amp-mirror input[type=checkbox]')?.checked);

    await page.getByRole('textbox', { name: 'Project' }).fill(sandbox.project);
    await page.getByRole('textbox', { name: 'API key', exact: true }).fill(sandbox.apiKey);
    await pressOnCanvas(page, page.getByRole('button', { name: 'Connect to Ampersand' }), by);
    await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });

    // Two presses in a row, elsewhere: the second must not repeat the first at its old place.
    const first = page.getByRole('checkbox', { name: /^Have a Pinterest business account/ });
    const second = page.getByRole('checkbox', { name: /^Join the developer platform/ });
    await pressOnCanvas(page, first, by);
    await page.waitForFunction((el) => el.checked, await first.elementHandle());
    await pressOnCanvas(page, second, by);
    await page.waitForFunction((el) => el.checked, await second.elementHandle());
    assert.equal(await checked(first), true, 'the first checkbox stays ticked');

    // The link opens its page in a new tab (served here, as the tests have no internet).
    const link = page.getByRole('link', { name: 'Create a business account' });
    const href = await link.evaluate((a) => a.href);
    await context.route(href, (route) => route.fulfill({ contentType: 'text/html', body: 'the page the link names' }));
    const opened = context.waitForEvent('page');
    await pressOnCanvas(page, link, by);
    assert.equal((await opened).url(), href);
    await context.close();
  });
}

test('pinch-zoom and Ctrl+wheel zoom over the canvas stay the browser\'s', async () => {
  const { page, context } = await openWidget(browser, sandbox, phone);
  const { x, y } = await centre(page.locator('.amp-setup canvas'));
  // Two fingers spreading apart over the canvas zoom the page in.
  const cdp = await context.newCDPSession(page);
  const fingers = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (let d = 30; d <= 120; d += 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => visualViewport.scale > 1.5);
  // A wheel with Ctrl held is the page's zoom: the widget neither scrolls nor cancels it.
  await page.evaluate(() => { window.addEventListener('wheel', (e) => { window.__wheel = { prevented: e.defaultPrevented }; }); });
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  const wheel = await (await page.waitForFunction(() => window.__wheel)).jsonValue();
  assert.equal(wheel.prevented, false);
  await context.close();
});
