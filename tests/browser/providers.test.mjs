// Providers beyond Pinterest: Salesforce (a curated guide fetched from beside the widget, a workspace asked
// before sign-in), Gong (only a generic guide made from the catalog), an unknown provider name, and one
// that needs no provider app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, press, waitForEvent, announced, description, FAST, testButton,
  startTest } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const open = (provider) => openWidget(browser, sandbox, { mount: { provider, signInTimeouts: FAST } });
// Waits until the page has fetched the provider's guide file from beside the widget (the web origin).
const guideFetched = (page, provider) => page.waitForFunction((path) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === path), '/providers/' + provider + '.json');
const oauthConnects = async () => (await sandbox.requests()).filter((r) => r.method === 'POST' && r.path === '/v1/oauth-connect');

// Saves the sandbox's stand-in app under the guide's own names for the client id and secret.
async function register(page, idLabel, secretLabel, scopes) {
  await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: idLabel, exact: true }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: secretLabel, exact: true }).fill(sandbox.pinterestApp.appSecret);
  if (scopes) await page.getByRole('textbox', { name: 'Scopes', exact: true }).fill(scopes);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  return waitForEvent(page, 'providerAppSaved');
}

async function approve(page) {
  const popup = await startTest(page);
  await popup.getByRole('button', { name: 'Approve' }).click();
  return { connected: await waitForEvent(page, 'connected', 30000) };
}

test('salesforce: curated guide on demand, the workspace refused before the popup until it is a bare name', async () => {
  await sandbox.reset();
  const { page, context, events } = await open('salesforce');
  await guideFetched(page, 'salesforce');
  await connectToAmpersand(page, sandbox);
  const saved = await register(page, 'Consumer Key', 'Consumer Secret');
  assert.equal(saved.provider, 'salesforce');
  assert.deepEqual(saved.scopes, ['api', 'refresh_token']);

  const popups = [];
  context.on('page', (p) => popups.push(p));
  const workspace = page.getByRole('textbox', { name: 'Subdomain', exact: true });
  await press(testButton(page));
  const refused = await waitForEvent(page, 'error');
  assert.equal(refused.code, 'invalid_input');
  assert.equal(refused.operation, 'testConnection');
  assert.match(refused.fields.workspace, /Enter the Subdomain/);
  assert.match(await description(workspace), /Enter the Subdomain/);
  await workspace.fill('https://acme.my.salesforce.com');
  await press(testButton(page));
  await page.waitForFunction(() => window.__ampEvents.filter((e) => e.type === 'error').length === 2);
  assert.match(await description(workspace), /alone, not a URL/);
  assert.equal(popups.length, 0, 'no window opened');
  assert.equal((await oauthConnects()).length, 0, 'nothing was sent');

  await workspace.fill('acme');
  const { connected } = await approve(page);
  assert.equal(connected.provider, 'salesforce');
  const [sent] = await oauthConnects();
  assert.equal(JSON.parse(sent.body).providerWorkspaceRef, 'acme');
  assert.equal(JSON.parse(sent.body).providerMetadata, undefined, 'the optional Business Unit ID was left empty');
  assert.ok((await events()).every((e) => e.type !== 'error' || e.operation === 'testConnection'));
  await context.close();
});

test('gong: a generic guide made from the catalog, scopes as free text, signs in', async () => {
  await sandbox.reset();
  const { page, context } = await open('gong');
  await guideFetched(page, 'gong');
  const loaded = await waitForEvent(page, 'providerLoaded');
  assert.equal(loaded.displayName, 'Gong');
  await connectToAmpersand(page, sandbox);
  await page.getByText(/A generic guide, made from Ampersand's catalog/).first().waitFor({ state: 'attached' });
  const saved = await register(page, 'Client ID', 'Client secret', 'api:calls:read:basic api:users:read');
  assert.equal(saved.provider, 'gong');
  assert.deepEqual(saved.scopes, ['api:calls:read:basic', 'api:users:read']);
  const { connected } = await approve(page);
  assert.equal(connected.provider, 'gong');
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
