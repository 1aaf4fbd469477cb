// What a screen reader hears and where focus goes: a refused key marks the key field in plain
// words; "Saving..." is said, and each piece of news once, never prepended to the next; a refused Save
// puts focus on what to fix (the scopes' group when no scope is chosen); a checklist step's detail is
// read once; a click on the canvas leaves focus on the control clicked, not on the hidden canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, press, waitForEvent, description, centerOnScreen, drawnAtScroll,
  startTest, approve, framesPass, pngFacts } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const polite = (page) => page.evaluate(() => document.querySelector('.amp-setup [aria-live=polite]').textContent);
const urgent = (page) => page.evaluate(() => document.querySelector('.amp-setup [role=alert]').textContent);
const RING = [0x0B, 0x57, 0xD0]; // the light palette's link colour, which draws the keyboard focus ring
const registerHeading = (page) => page.getByRole('heading', { name: /Register the app with Ampersand/ });

test('a wrong API key marks the key field with a plain message', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await connectToAmpersand(page, sandbox, 'not-the-key');
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'unauthorized');
  assert.deepEqual(Object.keys(error.fields), ['apiKey']);
  const key = page.getByRole('textbox', { name: 'API key', exact: true });
  await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
  assert.equal(await key.getAttribute('aria-invalid'), 'true');
  assert.match(await description(key), /did not accept this API key/);
  assert.equal(await page.getByRole('textbox', { name: 'Project' }).getAttribute('aria-invalid'), 'false');
  const said = await urgent(page);
  assert.match(said, /API key/);
  assert.doesNotMatch(said + error.message, /401|Bearer|header/i, 'no status code or server wording');
  await connectToAmpersand(page, sandbox); // the right key: the mark goes
  await registerHeading(page).waitFor({ state: 'attached' });
  await context.close();
});

test('"Saving..." is announced, then "Saved" alone; later news replaces it rather than following it', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: { signInTimeouts: { checkEveryMs: 250 } } });
  await connectToAmpersand(page, sandbox);
  await registerHeading(page).waitFor({ state: 'attached' });
  await sandbox.switches({ delayMs: 1500 });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await page.waitForFunction(() => /Saving the app/.test(document.querySelector('.amp-setup [aria-live=polite]').textContent));
  await waitForEvent(page, 'providerAppSaved');
  await page.waitForFunction(() => /^Saved\./.test(document.querySelector('.amp-setup [aria-live=polite]').textContent));
  assert.doesNotMatch(await polite(page), /Saving/, 'the region holds the news, not what came before');
  await sandbox.switches({ delayMs: 0 });
  const consent = await startTest(page);
  await approve(consent, page);
  await page.waitForFunction(() => /Connected\./.test(document.querySelector('.amp-setup [aria-live=polite]').textContent));
  assert.doesNotMatch(await polite(page), /Saved/, '"Saved" (still on screen) is not said again before "Connected"');
  await context.close();
});

test('a Save with no scope: the group says so, and the error summary leads to its first control', async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await connectToAmpersand(page, sandbox);
  await registerHeading(page).waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  const group = page.getByRole('group', { name: 'Scopes' });
  const ticked = group.getByRole('checkbox', { checked: true });
  for (let n = await ticked.count(); n > 0; n--) {
    await press(ticked.first(), ' ');
    await page.waitForFunction((k) => document.querySelectorAll('[role=group] input[type=checkbox]:checked').length === k - 1, n);
  }
  assert.equal(await group.getByRole('textbox', { name: 'Other scopes' }).count(), 1, 'the scopes are grouped under their label');
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  // The error summary's link takes focus (GOV.UK's pattern); Enter on it leads into the group.
  await page.waitForFunction(() => /^Go to Scopes: /.test(document.activeElement?.textContent));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label') === 'Scopes');
  assert.match(await description(group), /at least one scope/);
  assert.match(await urgent(page), /Check Scopes/);
  await context.close();
});

test("a checklist step's detail is read once, as its checkbox's description", async () => {
  const { page, context } = await openWidget(browser, sandbox);
  await connectToAmpersand(page, sandbox);
  await registerHeading(page).waitFor({ state: 'attached' });
  const box = page.getByRole('checkbox', { name: 'Create the app' });
  const detail = await description(box);
  assert.ok(detail.length > 20, `the step's detail describes its checkbox: ${detail}`);
  const copies = await page.evaluate((d) => [...document.querySelectorAll('.amp-mirror p')]
    .filter((p) => p.textContent === d).map((p) => p.closest('[aria-hidden=true]') !== null), detail);
  assert.deepEqual(copies, [true], 'the drawn copy is there for find-on-page, hidden from assistive tech');
  await context.close();
});

test('a mouse click on a canvas control leaves focus on its mirror element', async () => {
  const { page, context } = await openWidget(browser, sandbox, { width: 1280, height: 720 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.web });
  await connectToAmpersand(page, sandbox);
  await registerHeading(page).waitFor({ state: 'attached' });
  await drawnAtScroll(page);
  const box = page.getByRole('checkbox', { name: 'Create the app' });
  let at = await centerOnScreen(page, box);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => document.activeElement?.matches('input[type=checkbox]'));
  assert.equal(await box.evaluate((e) => e === document.activeElement && e.checked), true);
  const copy = page.getByRole('button', { name: 'Copy redirect URI' });
  at = await centerOnScreen(page, copy);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => document.activeElement?.tagName === 'BUTTON');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Copied/);
  // Like :focus-visible, the pointer's focus draws no ring; the same focus reached by Tab does.
  const ringPixels = async () => {
    await framesPass(page, 3);
    const b = await page.getByRole('button', { name: /^Copied/ }).boundingBox();
    const png = await page.screenshot({ clip: { x: b.x - 6, y: b.y - 6, width: b.width + 12, height: b.height + 12 } });
    return (await pngFacts(page, png, RING)).near;
  };
  const byPointer = await ringPixels();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => /^Copied/.test(document.activeElement?.textContent));
  const byKeyboard = await ringPixels();
  assert.ok(byPointer < 10 && byKeyboard > 100, `ring pixels: ${byPointer} after the click, ${byKeyboard} after Tab`);
  await page.mouse.click(8, 300); // the margin: no control there, the canvas takes the keys
  await page.waitForFunction(() => document.activeElement?.tagName === 'CANVAS');
  await context.close();
});
