// Issues 14 and 9, the register step under faults: a create or delete whose answer is lost never makes a
// second app, every request has a deadline, 429s are waited out, a token refused for provider-app
// writes is explained, and the API's field errors land on their fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, press, waitForEvent, connectToAmpersand, registerApp, announced, description, editApp } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// The request deadline of the tests about deadlines. The other tests keep the default (30 s): a short one
// would also cut off the ordinary requests a busy CI machine answers slowly.
const DEADLINE_MS = 4000;
const withDeadline = { requestTimeoutMs: DEADLINE_MS };

// The apps Ampersand (the sandbox) holds, as the builder's backend would see them.
const storedApps = async () => {
  const r = await fetch(`${sandbox.api}/projects/${sandbox.project}/provider-apps`, { headers: { 'X-Api-Key': sandbox.apiKey } });
  return r.json();
};
const appCalls = async (method) =>
  (await sandbox.requests()).filter((r) => r.method === method && r.path.includes('/provider-apps'));
const errors = (page) => page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'error'));

// The widget mounted on a third-party page (with `options`), past "Connect to Ampersand".
async function connected(options = {}) {
  const w = await openWidget(browser, sandbox, { mount: options });
  await connectToAmpersand(w.page, sandbox);
  await w.page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  return w;
}

for (const [fault, what] of [['answerLostNext', 'the answer is lost'], ['answerUnreadableNext', 'the answer is an unreadable 200'],
  ['answerNeverNext', 'the answer never comes (the deadline passes)']]) {
  test(`a create whose ${what.replace(/^the /, '')} is adopted, not repeated: exactly one app`, async () => {
    const { page, context } = await connected(fault === 'answerNeverNext' ? withDeadline : {});
    await sandbox.switches({ [fault]: 1 });
    const started = Date.now();
    const saved = await registerApp(page, sandbox);
    assert.equal(saved.created, true);
    const apps = await storedApps();
    assert.equal(apps.length, 1, 'exactly one app in Ampersand');
    assert.equal(saved.id, apps[0].id, 'the widget adopted the app its create made');
    assert.equal((await appCalls('POST')).length, 1, 'the create was sent once');
    assert.deepEqual(await errors(page), [], 'and nothing was reported as failed');
    if (fault === 'answerNeverNext') assert.ok(Date.now() - started < DEADLINE_MS + 10000, 'the deadline ended the wait');
    await page.getByRole('button', { name: 'Edit app' }).waitFor({ state: 'attached' });
    await context.close();
  });
}

test('a delete whose answer is lost is checked, and counts as done when the app is gone', async () => {
  const { page, context } = await connected();
  const saved = await registerApp(page, sandbox);
  await sandbox.switches({ answerLostNext: 1 });
  await press(page.getByRole('button', { name: 'Delete app' }));
  await press(page.getByRole('button', { name: 'Yes, delete it' }));
  const deleted = await waitForEvent(page, 'providerAppDeleted');
  assert.equal(deleted.id, saved.id);
  assert.deepEqual(await storedApps(), []);
  assert.equal((await appCalls('DELETE')).length, 1);
  assert.deepEqual(await errors(page), []);
  await context.close();
});

test('when the check cannot be made either, Retry checks again and never creates blindly', async () => {
  const { page, context } = await connected();
  await sandbox.switches({ answerLostNext: 2 }); // the create's answer, and the list that checks it
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.operation, 'checkProviderApps');
  await announced(page, /Could not check whether Ampersand saved the app/);
  await press(page.getByRole('button', { name: 'Retry' }));
  await waitForEvent(page, 'providerAppSaved');
  assert.equal((await storedApps()).length, 1);
  assert.equal((await appCalls('POST')).length, 1);
  await context.close();
});

