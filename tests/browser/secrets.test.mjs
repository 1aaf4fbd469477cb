// No copy of the App Secret survives the save, and no copy of it or of the API key survives
// destroy(), whatever way it came in. Each path is scanned as UTF-8 and UTF-32 in the module's memory and
// in the JavaScript heap (after a GC), after the save and after destroy().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, press, waitForEvent, connectToAmpersand, secretCopies, inMemory, until,
  centerOnScreen } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const secretBox = (page) => page.getByRole('textbox', { name: 'App Secret', exact: true });

// Waits until the module holds the whole secret (ImGui takes typed keys a few per frame).
async function held(page, secret) {
  await until(async () => await inMemory(page, secret) > 0, 'the secret reached the module');
}

const toClipboard = (page, secret) => page.evaluate((codes) => navigator.clipboard.writeText(String.fromCharCode(...codes)),
  [...secret].map((c) => c.charCodeAt(0)));

// The ways a secret reaches the App Secret field.
const paths = {
  'typed on the canvas': async (page, secret) => {
    const p = await centerOnScreen(page, secretBox(page));
    await page.mouse.click(p.x, p.y);
    await page.keyboard.type(secret, { delay: 5 });
  },
  'typed in the mirror input': async (page, secret) => {
    await secretBox(page).focus();
    await page.keyboard.type(secret);
  },
  'pasted with Ctrl+V on the canvas': async (page, secret) => {
    await toClipboard(page, secret);
    const p = await centerOnScreen(page, secretBox(page));
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+V');
  },
  'pasted from the context menu': async (page, secret) => {
    await toClipboard(page, secret);
    const p = await centerOnScreen(page, secretBox(page));
    await page.mouse.click(p.x, p.y, { button: 'right' }); // the menu's target is the editable stand-in
    await page.keyboard.press('Control+V');
  },
};

// Waits (five seconds at most) until the module's memory has no UTF-8 copy left, then scans everything.
async function noCopies(page, secret, when) {
  await until(async () => await inMemory(page, secret) === 0, `no UTF-8 copy of the secret in the module ${when}`, 5000);
  assert.deepEqual(await secretCopies(page, secret), { wasmUtf8: 0, wasmUtf32: 0, heap: 0 }, `no copy of the secret ${when}`);
}

async function open() {
  const w = await openWidget(browser, sandbox, { mount: {} });
  await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.host });
  await connectToAmpersand(w.page, sandbox);
  await w.page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await w.page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  return w;
}

async function saveAndDestroy(page, secret) {
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'providerAppSaved');
  await page.getByRole('button', { name: 'Edit app' }).waitFor({ state: 'attached' }); // the form, secret field included, is gone
  const [post] = (await sandbox.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/provider-apps'));
  assert.equal(JSON.parse(post.body).clientSecret, secret, 'the secret went whole to Ampersand');
  await noCopies(page, secret, 'after the save');
  assert.ok(await inMemory(page, sandbox.apiKey) > 0, 'the API key is held while the widget lives');
  await page.evaluate(async () => (await window.__handle).destroy());
  await page.locator('.amp-setup').waitFor({ state: 'detached' });
  for (const s of [secret, sandbox.apiKey]) await noCopies(page, s, 'after destroy()');
}

// A refused save (the API names the secret as the problem), then a good one with the same input.
paths['typed in the mirror input, refused once, then saved'] = async (page, secret) => {
  await paths['typed in the mirror input'](page, secret);
  await sandbox.switches({ failNext: { status: 422, count: 1, retryable: false, fields: ['clientSecret'] } });
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'error');
};

for (const [path, enter] of Object.entries(paths)) {
  test(`no copy survives the save or destroy(): secret ${path}`, async () => {
    const { page, context } = await open();
    const secret = sandbox.pinterestApp.appSecret;
    await enter(page, secret);
    await held(page, secret);
    await saveAndDestroy(page, secret);
    await context.close();
  });
}

// The positive control: each scan finds a copy that is there.
test('the scans find a copy that is kept: UTF-8 and UTF-32 in the module, a string in the heap', async () => {
  const { page, context } = await open();
  const secret = sandbox.pinterestApp.appSecret;
  await paths['typed on the canvas'](page, secret);
  await held(page, secret);
  // While the field is being edited ImGui holds the text as UTF-8 and as UTF-32.
  const editing = await secretCopies(page, secret);
  assert.ok(editing.wasmUtf8 > 0 && editing.wasmUtf32 > 0, JSON.stringify(editing));
  await page.evaluate((codes) => { window.__kept = { copy: String.fromCharCode(...codes) }; }, [...secret].map((c) => c.charCodeAt(0)));
  assert.ok((await secretCopies(page, secret)).heap > 0, 'a string the page keeps is found in the heap');
  await page.evaluate(() => { delete window.__kept; });
  await context.close();
});
