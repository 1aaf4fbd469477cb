// Providers beyond Pinterest, each registered and proved through the sandbox's consent stand-in: Salesforce
// (PKCE, a workspace, a curated guide fetched from beside the widget), Shopify (a store as its workspace),
// Gong and Procore (only generic guides made from the catalog; Procore asks a Company ID at sign-in); an
// unknown provider name, and one that needs no provider app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, press, waitForEvent, announced, description, FAST, testButton,
  startTest, approve } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const open = (provider) => openWidget(browser, sandbox, { mount: { provider, signInTimeouts: FAST } });
// Waits until the page has fetched the provider's guide file from beside the widget (the web origin).
const guideFetched = (page, provider) => page.waitForFunction((path) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === path), '/providers/' + provider + '.json');
const sent = async (method, path) => (await sandbox.requests()).filter((r) => r.method === method && r.path.endsWith(path));
const oauthConnects = () => sent('POST', '/v1/oauth-connect');
const textbox = (page, name) => page.getByRole('textbox', { name, exact: true });

// Saves the sandbox's stand-in app under the guide's own names for the client id and secret.
async function register(page, idLabel, secretLabel, scopes) {
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await textbox(page, idLabel).fill(sandbox.pinterestApp.appId);
  await textbox(page, secretLabel).fill(sandbox.pinterestApp.appSecret);
  if (scopes) await textbox(page, 'Scopes').fill(scopes);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  return waitForEvent(page, 'providerAppSaved');
}

// Presses "Test connection" with `value` in the connect-time field `label` and resolves with the message
// shown beside it, once the widget has refused it: no window opened, nothing sent to Ampersand.
async function refusedBeforeSignIn(page, context, label, value) {
  const errors = () => page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'error').length);
  const before = await errors();
  const popups = [];
  const onPage = (p) => popups.push(p);
  context.on('page', onPage);
  await textbox(page, label).fill(value);
  await press(testButton(page));
  await page.waitForFunction((n) => window.__ampEvents.filter((e) => e.type === 'error').length > n, before);
  const refused = (await page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'error'))).at(-1);
  assert.equal(refused.code, 'invalid_input');
  assert.equal(refused.operation, 'testConnection');
  context.off('page', onPage);
  assert.equal(popups.length, 0, 'no window opened');
  assert.equal((await oauthConnects()).length, 0, 'nothing was sent');
  return description(textbox(page, label));
}

// Fills the connect-time inputs ({label: value}), tests the connection, approves on the consent stand-in
// and waits for "Connected". Resolves with the consent page's URL (what Ampersand sent the provider), the
// `connected` event (checked to name `provider`) and the oauth-connect body Ampersand received.
async function prove(page, provider, inputs = {}) {
  for (const [label, value] of Object.entries(inputs)) await textbox(page, label).fill(value);
  const popup = await startTest(page);
  await popup.waitForURL((u) => u.pathname.startsWith('/oauth'));
  const consentUrl = new URL(popup.url());
  const connected = await approve(popup, page, provider);
  await announced(page, /Connected/);
  const connects = await oauthConnects();
  assert.equal(connects.length, 1);
  return { consentUrl, connected, body: JSON.parse(connects[0].body) };
}

test('salesforce: curated guide on demand, secret required, the workspace refused until a bare name, PKCE sign-in', async () => {
  const { page, context, events } = await open('salesforce');
  await guideFetched(page, 'salesforce');
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  // Ampersand's spec requires clientSecret on every provider app, PKCE or not.
  await textbox(page, 'Consumer Key').fill(sandbox.pinterestApp.appId);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await page.waitForFunction(() => window.__ampEvents.some((e) => e.type === 'error'));
  assert.match(await description(textbox(page, 'Consumer Secret')), /Enter the Consumer Secret/);
  assert.equal((await sent('POST', '/provider-apps')).length, 0, 'no app saved without its secret');
  const saved = await register(page, 'Consumer Key', 'Consumer Secret');
  assert.equal(saved.provider, 'salesforce');
  assert.deepEqual(saved.scopes, ['api', 'refresh_token']);

  assert.match(await refusedBeforeSignIn(page, context, 'Subdomain', ''), /Enter the Subdomain/);
  assert.match(await refusedBeforeSignIn(page, context, 'Subdomain', 'https://acme.my.salesforce.com'), /alone, not a URL/);

  const { consentUrl, connected, body } = await prove(page, 'salesforce', { Subdomain: 'acme' });
  assert.equal(body.providerWorkspaceRef, 'acme');
  assert.equal(body.providerMetadata, undefined, 'the optional Business Unit ID was left empty');
  assert.equal(consentUrl.searchParams.get('workspace'), 'acme');
  assert.equal(consentUrl.searchParams.get('code_challenge_method'), 'S256', 'Ampersand ran the PKCE grant');
  assert.ok((await events()).every((e) => e.type !== 'error' || ['testConnection', 'saveProviderApp'].includes(e.operation)));
  assert.equal(connected.provider, 'salesforce');
  await context.close();
});