test('a request past its deadline says so, keeps the input, and offers Retry and Cancel', async () => {
  const { page, context } = await connected(withDeadline);
  await registerApp(page, sandbox);
  await editApp(page);
  await press(page.getByRole('checkbox', { name: /^boards:write / }), 'Space');
  await sandbox.switches({ answerNeverNext: 1 });
  const started = Date.now();
  await press(page.getByRole('button', { name: 'Update app' }));
  const error = await waitForEvent(page, 'error', 20000);
  const waited = Date.now() - started;
  assert.equal(error.code, 'timeout');
  assert.equal(error.status, 0);
  assert.equal(error.retryable, true);
  assert.ok(waited >= DEADLINE_MS - 100 && waited < DEADLINE_MS + 5000, `gave up after ${waited} ms`);
  await announced(page, /did not answer in time/);
  assert.equal(await page.getByRole('checkbox', { name: /^boards:write / }).isChecked(), true, 'the input is kept');
  assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 1);
  await press(page.getByRole('button', { name: 'Cancel' }));
  await page.getByRole('button', { name: 'Retry' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: 'Change project' }).getAttribute('aria-disabled'), 'false');
  assert.equal(await page.getByRole('checkbox', { name: /^boards:write / }).isChecked(), true);
  const appId = page.getByRole('textbox', { name: 'App ID' });
  await appId.fill('1234');
  await page.waitForFunction(() => document.querySelector('[aria-describedby]') !== null);
  assert.equal(await appId.inputValue(), '1234', 'the form stays editable');
  await context.close();
});

test('a 429 on a read is waited out with a countdown and retried by itself', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: {} });
  await page.getByRole('textbox', { name: 'Project' }).waitFor({ state: 'attached' }); // the provider is in
  await sandbox.switches({ failNext: { status: 429, count: 1, retryAfter: 2 } });
  await connectToAmpersand(page, sandbox);
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'rate_limited');
  await page.getByText(/Trying again in [12] s/).waitFor({ state: 'attached' });
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached', timeout: 10000 });
  const lists = (await appCalls('GET')).length;
  assert.equal(lists, 2, 'listed once, refused, then once more by itself');
  await context.close();
});

test('a 429 on a create is never repeated by itself: Retry comes back after the wait', async () => {
  const { page, context } = await connected();
  await sandbox.switches({ failNext: { status: 429, count: 1, retryAfter: 2 } });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'error');
  const waiting = page.getByRole('button', { name: /^Retry in [12] s$/ });
  await waiting.waitFor({ state: 'attached' });
  assert.equal(await waiting.getAttribute('aria-disabled'), 'true');
  const retry = page.getByRole('button', { name: 'Retry', exact: true });
  await retry.waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(await retry.getAttribute('aria-disabled'), 'false');
  assert.equal((await appCalls('POST')).length, 1, 'nothing was sent again by itself');
  await press(retry);
  await waitForEvent(page, 'providerAppSaved');
  assert.equal((await storedApps()).length, 1);
  await context.close();
});

test('a token refused for provider-app writes explains that an API key is needed, and keeps the input', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: { project: sandbox.project, groupRef: 'g1',
    consumerRef: 'c1', tokenFrom: sandbox.apiOrigin + '/__sandbox/token' } });
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'forbidden');
  assert.equal(error.status, 403);
  await announced(page, /needs an Ampersand API key/);
  await announced(page, /a backend that adds one/);
  assert.equal(await page.getByRole('textbox', { name: 'App ID' }).inputValue(), sandbox.pinterestApp.appId);
  assert.deepEqual(await storedApps(), []);
  await context.close();
});

test("the API's field errors by path attach to their fields, in the form's words", async () => {
  const { page, context } = await connected();
  await sandbox.switches({ failNext: { status: 422, count: 1, retryable: false, fields: ['providerApp.clientId', 'scopes[1]'] } });
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  const error = await waitForEvent(page, 'error');
  assert.deepEqual(Object.keys(error.fields).sort(), ['clientId', 'scopes']);
  const appId = page.getByRole('textbox', { name: 'App ID' });
  await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length === 1);
  assert.equal(await appId.getAttribute('aria-invalid'), 'true');
  // The scopes' error is the whole group's, not one field's.
  assert.match(await description(page.getByRole('group', { name: 'Scopes' })), /Rejected by the sandbox/);
  assert.equal(await description(page.getByRole('textbox', { name: 'Other scopes' })), 'Scopes not listed above, separated by commas');
  assert.match(error.message, /App ID/);
  assert.doesNotMatch(error.message, /clientId|providerApp/);
  await context.close();
});
