// Where the widget may send credentials (https, or http to this machine only) in every mode, and the
// key-free deployment, where the page talks to the builder's own backend and only that backend holds
// the API key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, instrument, press, registerApp, waitForEvent } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// A page on the host origin with the loader from the widget's origin. Every request the page or its
// frames make is kept, with its headers.
async function hostPage() {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), headers: r.headers() }));
  await instrument(page);
  await page.goto(sandbox.host + '/index.html');
  await page.addScriptTag({ url: sandbox.web + '/ampersand-setup.js' });
  return { context, page, requests };
}

// Mounts in the page; resolves with 'ready' or the rejection's message, and keeps onEvent's events.
const mount = (page, options) => page.evaluate((o) => {
  window.__hostEvents = [];
  o.onEvent = (e) => window.__hostEvents.push(e);
  return AmpersandSetup.mount('#widget', o).then(() => 'ready', (e) => String(e.message));
}, { provider: 'pinterest', ...options }); // a provider named: no picker

const INSECURE = 'http://api.example.com/v1';

test('inline mode: plain http to another machine is refused on screen and as a typed event', async () => {
  for (const [field, options] of [['apiBase', { apiBase: INSECURE }],
    ['ampersandOrigin', { apiBase: sandbox.api, ampersandOrigin: 'http://api.example.com' }]]) {
    const { context, page, requests } = await hostPage();
    const outcome = await mount(page, { project: sandbox.project, apiKey: sandbox.apiKey, ...options });
    assert.match(outcome, new RegExp(field + ' must be an https:// address'));
    const [event] = await page.evaluate(() => window.__hostEvents);
    assert.equal(event.type, 'error');
    assert.equal(event.code, 'insecure_transport');
    assert.equal(event.retryable, false);
    assert.ok(event.fields[field]);
    await page.getByRole('alert').filter({ hasText: /did not start: .*https:\/\// }).waitFor();
    assert.ok(!requests.some((r) => r.url.includes('api.example.com') || r.url.includes('amp-widget')),
      'nothing was loaded or sent');
    await context.close();
  }
});

test('inline mode: https anywhere and http on loopback are accepted', async () => {
  const { context, page } = await hostPage();
  // The sandbox's API is http on 127.0.0.1; the Ampersand origin given as https is only checked, not called.
  assert.equal(await mount(page, { apiBase: sandbox.api, ampersandOrigin: 'https://api.withampersand.com',
    project: sandbox.project, apiKey: sandbox.apiKey }), 'ready');
  await context.close();
});

// The hosted page's config.json, as a deployment might get it wrong.
const insecureConfig = (context) => context.route(sandbox.web + '/config.json', async (route) => {
  const config = await (await route.fetch()).json();
  await route.fulfill({ json: { ...config, apiBase: INSECURE } });
});

test('hosted page: an insecure apiBase in config.json is refused on screen', async () => {
  const context = await browser.newContext();
  await insecureConfig(context);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(sandbox.web + '/');
  await page.getByRole('alert').filter({ hasText: /apiBase must be an https:\/\/ address/ }).waitFor();
  assert.ok(!requests.some((u) => u.includes('api.example.com')));
  await context.close();
});

test('iframe mode: the hosted page refuses an insecure apiBase and the host hears why', async () => {
  const { context, page } = await hostPage();
  await insecureConfig(context);
  const outcome = await mount(page, { mode: 'iframe', frameUrl: sandbox.web + '/index.html', project: sandbox.project });
  assert.match(outcome, /apiBase must be an https:\/\/ address/);
  const events = await page.evaluate(() => window.__hostEvents);
  assert.ok(events.some((e) => e.type === 'error' && e.code === 'insecure_transport' && e.fields.apiBase));
  await page.frameLocator('iframe').getByRole('alert').filter({ hasText: /did not start/ }).waitFor();
  await context.close();
});

test('key-free: register and prove an app through the builder\'s backend, no key anywhere in the page', async () => {
  const { context, page, requests } = await hostPage();
  const proxy = sandbox.host + '/ampersand/v1';
  assert.equal(await mount(page, { apiBase: proxy, ampersandOrigin: sandbox.apiOrigin, credentials: 'backend',
    project: sandbox.project }), 'ready');
  // The redirect URI to paste into Pinterest is Ampersand's, not the backend's.
  const redirect = page.getByRole('textbox', { name: 'Redirect URI' });
  await redirect.waitFor({ state: 'attached' });
  assert.equal(await redirect.inputValue(), sandbox.apiOrigin + '/callbacks/v1/oauth');
  await registerApp(page, sandbox); // no access step: the backend holds the credential
  const popup = page.waitForEvent('popup');
  await press(page.getByRole('button', { name: 'Test connection' }));
  await (await popup).getByRole('button', { name: 'Approve' }).click();
  const connected = await waitForEvent(page, 'connected');
  assert.equal(connected.provider, 'pinterest');

  const widgetCalls = requests.filter((r) => r.url.includes('/v1/'));
  assert.ok(widgetCalls.length >= 4);
  for (const r of widgetCalls) {
    if (r.url.startsWith(sandbox.apiOrigin + '/callbacks/')) continue; // the popup, at Ampersand
    assert.ok(r.url.startsWith(proxy + '/'), 'every API call goes to the backend: ' + r.url);
    assert.equal(r.headers['x-api-key'], undefined);
    assert.equal(r.headers.authorization, undefined);
  }
  const key = sandbox.apiKey;
  const seen = await page.evaluate(() => JSON.stringify(window.__ampEvents) + document.documentElement.outerHTML);
  assert.ok(!seen.includes(key), 'the key is in no event and nowhere in the DOM');
  // The API did get the key: the backend added it.
  const atApi = await sandbox.requests();
  assert.ok(atApi.length >= 4 && atApi.every((r) => r.headers['x-api-key'] === key));
  await context.close();
});
