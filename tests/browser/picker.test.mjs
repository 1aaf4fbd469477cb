// The provider picker: shown when no provider is named, after a name the catalog does not know, and from
// "Change provider"; searched by typing, chosen by keyboard through the accessible mirror and by touch;
// a provider that needs no app explained instead of set up; providers with a saved app marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, registerApp, press, waitForEvent, announced, valueBecomes, centerOnScreen } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const openPicker = (options = {}) => openWidget(browser, sandbox, { provider: '', mount: {}, ...options });
const pickerShown = (page) => page.getByRole('heading', { name: 'Choose a provider' }).waitFor({ state: 'attached' });
const search = (page) => page.getByRole('textbox', { name: 'Search providers' });
const row = (page, name) => page.getByRole('button', { name, exact: true });

// Tab from the search field until the mirror's focus is on `name`, as a keyboard user does.
async function tabTo(page, name) {
  await search(page).focus();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent) === name) return;
  }
  assert.fail(`Tab never reached ${name}`);
}

test('no provider named: the picker; "sales" lists Salesforce, chosen by keyboard through the mirror, opens its guide', async () => {
  const { page, context, events } = await openPicker();
  await pickerShown(page);
  assert.equal((await events()).find((e) => e.type === 'ready').provider, '');
  await search(page).fill('sales');
  await row(page, 'Salesforce').waitFor({ state: 'attached' });
  assert.equal(await row(page, 'Pinterest').count(), 0); // filtered out
  assert.equal(await row(page, 'Freshsales, no provider app needed').count(), 1); // "sales" inside the name too
  await tabTo(page, 'Salesforce');
  await page.keyboard.press('Enter');
  const chosen = await waitForEvent(page, 'providerChosen');
  assert.deepEqual(chosen, { type: 'providerChosen', provider: 'salesforce', displayName: 'Salesforce' });
  await waitForEvent(page, 'providerLoaded');
  await connectToAmpersand(page, sandbox);
  await page.getByRole('textbox', { name: 'Consumer Key', exact: true }).waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: 'Consumer Secret', exact: true }).waitFor({ state: 'attached' });
  await context.close();
});

test('on the canvas: a click in the search field, typing, Down and Enter choose the second match', async () => {
  const { page, context } = await openPicker();
  await pickerShown(page);
  const p = await centerOnScreen(page, search(page)); // where it is drawn, once the widget holds still
  await page.mouse.click(p.x, p.y);
  await page.keyboard.type('sales');
  await valueBecomes(search(page), 'sales');
  await page.keyboard.press('ArrowDown'); // Salesforce, then Salesloft: both need an app, so they lead
  await page.keyboard.press('Enter');
  assert.equal((await waitForEvent(page, 'providerChosen')).provider, 'salesloft');
  await context.close();
});

test('an unknown provider name: a message naming it, an error event, then the picker', async () => {
  const { page, context } = await openWidget(browser, sandbox, { query: 'provider=nosuch' });
  const error = await waitForEvent(page, 'error');
  assert.equal(error.operation, 'loadProvider');
  assert.equal(error.status, 404);
  assert.match(error.message, /nosuch/);
  await announced(page, /no provider named "nosuch"/);
  await pickerShown(page);
  await search(page).fill('PINTEREST'); // case aside; Enter in the field chooses the highlighted match
  await row(page, 'Pinterest').waitFor({ state: 'attached' });
  await press(search(page));
  assert.equal((await waitForEvent(page, 'providerChosen')).provider, 'pinterest');
  await page.getByRole('heading', { name: 'Connect to Ampersand' }).waitFor({ state: 'attached' });
  await context.close();
});

test('a provider that needs no app says how its users connect, and offers no register step', async () => {
  const { page, context, events } = await openPicker();
  await pickerShown(page);
  await search(page).fill('activecampaign');
  await press(row(page, 'ActiveCampaign, no provider app needed'));
  await page.getByText(/ActiveCampaign connects with an API key/).first().waitFor({ state: 'attached' });
  await pickerShown(page); // still choosing
  assert.equal(await page.getByRole('heading', { name: /Register the app/ }).count(), 0);
  assert.ok(!(await events()).some((e) => e.type === 'providerChosen'));
  await context.close();
});

test('Change provider from Pinterest returns to the picker, which marks Pinterest "App saved" once connected', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: {} });
  await connectToAmpersand(page, sandbox);
  await registerApp(page, sandbox);
  await press(page.getByRole('button', { name: 'Change provider' }));
  await pickerShown(page);
  await search(page).fill('pin');
  await row(page, 'Pinterest, App saved').waitFor({ state: 'attached' });
  await search(page).fill('salesforce');
  await row(page, 'Salesforce').waitFor({ state: 'attached' }); // no app saved for it
  await search(page).fill('pinterest');
  await press(row(page, 'Pinterest, App saved'));
  // Back on Pinterest with the project still connected: its saved app is open.
  await page.getByText('Saved in Ampersand').waitFor({ state: 'attached' });
  await context.close();
});

test('on a phone, one tap on a listed provider chooses it', async () => {
  const { page, context } = await openPicker({ width: 390, height: 844, dpr: 3, context: { hasTouch: true, isMobile: true } });
  await pickerShown(page);
  await search(page).fill('hubspot');
  const hubspot = row(page, 'HubSpot');
  await hubspot.waitFor({ state: 'attached' });
  const r = await hubspot.evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.ok(r.width > 300 && r.height >= 30, `a row is a full-width target (${r.width}x${r.height})`);
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  assert.equal((await waitForEvent(page, 'providerChosen')).provider, 'hubspot');
  await context.close();
});

test('a deploy without providers/index.json: the picker lists Ampersand\'s GET /providers instead', async () => {
  const asked = [];
  const { page, context } = await openPicker({ prepare: async (p) => {
    await p.route('**/providers/index.json', (r) => r.fulfill({ status: 404, contentType: 'text/html', body: 'Not Found' }));
    p.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/providers')) asked.push(r); });
  } });
  await pickerShown(page);
  await search(page).fill('sales');
  await row(page, 'Salesforce').waitFor({ state: 'attached' });
  assert.equal(asked.length, 1);
  assert.equal(new URL(asked[0].url()).origin, new URL(sandbox.api).origin);
  const headers = await asked[0].allHeaders();
  assert.equal(headers.authorization ?? headers['x-api-key'], undefined); // no credential for the catalog
  await context.close();
});
