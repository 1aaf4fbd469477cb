// On touch screens every button and checkbox is at least 44x44 CSS px (WCAG 2.5.5), measured on the
// mirror boxes, which are where the controls are drawn and can be pressed; a mouse keeps them compact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// The boxes of the register screen's buttons and checkboxes, in CSS px.
async function targets(options) {
  const { page, context } = await openWidget(browser, sandbox, options);
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  const boxes = await page.evaluate(() => [...document.querySelectorAll('.amp-mirror button, .amp-mirror label')]
    .filter((e) => e.tagName === 'BUTTON' || e.querySelector('input[type=checkbox]'))
    .map((e) => ({ name: (e.firstChild?.textContent || e.textContent).trim(), width: e.offsetWidth, height: e.offsetHeight })));
  await context.close();
  return boxes;
}

test('on a phone (a coarse pointer) buttons and checkboxes are at least 44x44 CSS px', async () => {
  const boxes = await targets({ width: 390, height: 844, dpr: 3, context: { hasTouch: true, isMobile: true } });
  assert.ok(boxes.length > 10, `buttons and checkboxes found: ${boxes.length}`);
  const small = boxes.filter((b) => b.width < 44 || b.height < 44);
  assert.deepEqual(small, [], 'controls under 44x44 CSS px');
});

test('with a mouse (a fine pointer) checkboxes stay compact', async () => {
  const boxes = await targets({ dpr: 2 });
  const box = boxes.find((b) => b.name === 'Show App Secret');
  assert.ok(box && box.height < 44, `"Show App Secret" is ${box?.height} px tall`);
});
