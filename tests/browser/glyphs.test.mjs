// Text in any script draws as glyphs, not as ImGui's "?" fallback: characters beyond the embedded Latin-1
// font are drawn by the browser into the font atlas when text brings them (src/web/glyphs.cpp,
// web/src/glyphs.js), at every device pixel ratio, and a session in English never asks for one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, registerApp, centerOnScreen, valueBecomes, loopPaused,
  startTest, approve, FAST } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const TEXT = 'Пинтерест 测试 🎉 Ελληνικά';
// The same text as ImGui draws it when its font lacks the characters: a "?" for each, spaces kept.
const asFallback = (s) => Array.from(s, (c) => (c === ' ' ? ' ' : '?')).join('');
const asBlank = (s) => Array.from(s, () => ' ').join('');

const glyphDraws = (page) => page.evaluate(() => window.__glyphDraws);

// A widget with a saved app, tall enough that the Group ref field is on screen without scrolling.
async function ready(dpr = 1, prepare = undefined) {
  const w = await openWidget(browser, sandbox, { dpr, height: 1400, mount: { signInTimeouts: FAST }, prepare });
  await connectToAmpersand(w.page, sandbox);
  await registerApp(w.page, sandbox);
  return w;
}

const groupRef = (page) => page.getByRole('textbox', { name: 'Group ref' });

// Clicks the step's heading, so the field shows its text without a caret or focus ring, and answers a
// screenshot of the field once the widget has drawn it and gone idle.
async function fieldShot(page) {
  const heading = await page.getByRole('heading', { name: /Register the app with Ampersand/ }).boundingBox();
  await page.mouse.click(heading.x + 4, heading.y + heading.height / 2);
  await loopPaused(page);
  const r = await groupRef(page).evaluate((el) => el.closest('label').getBoundingClientRect().toJSON());
  return page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
}

// Types `text` into the Group ref field on the canvas, one key character per code point as a keyboard
// layout sends them (as tests/browser/unicode.test.mjs does).
async function typeOnCanvas(page, cdp, text) {
  const box = groupRef(page);
  const p = await centerOnScreen(page, box);
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await valueBecomes(box, '');
  for (const ch of text) await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch, unmodifiedText: ch, key: ch });
  await valueBecomes(box, text);
}

// The same field holding other text (set through its mirror element: quicker than typing, same drawing).
async function fieldWith(page, text) {
  await groupRef(page).fill(text);
  await valueBecomes(groupRef(page), text);
  return fieldShot(page);
}

for (const dpr of [1, 2]) {
  test(`Cyrillic, CJK, an emoji and Greek typed on the canvas draw as glyphs at device pixel ratio ${dpr}`, async () => {
    const { page, context } = await ready(dpr);
    const cdp = await context.newCDPSession(page);
    await typeOnCanvas(page, cdp, TEXT);
    const shown = await fieldShot(page);
    assert.ok(await glyphDraws(page) > 0, 'the browser drew the characters the embedded font lacks');
    // The references are set through the mirror: the same text drawn that way must match the typed one.
    assert.ok(shown.equals(await fieldWith(page, TEXT)), 'typed and set through the mirror, the field looks the same');
    const fallback = await fieldWith(page, asFallback(TEXT));
    const blank = await fieldWith(page, asBlank(TEXT));
    assert.ok(!shown.equals(fallback), 'the field shows the same pixels as with "?" in place of each character');
    assert.ok(!shown.equals(blank), 'the field shows nothing where the characters are');
    await context.close();
  });
}

// The provider's display name as the API answers it (GET /v1/providers/pinterest), rewritten on its way.
function displayNameFromApi(page, name) {
  return page.route((url) => url.pathname.endsWith('/v1/providers/pinterest'), async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.displayName = name;
    await route.fulfill({ response, json: body });
  });
}

// Proves the app and answers a screenshot of the result card's line that names the provider.
async function provenLine(name) {
  await sandbox.reset();
  const { page, context } = await ready(1, (p) => displayNameFromApi(p, name));
  const consent = await startTest(page);
  await approve(consent, page);
  const line = page.getByText(/account of consumer/);
  await line.waitFor({ state: 'attached' });
  await loopPaused(page);
  const r = await line.boundingBox();
  const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
  const draws = await glyphDraws(page);
  await context.close();
  return { png, draws };
}

test('a display name in Cyrillic from the API draws as glyphs', async () => {
  const name = 'Пинтерест';
  const cyrillic = await provenLine(name);
  const fallback = await provenLine(asFallback(name));
  assert.ok(cyrillic.draws > 0, 'the browser drew the Cyrillic letters');
  assert.equal(fallback.draws, 0, 'nothing to draw for "?"');
  assert.ok(!cyrillic.png.equals(fallback.png), 'the name shows the same pixels as "?????????"');
});

test('a session in English has the browser draw no glyph', async () => {
  const { page, context } = await ready();
  const consent = await startTest(page);
  await approve(consent, page);
  await loopPaused(page);
  assert.equal(await glyphDraws(page), 0);
  await context.close();
});

// The IME's candidate window opens at the element being composed in: the field's mirror input, which must
// lie over the field drawn on the canvas while the composition is under way.
test('while an IME composes, the mirror input it composes in lies over the field on the canvas', async () => {
  const { page, context } = await ready();
  const box = groupRef(page);
  await box.fill('');
  await centerOnScreen(page, box); // drawn in view, as it is when someone is about to type in it
  await box.focus();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'てす', selectionStart: 2, selectionEnd: 2 });
  const where = await page.evaluate(() => {
    const el = document.activeElement, r = el.getBoundingClientRect(), c = document.querySelector('canvas').getBoundingClientRect();
    return { composing: el.tagName, x: r.x + r.width / 2, y: r.y + r.height / 2, canvas: c.toJSON() };
  });
  assert.equal(where.composing, 'INPUT');
  const field = await box.evaluate((el) => el.closest('label').getBoundingClientRect().toJSON());
  assert.ok(where.x >= field.x && where.x <= field.x + field.width && where.y >= field.y && where.y <= field.y + field.height,
    `the composing input (${where.x}, ${where.y}) is not over the field ${JSON.stringify(field)}`);
  assert.ok(field.y >= where.canvas.y && field.y + field.height <= where.canvas.y + where.canvas.height, 'the field is on the canvas');
  await cdp.send('Input.insertText', { text: 'テスト' });
  await valueBecomes(box, 'テスト');
  // And the canvas draws that field there: a click at that point and a key land in it.
  await page.mouse.click(where.x, where.y);
  await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: 'x', unmodifiedText: 'x', key: 'x' });
  await valueBecomes(box, 'テストx');
  await context.close();
});