test('shopify: the store asked before the popup, a URL refused with a clear message, the store sent as the workspace', async () => {
  const { page, context } = await open('shopify');
  await guideFetched(page, 'shopify');
  await connectToAmpersand(page, sandbox);
  const saved = await register(page, 'Client ID', 'Client secret');
  assert.equal(saved.provider, 'shopify');
  assert.match(await refusedBeforeSignIn(page, context, 'Store', 'https://acme.myshopify.com/admin'),
    /Enter the Store alone, not a URL/);
  const { consentUrl, body } = await prove(page, 'shopify', { Store: 'acme' });
  assert.equal(body.providerWorkspaceRef, 'acme');
  assert.equal(consentUrl.searchParams.get('workspace'), 'acme');
  assert.equal(consentUrl.searchParams.get('code_challenge'), null, 'authorizationCode without PKCE');
  await context.close();
});

test('gong: a generic guide made from the catalog, scopes as free text, signs in', async () => {
  const { page, context } = await open('gong');
  await guideFetched(page, 'gong');
  const loaded = await waitForEvent(page, 'providerLoaded');
  assert.equal(loaded.displayName, 'Gong');
  await connectToAmpersand(page, sandbox);
  await page.getByText(/A generic guide, made from Ampersand's catalog/).first().waitFor({ state: 'attached' });
  const saved = await register(page, 'Client ID', 'Client secret', 'api:calls:read:basic api:users:read');
  assert.equal(saved.provider, 'gong');
  assert.deepEqual(saved.scopes, ['api:calls:read:basic', 'api:users:read']);
  const { body } = await prove(page, 'gong');
  assert.equal(body.providerWorkspaceRef, undefined);
  await context.close();
});

test('procore: a generic guide, its catalog input (Company ID) asked at sign-in and sent as providerMetadata', async () => {
  const { page, context } = await open('procore');
  await guideFetched(page, 'procore');
  await connectToAmpersand(page, sandbox);
  await page.getByText(/A generic guide, made from Ampersand's catalog/).first().waitFor({ state: 'attached' });
  await register(page, 'Client ID', 'Client secret');
  assert.match(await refusedBeforeSignIn(page, context, 'Company ID', ''), /Enter the Company ID/);
  const { body } = await prove(page, 'procore', { 'Company ID': '562949953421312' });
  assert.deepEqual(body.providerMetadata, { company: { value: '562949953421312', source: 'input' } });
  assert.equal(body.providerWorkspaceRef, undefined);
  await context.close();
});

test('an unknown provider name gets a clear message, and a provider without an app says how users connect', async () => {
  const unknown = await open('noSuchProvider');
  const error = await waitForEvent(unknown.page, 'error');
  assert.equal(error.operation, 'loadProvider');
  assert.equal(error.status, 404);
  await announced(unknown.page, /noSuchProvider/);
  await unknown.context.close();

  const apiKey = await open('activeCampaign');
  await connectToAmpersand(apiKey.page, sandbox);
  await apiKey.page.getByText(/ActiveCampaign connects with an API key/).first().waitFor({ state: 'attached' });
  assert.equal(await apiKey.page.getByRole('button', { name: 'Save to Ampersand' }).count(), 0);
  await apiKey.context.close();
});

test('hubspot: the catalog\'s provider-app input (Optional Scopes) is asked in the register form and saved in metadata', async () => {
  const { page, context } = await open('hubspot');
  await connectToAmpersand(page, sandbox);
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: 'Optional Scopes (optional)', exact: true }).fill('crm.objects.deals.read, content');
  await register(page, 'Client ID', 'Client secret');
  const create = (await sandbox.requests()).find((r) => r.method === 'POST' && r.path.endsWith('/provider-apps'));
  assert.deepEqual(JSON.parse(create.body).metadata, { authQueryParams: { optional_scope: ['crm.objects.deals.read', 'content'] } });
  await context.close();
});
