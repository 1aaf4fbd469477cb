// Proving the saved app with Ampersand's OAuth flow through a popup, and every way it goes
// wrong: denied, wrong secret, blocked, closed, severed opener, forged and repeated messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, press, waitForEvent, announced, FAST, readyToTest as ready, testButton,
  startTest, approve, loopPaused } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });
const readyToTest = (extra) => ready(browser, sandbox, extra);
const connectionCalls = async () => (await sandbox.requests()).filter((r) => r.path.includes('/connections'));


test('happy path: approve in the popup, see the confirmed connection, remove it', async () => {
  const { page, context, app, events } = await readyToTest();
  const popup = await startTest(page);
  const connected = await approve(popup, page);
  assert.equal(connected.status, 'created');
  // What the app asked for, named so: a browser never sees what the account granted.
  assert.deepEqual(connected.requestedScopes, ['boards:read', 'pins:read', 'user_accounts:read']);
  assert.equal(connected.scopes, undefined);
  const calls = await sandbox.requests();
  const connect = calls.find((r) => r.method === 'POST' && r.path === '/v1/oauth-connect');
  assert.deepEqual(JSON.parse(connect.body), {
    projectIdOrName: sandbox.project, provider: 'pinterest', groupRef: 'ampersand-setup-test',
    consumerRef: 'admin', providerAppId: app.id,
  });
  assert.ok(calls.some((r) => r.method === 'GET' && r.path.endsWith('/connections/' + connected.id)),
    'the result is confirmed with the API, not taken from the message');
  assert.ok(calls.every((r) => !r.query.includes('includeCreds')), 'the widget never asks for credentials');
  await announced(page, /Connected/);
  await page.getByText(/Requested scopes: boards:read, pins:read, user_accounts:read/).waitFor({ state: 'attached' });
  assert.deepEqual(await page.evaluate(() => window.__opens), ['click'], 'the window opened inside the click');
  await press(page.getByRole('button', { name: 'Remove test connection' }));
  const removed = await waitForEvent(page, 'connectionRemoved');
  assert.equal(removed.id, connected.id);
  assert.ok((await connectionCalls()).some((r) => r.method === 'DELETE'));
  assert.ok(!JSON.stringify(await events()).includes(sandbox.pinterestApp.appSecret));
  await context.close();
});

test('a mouse click on the canvas opens the window inside the mouse event', async () => {
  const { page, context } = await readyToTest();
  const button = testButton(page);
  await button.evaluate((el) => el.scrollIntoView());
  await press(button, 'Shift'); // focus only: the widget scrolls the item into view
  const r = await button.evaluate((el) => el.getBoundingClientRect().toJSON());
  const popup = page.waitForEvent('popup');
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await popup;
  assert.deepEqual(await page.evaluate(() => window.__opens), ['mouseup']);
  await context.close();
});

test('deny: the provider says no, the widget says so and offers another try', async () => {
  const { page, context } = await readyToTest();
  const popup = await startTest(page);
  await popup.getByRole('button', { name: 'Deny' }).click();
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'authorization_denied');
  await testButton(page).waitFor({ state: 'attached' });
  assert.equal(await testButton(page).textContent(), 'Try again');
  await context.close();
});

test('wrong App Secret: the failure points at replacing the secret', async () => {
  const { page, context } = await readyToTest();
  await sandbox.switches({ pinterestSecret: 'the-real-secret-is-different' });
  const popup = await startTest(page);
  await popup.getByRole('button', { name: 'Approve' }).click();
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'authorization_failed');
  await announced(page, /Authentication failed/);
  await press(page.getByRole('button', { name: 'Replace the App Secret' }));
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).waitFor({ state: 'attached' });
  await context.close();
});

test('popup blocked: said plainly; the new-tab path is reconciled with the server', async () => {
  const { page, context } = await readyToTest();
  await page.evaluate(() => { window.open = () => null; });
  await press(testButton(page));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'popup_blocked');
  await announced(page, /blocked the sign-in window/);
  const link = page.getByRole('link', { name: 'Open in a new tab' });
  await link.waitFor({ state: 'attached' });
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(sandbox.consent + '/oauth/'), href);
  await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'attached' });
  const tab = await context.newPage(); // what the link opens: a tab with no opener to post back to
  await tab.goto(href);
  await approve(tab, page);
  await context.close();
});

