// Registering a Pinterest provider app with the sandbox, end to end, through the mirror.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, press, waitForEvent, connectToAmpersand, registerApp, submitApp, until, announced, inMemory,
  description, valueBecomes, centerOnScreen, editApp } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const PRESETS = ['boards:read', 'pins:read', 'user_accounts:read'];
const appCalls = async (method) =>
  (await sandbox.requests()).filter((r) => r.method === method && r.path.includes('/provider-apps'));

// Opens the widget and gets past "Connect to Ampersand" with the given key.
async function connected(key = sandbox.apiKey, options = {}) {
  const w = await openWidget(browser, sandbox, options);
  await connectToAmpersand(w.page, sandbox, key);
  return w;
}

async function ready(page) {
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
}

const createApp = (page, secret) => registerApp(page, sandbox, secret);


test('creates a Pinterest app: exact body, saved event without the secret, secret field gone', async () => {
  const { page, context, events } = await connected();
  const saved = await createApp(page);
  const [post] = await appCalls('POST');
  assert.deepEqual(JSON.parse(post.body), {
    provider: 'pinterest', clientId: sandbox.pinterestApp.appId,
    clientSecret: sandbox.pinterestApp.appSecret, scopes: PRESETS,
  });
  assert.equal(post.path, `/v1/projects/${sandbox.project}/provider-apps`);
  assert.equal(post.headers['x-api-key'], sandbox.apiKey);
  assert.equal(post.headers['content-type'], 'application/json');
  assert.equal(post.headers['x-amp-client'], 'ampersand-setup');
  assert.deepEqual(Object.keys(saved).sort(), ['clientId', 'createTime', 'created', 'id', 'provider', 'scopes', 'type', 'updateTime']);
  assert.equal(saved.clientId, sandbox.pinterestApp.appId);
  assert.deepEqual(saved.scopes, PRESETS);
  assert.ok(!JSON.stringify(await events()).includes(sandbox.pinterestApp.appSecret));
  // The step folds to what Ampersand holds, and focus moves to its first action (the Save button is gone).
  const edit = page.getByRole('button', { name: 'Edit app' });
  await until(() => edit.evaluate((e) => e === document.activeElement), 'focus on "Edit app"');
  await page.getByRole('heading', { name: '2. Register the app with Ampersand: saved' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'App ID' }).count(), 0, 'the form is folded');
  await announced(page, /Saved/);
  await editApp(page);
  await page.getByRole('button', { name: 'Replace secret' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'App Secret', exact: true }).count(), 0, 'the secret is never shown again');
  await context.close();
});

test('after a reload the existing app is shown, then only the scopes are updated', async () => {
  let w = await connected();
  await createApp(w.page);
  await w.context.close();

  w = await connected();
  const { page } = w;
  await page.getByText(/^App id /).waitFor({ state: 'attached' });
  await editApp(page);
  assert.equal(await page.getByRole('textbox', { name: 'App ID' }).inputValue(), sandbox.pinterestApp.appId);
  await press(page.getByRole('checkbox', { name: /^pins:read / }), 'Space');
  await press(page.getByRole('checkbox', { name: /^boards:write / }), 'Space');
  await press(page.getByRole('button', { name: 'Update app' }));
  const saved = await waitForEvent(page, 'providerAppSaved');
  const [patch] = await appCalls('PATCH');
  assert.deepEqual(JSON.parse(patch.body), {
    updateMask: ['scopes'], providerApp: { scopes: ['boards:read', 'boards:write', 'user_accounts:read'] },
  });
  assert.equal(saved.created, false);
  await w.context.close();
});

test('replacing the secret sends only the secret', async () => {
  const { page, context } = await connected();
  await createApp(page);
  await editApp(page);
  await press(page.getByRole('button', { name: 'Replace secret' }));
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill('new-secret-value-42');
  await press(page.getByRole('button', { name: 'Update app' }));
  await page.waitForFunction(() => window.__ampEvents.filter((e) => e.type === 'providerAppSaved').length === 2);
  const [patch] = await appCalls('PATCH');
  assert.deepEqual(JSON.parse(patch.body), { updateMask: ['clientSecret'], providerApp: { clientSecret: 'new-secret-value-42' } });
  await context.close();
});

