// Text in any script reaches the API byte for byte: typed on the canvas, pasted, or composed with an IME in
// the mirror input. The Group ref field is used because the API takes it as free text (POST /oauth-connect).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, readyToTest, startTest, valueBecomes, centerOnScreen, until } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// Cyrillic, CJK, an emoji outside the BMP, a combining acute accent (e + U+0301) and a precomposed é.
const TEXT = 'Пинтерест 测试 🎉 e\u0301 é';

const groupRef = (page) => page.getByRole('textbox', { name: 'Group ref' });

// Clicks the ImGui field drawn under the mirror's Group ref input and empties it.
async function focusOnCanvas(page) {
  const box = groupRef(page);
  const p = await centerOnScreen(page, box); // the register card sits below the fold
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await valueBecomes(box, '');
}

// The groupRef the widget sent when the test connection started.
async function sentGroupRef(page) {
  await startTest(page);
  const connect = await until(async () => (await sandbox.requests()).find((r) => r.method === 'POST' && r.path === '/v1/oauth-connect'),
    'POST /oauth-connect'); // the window opens first, inside the click; the request follows
  return JSON.parse(connect.body).groupRef;
}

test('typed on the canvas, one key character per code point as a keyboard layout sends them', async () => {
  const { page, context } = await readyToTest(browser, sandbox);
  await focusOnCanvas(page);
  // A 'char' key event is what a keyboard layout produces: a keypress whose key is the character (for an
  // emoji Chromium's charCode holds only its first UTF-16 unit); playwright's keyboard.type would use
  // insertText, which a canvas does not take.
  const cdp = await context.newCDPSession(page);
  for (const ch of TEXT) await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch, unmodifiedText: ch, key: ch });
  await valueBecomes(groupRef(page), TEXT);
  assert.equal(await sentGroupRef(page), TEXT);
  await context.close();
});

test('pasted on the canvas with Ctrl+V', async () => {
  const { page, context } = await readyToTest(browser, sandbox);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.web });
  await focusOnCanvas(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), TEXT);
  await page.keyboard.press('Control+V');
  await valueBecomes(groupRef(page), TEXT);
  assert.equal(await sentGroupRef(page), TEXT);
  await context.close();
});

test('composed with an IME in the mirror input: the committed text lands once', async () => {
  const { page, context } = await readyToTest(browser, sandbox);
  const box = groupRef(page);
  await box.fill('');
  await box.focus();
  const cdp = await context.newCDPSession(page);
  for (const step of ['て', 'てす', 'テスト']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text: 'テスト🎉' }); // commits the composition
  await valueBecomes(box, 'テスト🎉');
  assert.equal(await sentGroupRef(page), 'テスト🎉');
  await context.close();
});