test('popup closed before finishing: checked with the server, then a clear failure and Try again', async () => {
  const { page, context } = await readyToTest();
  const popup = await startTest(page);
  await popup.waitForLoadState();
  await popup.close();
  await page.getByRole('button', { name: 'I finished' }).waitFor({ state: 'attached' });
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'popup_closed');
  assert.ok((await connectionCalls()).filter((r) => r.method === 'GET').length >= 2, 'the server was asked first');
  await testButton(page).waitFor({ state: 'attached' });
  await context.close();
});

test('popup closed with the default 45 s grace: said as soon as the server has nothing, and opened again from there', async () => {
  const { page, context } = await readyToTest({ signInTimeouts: { ...FAST, closedGraceMs: 45000 } });
  const popup = await startTest(page);
  await popup.waitForLoadState();
  const closedAt = Date.now();
  await popup.close();
  const error = await waitForEvent(page, 'error');
  assert.equal(error.code, 'popup_closed');
  assert.ok(Date.now() - closedAt < 20000, 'not after the grace period');
  await announced(page, /window closed before Ampersand received an authorisation/);
  const reopened = page.waitForEvent('popup');
  await press(page.getByRole('button', { name: 'Open it again' }));
  const again = await reopened;
  await approve(again, page);
  await context.close();
});

test('opener severed by COOP: the result is found by reconciliation', async () => {
  const { page, context } = await readyToTest();
  await sandbox.switches({ consentSeversOpener: true });
  const popup = await startTest(page);
  await approve(popup, page);
  await context.close();
});

test('a forged success from another origin is ignored', async () => {
  const { page, context } = await readyToTest();
  const popup = await startTest(page);
  await popup.waitForURL(/\/oauth\//);
  await popup.evaluate(() => window.opener.postMessage(
    { eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: 'forged-id' } }, '*'));
  await page.evaluate(() => window.postMessage({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: 'forged-id' } }, '*'));
  // The real result still gets through. Messages arrive in order, so by then the forged ones were handled.
  await approve(popup, page);
  const connected = await page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'connected'));
  assert.equal(connected.length, 1);
  assert.ok(!JSON.stringify(connected).includes('forged-id'));
  assert.ok(!(await connectionCalls()).some((r) => r.path.endsWith('/forged-id')));
  await context.close();
});

test('a repeated message does not make a second result', async () => {
  const { page, context } = await readyToTest();
  await sandbox.switches({ callbackPostsTwice: true });
  const popup = await startTest(page);
  await approve(popup, page);
  await loopPaused(page); // all it does with both messages is done
  assert.equal((await page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'connected'))).length, 1);
  const gets = (await connectionCalls()).filter((r) => r.method === 'GET' && /\/connections\/[^/]+$/.test(r.path));
  assert.equal(gets.length, 1);
  await context.close();
});

test('keyboard only: the whole flow with Tab, typing and Enter', async () => {
  const w = await openWidget(browser, sandbox, { mount: { signInTimeouts: FAST } });
  const { page, context } = w;
  const tabTo = async (name) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        return el && (el.closest('label')?.firstChild?.textContent || el.textContent);
      });
      if (here === name) return;
    }
    throw new Error('Tab never reached ' + name);
  };
  await tabTo('Project');
  await page.keyboard.type(sandbox.project);
  await tabTo('API key');
  await page.keyboard.type(sandbox.apiKey);
  await tabTo('Connect to Ampersand');
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'App ID' }).waitFor({ state: 'attached' });
  // The Connect button is gone with its step; focus stays in the widget instead of falling to <body>.
  await page.waitForFunction(() => document.activeElement?.closest('.amp-mirror'));
  await tabTo('App ID');
  await page.keyboard.type(sandbox.pinterestApp.appId);
  await tabTo('App Secret');
  await page.keyboard.type(sandbox.pinterestApp.appSecret);
  await tabTo('Save to Ampersand');
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'providerAppSaved');
  await tabTo('Test connection');
  const popupP = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await popupP;
  await popup.getByRole('button', { name: 'Approve' }).focus();
  await popup.keyboard.press('Enter');
  await waitForEvent(page, 'connected');
  await context.close();
});