test('delete asks for confirmation, then removes the app', async () => {
  const { page, context } = await connected();
  const saved = await createApp(page);
  await press(page.getByRole('button', { name: 'Delete app' }));
  assert.equal((await appCalls('DELETE')).length, 0, 'nothing is deleted before the confirmation');
  await press(page.getByRole('button', { name: 'Yes, delete it' }));
  const deleted = await waitForEvent(page, 'providerAppDeleted');
  assert.deepEqual(deleted, { type: 'providerAppDeleted', id: saved.id, provider: 'pinterest' });
  const [del] = await appCalls('DELETE');
  assert.equal(del.path, `/v1/projects/${sandbox.project}/provider-apps/${saved.id}`);
  await page.getByRole('button', { name: 'Save to Ampersand' }).waitFor({ state: 'attached' });
  await context.close();
});

test('a second app for the same provider needs an explicit choice', async () => {
  const { page, context } = await connected();
  await createApp(page);
  assert.equal(await page.getByRole('button', { name: 'Save to Ampersand' }).count(), 0);
  await press(page.getByRole('button', { name: 'Create another app' }));
  await createApp(page);
  assert.equal((await appCalls('POST')).length, 2);
  await context.close();
});

test('bad input is caught before any request, shown at the field, and kept', async () => {
  const { page, context, events } = await connected();
  await ready(page);
  await page.getByRole('textbox', { name: 'App ID' }).fill('12ab');
  await press(page.getByRole('checkbox', { name: /^boards:read / }), 'Space');
  await press(page.getByRole('checkbox', { name: /^pins:read / }), 'Space');
  await press(page.getByRole('checkbox', { name: /^user_accounts:read / }), 'Space');
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'invalid_input');
  assert.ok(error.fields.clientId && error.fields.clientSecret && error.fields.scopes);
  const appId = page.getByRole('textbox', { name: 'App ID' });
  assert.match(await description(appId), /digits only/);
  assert.equal(await appId.getAttribute('aria-invalid'), 'true');
  assert.equal(await appId.inputValue(), '12ab', 'what was typed is kept');
  assert.equal((await appCalls('POST')).length, 0);
  await context.close();
});

test("the API's 422 issue is shown at its field, and what was typed is kept", async () => {
  const { page, context } = await connected();
  await ready(page);
  await sandbox.switches({ failNext: { status: 422, count: 1, retryable: false, fields: ['clientId'] } });
  const appId = page.getByRole('textbox', { name: 'App ID' });
  await appId.fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'invalid_input');
  assert.equal(error.status, 422);
  assert.ok(error.fields.clientId);
  await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
  assert.equal(await appId.getAttribute('aria-invalid'), 'true');
  assert.match(await description(appId), /Rejected by the sandbox/);
  assert.equal(await appId.inputValue(), sandbox.pinterestApp.appId);
  await context.close();
});

test('a refused API key says so and stays on the access step', async () => {
  const { page, context } = await connected('not-the-key');
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'unauthorized');
  assert.equal(error.status, 401);
  assert.ok(error.requestId, 'the request id the API sent is passed on');
  await announced(page, /did not accept: API key/); // and the key field says what to do (announce.test.mjs)
  assert.equal(await page.getByRole('textbox', { name: 'Project' }).inputValue(), sandbox.project);
  assert.ok(!JSON.stringify(error).includes('not-the-key'));
  await context.close();
});

