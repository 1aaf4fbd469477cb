// Completed steps collapse: once every step of the provider checklist is ticked (or an app is
// saved), the ~700 px checklist folds to one line with "Edit"; Edit and "Hide steps" work by keyboard,
// mouse, touch and through the mirror.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, press, centerOnScreen, registerApp } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const steps = (page) => page.getByRole('checkbox', { name: 'Create the app' });
const done = (page) => page.getByRole('heading', { name: '1. Create the Pinterest app: done' });
const toggle = (page, name) => page.getByRole('button', { name, exact: true }); // not "Edit app", the saved app's

test('ticking every step folds the checklist to a line whose Edit takes focus; Edit and Hide steps by key, mouse and tap', async () => {
  const { page, context } = await openWidget(browser, sandbox, { width: 900, height: 800, context: { hasTouch: true } });
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  const boxes = page.locator('.amp-mirror input[type=checkbox]');
  const checklist = ['Have a Pinterest business account', 'Join the developer platform', 'Create the app',
    'Wait for trial access', 'Add the redirect URI'];
  for (const name of checklist) await press(page.getByRole('checkbox', { name, exact: true }), ' ');
  await done(page).waitFor({ state: 'attached' });
  assert.equal(await steps(page).count(), 0, 'the steps are folded away');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Edit');
  const height = await page.evaluate(() => document.querySelector('.amp-mirror').offsetHeight);

  await page.keyboard.press('Enter'); // Edit, from the keyboard
  await steps(page).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hide steps', 'focus stays on the toggle');
  assert.ok(await page.evaluate(() => document.querySelector('.amp-mirror').offsetHeight) > height + 300, 'the steps are back');

  let at = await centerOnScreen(page, toggle(page, 'Hide steps'));
  await page.mouse.click(at.x, at.y);
  await done(page).waitFor({ state: 'attached' });

  at = await centerOnScreen(page, toggle(page, 'Edit'));
  await page.touchscreen.tap(at.x, at.y);
  await steps(page).waitFor({ state: 'attached' });
  assert.equal(await boxes.evaluateAll((els) => els.slice(0, 5).every((e) => e.checked)), true, 'the ticks are kept');
  await context.close();
});

test('with an app saved, the checklist starts folded (its steps were done), and unfolds on Edit', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await connectToAmpersand(page, sandbox);
  await registerApp(page, sandbox);
  await done(page).waitFor({ state: 'attached' });
  assert.equal(await steps(page).count(), 0);
  await press(toggle(page, 'Edit'));
  await steps(page).waitFor({ state: 'attached' });
  await context.close();
});
