// A busy control ignores input. Every primary button is double-clicked, on the canvas and
// through the mirror (two DOM clicks before the disabled state reaches the page): each sends its request
// once, nothing queued fires when the control comes back, and the main loop goes idle afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, waitForEvent, press, loopPaused, framesPass, editApp } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const calls = async (method, pathPart) =>
  (await sandbox.requests()).filter((r) => r.method === method && r.path.includes(pathPart)).length;

// Resolves once the main loop has paused (within 8 s) and then draws nothing while frames go by.
async function goesIdle(page) {
  await loopPaused(page, 8000);
  const last = await page.evaluate(() => window.__draws);
  await framesPass(page, 30);
  assert.equal(await page.evaluate(() => window.__draws), last, 'no draw calls once paused');
}

// Two clicks as a person's double click, at the centre of where the button is drawn.
async function doubleClickCanvas(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'attached' });
  const r = await button.evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.ok(r.y + r.height < page.viewportSize().height, `${name} is on screen`);
  await page.mouse.dblclick(r.x + r.width / 2, r.y + r.height / 2);
}

// Two clicks on the mirror's button in one task: the second comes before any frame could mark it busy.
async function doubleClickMirror(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'attached' });
  await button.evaluate((el) => { el.click(); el.click(); });
}

for (const [how, doubleClick] of [['on the canvas', doubleClickCanvas], ['through the mirror', doubleClickMirror]]) {
  test(`double clicks ${how}: one request per button, nothing fires later, and the loop goes idle`, async () => {
    const { page, context } = await openWidget(browser, sandbox, { height: 2400 });
    await sandbox.switches({ delayMs: 300, autoApprove: true }); // every answer takes a while: the second click lands while busy
    await page.getByRole('textbox', { name: 'Project' }).fill(sandbox.project);
    await page.getByRole('textbox', { name: 'API key', exact: true }).fill(sandbox.apiKey);
    await doubleClick(page, 'Connect to Ampersand');
    await page.getByRole('heading', { name: /Register the app with Ampersand/ }).waitFor({ state: 'attached' });
    assert.equal(await calls('GET', '/provider-apps'), 1, 'Connect to Ampersand: listed once');
    await goesIdle(page);

    await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
    await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
    await doubleClick(page, 'Save to Ampersand');
    await waitForEvent(page, 'providerAppSaved');
    await goesIdle(page);
    assert.equal(await calls('POST', '/provider-apps'), 1, 'Save: created once');
    assert.equal(await calls('PATCH', '/provider-apps'), 0, 'no queued click became an update');
    assert.equal(await page.getByText(/Nothing to update/).count(), 0);

    await editApp(page);
    await press(page.getByRole('checkbox', { name: /^boards:write / }), 'Space');
    await doubleClick(page, 'Update app');
    await page.waitForFunction(() => window.__ampEvents.filter((e) => e.type === 'providerAppSaved').length === 2);
    await goesIdle(page);
    assert.equal(await calls('PATCH', '/provider-apps'), 1, 'Update app: sent once');
    assert.equal(await page.getByText(/Nothing to update/).count(), 0);

    const popup = context.waitForEvent('page');
    await doubleClick(page, 'Test connection');
    await waitForEvent(page, 'connected', 30000);
    await (await popup).close().catch(() => {});
    await goesIdle(page);
    assert.equal(await calls('POST', '/oauth-connect'), 1, 'Test connection: one attempt');

    await doubleClick(page, 'Delete app');
    await page.getByRole('button', { name: 'Yes, delete it' }).waitFor({ state: 'attached' });
    assert.equal(await calls('DELETE', '/provider-apps'), 0, 'a double click on Delete app only asks');
    await goesIdle(page);
    await doubleClick(page, 'Yes, delete it');
    await waitForEvent(page, 'providerAppDeleted');
    await goesIdle(page);
    assert.equal(await calls('DELETE', '/provider-apps'), 1, 'Yes, delete it: deleted once');
    assert.equal(await page.evaluate(() => window.__ampEvents.filter((e) => e.type === 'error').length), 0);
    await context.close();
  });
}
