// The provider picker: shown when no provider is named, after a name the catalog does not know, and from
// "Change provider"; searched by typing, chosen by keyboard through the accessible mirror (an ARIA 1.2
// combobox over a listbox of the matches) and by touch; a provider that needs no app explained instead of
// set up; providers with a saved app marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, connectToAmpersand, registerApp, press, waitForEvent, announced, valueBecomes, centerOnScreen,
  axeViolations } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const openPicker = (options = {}) => openWidget(browser, sandbox, { provider: '', mount: {}, ...options });
const pickerShown = (page) => page.getByRole('heading', { name: 'Choose a provider' }).waitFor({ state: 'attached' });
const search = (page) => page.getByRole('combobox', { name: 'Search providers' });
const row = (page, name) => page.getByRole('option', { name, exact: true });
// A click on a listed provider's option, as a screen reader's activation or a magnifier user's click gives.
const choose = (page, name) => row(page, name).dispatchEvent('click');
// The option the combobox points at (aria-activedescendant), and whether it is the one selected, once
// the mirror shows `name` there.
const activeBecomes = (page, name) => page.waitForFunction((want) => {
  const box = document.querySelector('.amp-setup [role=combobox]');
  const active = box && document.getElementById(box.getAttribute('aria-activedescendant'));
  const selected = [...document.querySelectorAll('.amp-setup [role=option][aria-selected=true]')];
  return active?.textContent === want && selected.length === 1 && selected[0] === active &&
    box.getAttribute('aria-controls') === active.closest('[role=listbox]').id;
}, name);

test('no provider named: the picker; "microsoft" by keyboard in the mirror: End, Home, Down twice, Enter chooses it', async () => {
  const { page, context, events } = await openPicker({ context: { bypassCSP: true } });
  await pickerShown(page);
  assert.equal((await events()).find((e) => e.type === 'ready').provider, '');
  await search(page).focus();
  await page.keyboard.type('microsoft');
  await row(page, 'Microsoft').waitFor({ state: 'attached' });
  assert.equal(await row(page, 'Pinterest').count(), 0); // filtered out
  assert.equal(await search(page).getAttribute('aria-expanded'), 'true');
  await activeBecomes(page, 'Microsoft');
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press('End'); // those that need no app come last
  await activeBecomes(page, 'Microsoft (Admin consent), no provider app needed');
  await page.keyboard.press('Home');
  await activeBecomes(page, 'Microsoft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await activeBecomes(page, 'Microsoft Dynamics CRM');
  assert.equal(await search(page).inputValue(), 'microsoft', 'the keys moved the highlight, not the text');
  await page.keyboard.press('Enter');
  const chosen = await waitForEvent(page, 'providerChosen');
  assert.deepEqual(chosen, { type: 'providerChosen', provider: 'dynamicsCRM', displayName: 'Microsoft Dynamics CRM' });
  await waitForEvent(page, 'providerLoaded');
  await context.close();
});

test('Escape in the mirror\'s search clears it; a click on a listed option chooses it and opens its guide', async () => {
  const { page, context } = await openPicker();
  await pickerShown(page);
  await search(page).fill('sales');
  await row(page, 'Salesforce').waitFor({ state: 'attached' });
  assert.equal(await row(page, 'Freshsales, no provider app needed').count(), 1); // "sales" inside the name too
  await search(page).press('Escape');
  await valueBecomes(search(page), '');
  await page.getByText('238 providers', { exact: false }).first().waitFor({ state: 'attached' }); // the whole catalog again
  await search(page).fill('sales');
  await choose(page, 'Salesforce');
  assert.equal((await waitForEvent(page, 'providerChosen')).provider, 'salesforce');
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
  await choose(page, 'ActiveCampaign, no provider app needed');
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
  await choose(page, 'Pinterest, App saved');
  // Back on Pinterest with the project still connected: its saved app is open (folded, nothing typed).
  await page.getByRole('heading', { name: '2. Register the app with Ampersand: saved' }).waitFor({ state: 'attached' });
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