test('a network failure offers Retry, keeps the input, and the retry saves', async () => {
  const { page, context } = await connected();
  await ready(page);
  await page.route(sandbox.apiOrigin + '/**', (route) => route.abort('internetdisconnected'));
  await submitApp(page, sandbox);
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'network');
  await announced(page, /Could not reach the Ampersand API/);
  await page.unroute(sandbox.apiOrigin + '/**');
  await press(page.getByRole('button', { name: 'Retry' }));
  const saved = await waitForEvent(page, 'providerAppSaved');
  assert.equal(saved.clientId, sandbox.pinterestApp.appId);
  assert.equal(JSON.parse((await appCalls('POST'))[0].body).clientSecret, sandbox.pinterestApp.appSecret);
  await context.close();
});

test('server trouble: a 503 and an unreadable body both give a clear message with the status', async () => {
  const { page, context } = await connected();
  await ready(page);
  await sandbox.switches({ failNext: { status: 503, count: 1, retryable: true } });
  await submitApp(page, sandbox);
  let error = await waitForEvent(page, 'error');
  assert.equal(error.status, 503);
  assert.equal(error.retryable, true);
  await sandbox.switches({ malformedNext: 1 });
  await page.evaluate(() => { window.__ampEvents.length = 0; });
  await press(page.getByRole('button', { name: 'Retry' }));
  error = await waitForEvent(page, 'error');
  assert.equal(error.status, 500);
  assert.match(error.message, /500/);
  await press(page.getByRole('button', { name: 'Retry' }));
  await waitForEvent(page, 'providerAppSaved');
  await context.close();
});

test('Save cannot be sent twice while a request is in flight', async () => {
  const { page, context } = await connected();
  await ready(page);
  await sandbox.switches({ delayMs: 1200 });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  const save = page.getByRole('button', { name: 'Save to Ampersand' });
  await press(save);
  await page.getByRole('button', { name: 'Saving...' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('button', { name: 'Saving...' }).getAttribute('aria-disabled'), 'true');
  await press(page.getByRole('button', { name: 'Saving...' }));
  await waitForEvent(page, 'providerAppSaved');
  assert.equal((await appCalls('POST')).length, 1);
  await context.close();
});

test('paste works in App ID and App Secret: Ctrl+V on the canvas, the context menu, and the mirror', async () => {
  const { page, context } = await connected();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.web });
  await ready(page);
  const appId = page.getByRole('textbox', { name: 'App ID' });
  const center = (locator) => centerOnScreen(page, locator);
  await page.evaluate((t) => navigator.clipboard.writeText(t), `  ${sandbox.pinterestApp.appId}\n`);
  let p = await center(appId);
  await page.mouse.click(p.x, p.y);                  // the ImGui field on the canvas
  await page.keyboard.press('Control+V');
  await valueBecomes(appId, `  ${sandbox.pinterestApp.appId}`); // the newline is dropped by a one-line field

  await page.evaluate(() => navigator.clipboard.writeText('999'));
  p = await center(appId);
  await page.mouse.click(p.x, p.y, { button: 'right' }); // the context menu's target is an editable stand-in
  await page.keyboard.press('Control+V');
  await valueBecomes(appId, `  ${sandbox.pinterestApp.appId}999`);
  await appId.fill(sandbox.pinterestApp.appId);

  await page.evaluate((t) => navigator.clipboard.writeText(t), sandbox.pinterestApp.appSecret);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).focus();         // the mirror's own input
  await page.keyboard.press('Control+V');
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'providerAppSaved');
  const [post] = await appCalls('POST');
  assert.equal(JSON.parse(post.body).clientId, sandbox.pinterestApp.appId);
  assert.equal(JSON.parse(post.body).clientSecret, sandbox.pinterestApp.appSecret);
  await context.close();
});

