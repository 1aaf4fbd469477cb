// At 320 CSS px (the narrowest phone) nothing the widget draws runs past the canvas: every mirror box
// (each lies where its item is drawn) ends inside it, on the access and the register screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, drawnAtScroll } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// Mirror elements whose boxes reach outside the canvas, with the canvas's width.
const overflowing = (page) => page.evaluate(() => {
  const canvas = document.querySelector('.amp-setup canvas').getBoundingClientRect();
  return [...document.querySelectorAll('.amp-mirror > *')].map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.left < canvas.left - 0.5 || r.right > canvas.right + 0.5))
    .map(({ e, r }) => `${e.tagName} "${e.textContent.slice(0, 40)}" ${Math.round(r.left)}..${Math.round(r.right)} of ${Math.round(canvas.width)}`);
});

test('at 320 CSS px every item is drawn inside the canvas', async () => {
  const { page, context } = await openWidget(browser, sandbox, { width: 320, height: 640, dpr: 2, context: { hasTouch: true, isMobile: true } });
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  await drawnAtScroll(page);
  assert.deepEqual(await overflowing(page), [], 'access screen');
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await drawnAtScroll(page);
  assert.deepEqual(await overflowing(page), [], 'register screen');
  await context.close();
});
