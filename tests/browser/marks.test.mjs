// Provider marks: the catalog's icon beside each provider in the picker and in the title, decoded by the
// browser and drawn on the canvas; the provider's initial when the icon cannot be had. The icon host is
// Ampersand's image CDN, which these tests stand in for (the machine has no internet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, loopPaused, centerOnScreen, waitForEvent, pngFacts, until } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const ICONS = 'https://res.cloudinary.com/**';
const GREEN = [0, 192, 96];
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="rgb(${GREEN})"/></svg>`;

// The icon CDN: every icon is a green square (or `body`), with CORS as Ampersand's CDN answers. (Playwright's
// fulfil adds CORS headers to a cross-origin answer by itself, so an answer without them, whose pixels the
// page may not read, cannot be staged here: marks.js treats that like a failed load.) Records each
// request's headers.
function iconHost(page, { status = 200, body = SVG } = {}) {
  const asked = [];
  return page.route(ICONS, (route) => {
    asked.push(route.request().headers());
    route.fulfill({ status, contentType: 'image/svg+xml', body, headers: { 'access-control-allow-origin': '*' } });
  }).then(() => asked);
}

const pixelsLike = async (page, png, rgb) => (await pngFacts(page, png, rgb)).near;

// The first 60 CSS px of a picker row: where its mark is drawn.
async function markOf(page, name) {
  const row = page.getByRole('option', { name, exact: true });
  await row.waitFor({ state: 'attached' });
  await centerOnScreen(page, row);
  await loopPaused(page);
  const box = await row.boundingBox();
  return page.screenshot({ clip: { x: box.x, y: box.y, width: 60, height: box.height } });
}

async function pickerWith(dpr, hostOptions) {
  let asked;
  const opened = await openWidget(browser, sandbox, { provider: '', dpr, prepare: async (page) => { asked = await iconHost(page, hostOptions); } });
  await opened.page.getByRole('combobox', { name: 'Search providers' }).fill('salesforce');
  return { ...opened, asked: () => asked };
}

for (const dpr of [1, 2]) {
  test(`DPR ${dpr}: each row of the picker leads with its provider's icon, fetched without referrer or cookies`, async () => {
    const { page, context, asked } = await pickerWith(dpr);
    // The icon arrives after the first frames; the initial stands in until then.
    const png = await until(async () => {
      const shot = await markOf(page, 'Salesforce');
      return await pixelsLike(page, shot, GREEN) > 200 * dpr * dpr && shot;
    }, 'the green icon is drawn in the row', 15000);
    const side = Math.round(60 * dpr);
    assert.ok(await pixelsLike(page, png, GREEN) < side * side / 2, 'inside the row, not over it');
    assert.ok(asked().length > 0 && asked().length <= 12, `only the rows drawn ask for icons (${asked().length})`);
    for (const h of asked()) {
      assert.equal(h.referer, undefined, 'no referrer leaves for the image host');
      assert.equal(h.cookie, undefined);
    }
    await context.close();
  });
}

test('an icon that cannot be loaded or decoded leaves the initial, and the row works', async () => {
  for (const options of [{ status: 404, body: '' }, { body: 'not an image' }]) {
    const { page, context, asked } = await pickerWith(1, options);
    await page.getByRole('option', { name: 'Salesforce', exact: true }).waitFor({ state: 'attached' });
    await loopPaused(page);
    assert.ok(asked().length > 0, 'the icon was asked for');
    const png = await markOf(page, 'Salesforce');
    assert.equal(await pixelsLike(page, png, GREEN), 0, JSON.stringify(options));
    assert.ok((await pngFacts(page, png)).painted > 20, 'the initial is drawn in its place');
    const at = await centerOnScreen(page, page.getByRole('option', { name: 'Salesforce', exact: true }));
    await page.mouse.click(at.x, at.y);
    await waitForEvent(page, 'providerChosen');
    await context.close();
  }
});

test('the chosen provider\'s icon leads the title', async () => {
  let asked;
  const { page, context } = await openWidget(browser, sandbox, { provider: 'salesforce', prepare: async (p) => { asked = await iconHost(p); } });
  const title = page.getByRole('heading', { name: 'Set up Salesforce for Ampersand' });
  await title.waitFor({ state: 'attached' });
  await until(async () => {
    await loopPaused(page);
    const box = await title.boundingBox();
    const png = await page.screenshot({ clip: { x: Math.max(0, box.x - 60), y: box.y, width: 60, height: box.height } });
    return await pixelsLike(page, png, GREEN) >= 300;
  }, 'the icon is drawn before the title (300 green pixels)', 15000);
  assert.equal(asked.length, 1);
  await context.close();
});
