// Which results the OAuth step believes: only a fresh connection, and only a message from the window
// this attempt opened (a replay and a frame's message are not); and the attempt's deadline holds in
// every phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, press, waitForEvent, announced, FAST, readyToTest as ready, testButton, startTest } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });
const readyToTest = (extra) => ready(browser, sandbox, extra);

// Every URL the page fetches, recorded as the call is made (the widget fetches synchronously from
// inside its message handler), and every window message once the widget's own listener has run.
async function watchPage(page) {
  await page.evaluate(() => {
    window.__fetched = [];
    const f = window.fetch;
    window.fetch = function (url, init) { window.__fetched.push(String(url)); return f.call(this, url, init); };
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
}
const marked = (page, mark) => page.waitForFunction((m) => window.__messages.some((d) => d && d.mark === m), mark);

test('a replayed old success in our own window is not believed: could not confirm', async () => {
  const { page, context } = await readyToTest();
  let popup = await startTest(page);
  await popup.getByRole('button', { name: 'Approve' }).click();
  const first = await waitForEvent(page, 'connected');
  popup = page.waitForEvent('popup');
  await press(page.getByRole('button', { name: 'Test again' }));
  popup = await popup;
  await popup.waitForURL(/\/oauth\//);
  // A page on the API's origin in our window replays the earlier success.
  await popup.goto(sandbox.apiOrigin + '/v1/providers/pinterest');
  await popup.evaluate((id) => window.opener.postMessage(
    { eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: id } }, '*'), first.id);
  const unsure = await page.waitForFunction(() => window.__ampEvents.find((e) => e.code === 'unconfirmed'))
    .then((h) => h.jsonValue());
  assert.equal(unsure.type, 'error');
  assert.equal((await page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'connected'))).length, 1);
  await announced(page, /could not confirm/);
  await page.getByRole('button', { name: 'Check again' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Remove that connection' }).waitFor({ state: 'attached' });
  await context.close();
});

test('while the popup is blocked, a success from an API-origin iframe is ignored', async () => {
  const { page, context } = await readyToTest();
  await page.evaluate(() => { window.open = () => null; });
  await press(testButton(page));
  assert.equal((await waitForEvent(page, 'error')).code, 'popup_blocked');
  await watchPage(page);
  await page.evaluate((src) => new Promise((resolve) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.onload = resolve;
    document.body.appendChild(f);
  }), sandbox.apiOrigin + '/v1/providers/pinterest');
  const frame = page.frames().find((f) => f.url().startsWith(sandbox.apiOrigin));
  await frame.evaluate(() => {
    parent.postMessage({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: 'from-a-frame' } }, '*');
    parent.postMessage({ mark: 'after' }, '*');
  });
  await marked(page, 'after');
  assert.ok(!(await page.evaluate(() => window.__fetched.some((u) => u.includes('from-a-frame')))),
    'the message was not even asked about');
  assert.ok(!(await page.evaluate(() => window.__ampEvents.some((e) => e.type === 'connected'))));
  await page.getByRole('link', { name: 'Open in a new tab' }).waitFor({ state: 'attached' }); // still blocked
  await context.close();
});

// ---- giveUpMs in every phase ----------------------------------------------------------------------------

test('giveUpMs holds while asking for the sign-in address', async () => {
  const { page, context } = await readyToTest({ signInTimeouts: { ...FAST, giveUpMs: 1500 } });
  await sandbox.switches({ delayMs: 6000 }); // every answer from now on comes after the deadline
  const started = Date.now();
  await startTest(page);
  const error = await waitForEvent(page, 'error', 5500);
  assert.equal(error.code, 'timeout');
  assert.equal(error.operation, 'oauthConnect');
  assert.ok(Date.now() - started < 5500, 'ended by the deadline, not by the answer');
  await testButton(page).waitFor({ state: 'attached' });
  await context.close();
});
