// At 320 CSS px (the narrowest phone) nothing the widget draws runs past the canvas: every mirror box
// (each lies where its item is drawn) ends inside it, on the access and the register screens; the same
// at fontScale 2 and at 200% browser zoom, where also no two controls overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, drawnAtScroll } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// Mirror elements whose boxes reach outside the canvas, with the canvas's width.
const overflowing = (page) => page.evaluate(() => {
  const canvas = document.querySelector('.amp-setup canvas').getBoundingClientRect();
  return [...document.querySelectorAll('.amp-mirror > :not(.amp-group), .amp-group > *')].map((e) => ({ e, r: e.getBoundingClientRect() }))
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

// Pairs of controls whose mirror boxes overlap (each box is where its control is drawn), by name.
const overlapping = (page) => page.evaluate(() => {
  const boxes = [...document.querySelectorAll('.amp-mirror button, .amp-mirror label, .amp-mirror a')]
    .map((e) => ({ name: (e.firstChild?.textContent || e.textContent).slice(0, 30), r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.height > 0);
  const found = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (w > 1 && h > 1) found.push(`"${a.name}" and "${b.name}"`);
  }));
  return found;
});

// fontScale 2 in a 900 px box, and a 1280 px window at 200% browser zoom (640 CSS px at DPR 2).
for (const [what, options] of [['fontScale 2', { width: 900, height: 800, mount: { fontScale: 2 } }],
  ['200% browser zoom', { width: 640, height: 450, dpr: 2 }]]) {
  test(`at ${what} nothing runs past the canvas and no two controls overlap`, async () => {
    const { page, context } = await openWidget(browser, sandbox, options);
    await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
    await drawnAtScroll(page);
    assert.deepEqual(await overflowing(page), [], 'access screen: past the canvas');
    assert.deepEqual(await overlapping(page), [], 'access screen: overlapping');
    await connectToAmpersand(page, sandbox);
    await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
    await drawnAtScroll(page);
    assert.deepEqual(await overflowing(page), [], 'register screen: past the canvas');
    assert.deepEqual(await overlapping(page), [], 'register screen: overlapping');
    await context.close();
  });
}