test('the secret and the API key appear nowhere: storage, URL, console, events, DOM, memory', async () => {
  const { page, context, consoleLines, events } = await connected();
  assert.ok(await page.evaluate(() => window.__memories.length) > 0, 'the module memory is visible to the test');
  assert.ok(await inMemory(page, sandbox.apiKey) > 0, 'the API key is held while in use (the scan works)');
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  // Typed on the canvas, key by key, the way that leaves the most copies behind.
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  const secretBox = page.getByRole('textbox', { name: 'App Secret', exact: true });
  const r = await centerOnScreen(page, secretBox);
  await page.mouse.click(r.x, r.y);
  await page.keyboard.type(sandbox.pinterestApp.appSecret, { delay: 20 });
  // ImGui takes typed keys a few per frame: wait until the whole secret has reached the field.
  await until(async () => await inMemory(page, sandbox.pinterestApp.appSecret) > 0, 'the typed secret in memory before saving');
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'providerAppSaved');
  await until(async () => await inMemory(page, sandbox.pinterestApp.appSecret) === 0, 'no copy of the secret left after the save');
  assert.equal(JSON.parse((await appCalls('POST'))[0].body).clientSecret, sandbox.pinterestApp.appSecret);
  const secrets = [sandbox.pinterestApp.appSecret, sandbox.apiKey];
  const leaks = await page.evaluate((s) => {
    const places = {
      localStorage: JSON.stringify({ ...localStorage }), sessionStorage: JSON.stringify({ ...sessionStorage }),
      url: location.href, dom: document.documentElement.outerHTML,
      inputs: [...document.querySelectorAll('input, textarea')].map((i) => i.value).join('\n'),
    };
    return Object.entries(places).filter(([, v]) => s.some((x) => v.includes(x))).map(([k]) => k);
  }, secrets);
  assert.deepEqual(leaks, []);
  const everything = JSON.stringify(await events()) + consoleLines.join('\n');
  for (const s of secrets) assert.ok(!everything.includes(s), 'no secret in events or console output');
  await context.close();
});

test('the scope filter narrows the list whatever the case, and keeps chosen scopes in view', async () => {
  const { page, context } = await connected();
  await ready(page);
  await page.getByRole('textbox', { name: 'Filter scopes' }).fill('BOARDS');
  await page.getByRole('checkbox', { name: /^ads:read / }).waitFor({ state: 'detached' });
  const names = await page.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.closest('label').firstChild.textContent.split(' ')[0]));
  const scopes = names.filter((n) => n.includes(':'));
  assert.ok(scopes.includes('boards:write_secret'));
  assert.ok(scopes.includes('pins:read'), 'a chosen scope stays visible');
  assert.ok(!scopes.includes('pins:write'));
  await context.close();
});

test('typing not yet saved is announced to the host and guards against leaving the page', async () => {
  const { page, context } = await connected();
  await ready(page);
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  const unsaved = await waitForEvent(page, 'unsavedChanges');
  assert.equal(unsaved.unsaved, true);
  const dialog = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.accept(); }));
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  assert.equal(await Promise.race([dialog, closed.then(() => 'closed without asking')]), 'beforeunload');
  await closed;
  await context.close();
});

test('after saving, nothing guards the page', async () => {
  const { page, context } = await connected();
  await createApp(page);
  await page.waitForFunction(() => window.__ampEvents.filter((e) => e.type === 'unsavedChanges').at(-1)?.unsaved === false);
  let asked = false;
  page.once('dialog', (d) => { asked = true; d.accept(); });
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.equal(asked, false);
  await context.close();
});

test('Copy diagnostics puts what support needs on the clipboard, and no secret', async () => {
  const { page, context } = await connected();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.web });
  await ready(page);
  await sandbox.switches({ failNext: { status: 503, count: 1, retryable: true } });
  await submitApp(page, sandbox);
  const error = await waitForEvent(page, 'error');
  await press(page.getByRole('button', { name: 'Copy diagnostics' }));
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('diagnostics'));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  for (const want of ['operation: saveProviderApp', 'error code: server', 'HTTP status: 503',
    `request id: ${error.requestId}`, `project: ${sandbox.project}`, `page: ${sandbox.web}`, 'in an iframe: no'])
    assert.ok(text.includes(want), `${want} in\n${text}`);
  for (const secret of [sandbox.pinterestApp.appSecret, sandbox.apiKey]) assert.ok(!text.includes(secret));
  await context.close();
});
