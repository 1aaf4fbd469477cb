// axe-core finds no WCAG 2.1 A/AA violation in the accessible mirror on any screen of the flow, in light
// and dark: the access step, the register form, a refused save, the saved app folded and opened again,
// the delete question, and the connected result. (The picker is checked in picker.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, press, registerApp, editApp, startTest, approve,
  axeViolations } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

for (const colorScheme of ['light', 'dark']) {
  test(`${colorScheme}: no axe-core violation on any screen of the flow`, async () => {
    const { page, context } = await openWidget(browser, sandbox, { context: { bypassCSP: true, colorScheme } });
    const found = {};
    const check = async (screen) => { found[screen] = await axeViolations(page); };
    await page.getByRole('button', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
    await check('access');
    await connectToAmpersand(page, sandbox);
    await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
    await check('register');
    await press(page.getByRole('button', { name: 'Save to Ampersand' }));
    await page.getByRole('button', { name: /^Go to App ID/ }).waitFor({ state: 'attached' });
    await check('refused save');
    await registerApp(page, sandbox);
    await page.getByRole('button', { name: 'Edit app' }).waitFor({ state: 'attached' });
    await check('saved, folded');
    await editApp(page);
    await check('saved, opened');
    await press(page.getByRole('button', { name: 'Delete app' }));
    await page.getByRole('button', { name: 'Yes, delete it' }).waitFor({ state: 'attached' });
    await check('delete question');
    await press(page.getByRole('button', { name: 'Cancel' }));
    await approve(await startTest(page), page);
    await page.getByRole('button', { name: 'Test again' }).waitFor({ state: 'attached' });
    await check('connected');
    assert.deepEqual(Object.entries(found).filter(([, v]) => v.length), [], 'screens with violations');
    assert.equal(Object.keys(found).length, 7);
    await context.close();
  });
}
