// The widget in the admin's language: the `locale` option, the hosted page's `locale` query parameter, or
// the browser's languages choose a shipped catalog (web/src/locale.js); its file is fetched before the
// module starts, so the first screen is drawn in that language, with `lang` on the widget for the mirror
// and the live regions. Japanese draws as glyphs (the browser's, on demand), not as fallback marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget, loopPaused, press, waitForEvent } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// The first screen's card title, and the page's title, in each shipped language.
const FIRST_SCREEN = {
  de: { card: 'Mit Ampersand verbinden', title: 'Pinterest für Ampersand einrichten' },
  fr: { card: 'Se connecter à Ampersand', title: 'Configurer Pinterest pour Ampersand' },
  es: { card: 'Conectar con Ampersand', title: 'Configurar Pinterest para Ampersand' },
  ja: { card: 'Ampersandに接続', title: 'Ampersand用にPinterestをセットアップ' },
  'pt-BR': { card: 'Conectar à Ampersand', title: 'Configurar Pinterest para a Ampersand' },
  en: { card: 'Connect to Ampersand', title: 'Set up Pinterest for Ampersand' },
};

const language = (page) => page.locator('.amp-mirror').evaluate((el) => el.closest('[lang]')?.lang);
const mirrorText = (page) => page.locator('.amp-mirror').innerText();

async function firstScreenIn(page, locale) {
  const want = FIRST_SCREEN[locale];
  await page.getByRole('heading', { name: want.card, exact: true }).waitFor({ state: 'attached' });
  await page.getByRole('heading', { name: want.title, exact: true }).waitFor({ state: 'attached' });
  assert.equal(await language(page), locale);
  if (locale !== 'en') assert.ok(!(await mirrorText(page)).includes('Connect to Ampersand'), 'no English left on the first screen');
}

for (const locale of ['de', 'fr', 'es', 'ja', 'pt-BR']) {
  test(`mounted with locale '${locale}', the first screen is in that language`, async () => {
    const catalogs = [];
    const { page, context, consoleLines } = await openWidget(browser, sandbox, { mount: { locale },
      prepare: (p) => p.on('request', (r) => { if (r.url().includes('/locales/')) catalogs.push(new URL(r.url()).pathname); }) });
    await firstScreenIn(page, locale);
    assert.deepEqual(catalogs, [`/locales/${locale}.json`], 'one request, for that catalog only');
    assert.deepEqual(consoleLines.filter((l) => !l.startsWith('[DOM]')), [], 'nothing said on the console');
    await context.close();
  });
}

test('an English admin fetches no catalog', async () => {
  const catalogs = [];
  const { page, context } = await openWidget(browser, sandbox, { mount: {},
    prepare: (p) => p.on('request', (r) => { if (r.url().includes('/locales/')) catalogs.push(r.url()); }) });
  await firstScreenIn(page, 'en');
  assert.deepEqual(catalogs, []);
  await context.close();
});

test("the browser's language chooses, by language: de-AT reads German, pt-PT Brazilian Portuguese, en-GB English", async () => {
  for (const [browserLocale, want] of [['de-AT', 'de'], ['pt-PT', 'pt-BR'], ['en-GB', 'en'], ['ko-KR', 'en']]) {
    const { page, context } = await openWidget(browser, sandbox, { mount: {}, context: { locale: browserLocale } });
    await firstScreenIn(page, want);
    await context.close();
  }
});

test("the locale option overrides the browser's language; one that is not a language tag reads English", async () => {
  let w = await openWidget(browser, sandbox, { mount: { locale: 'ja-JP' }, context: { locale: 'de-DE' } });
  await firstScreenIn(w.page, 'ja');
  await w.context.close();
  w = await openWidget(browser, sandbox, { mount: { locale: '../../x' }, context: { locale: 'de-DE' } });
  await firstScreenIn(w.page, 'en');
  await w.context.close();
});

test("the hosted page takes the locale query parameter", async () => {
  const { page, context } = await openWidget(browser, sandbox, { query: 'locale=fr-CA' });
  await firstScreenIn(page, 'fr');
  await context.close();
});

test('the iframe mode hands the locale to the hosted page', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: { mode: 'iframe', frameUrl: sandbox.web + '/index.html', locale: 'es' } });
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { name: FIRST_SCREEN.es.card, exact: true }).waitFor({ state: 'attached' });
  assert.equal(await frame.locator('.amp-mirror').evaluate((el) => el.closest('[lang]')?.lang), 'es');
  await context.close();
});

test('dates read in the locale: the saved app was created on a German date', async () => {
  const { page, context } = await openWidget(browser, sandbox, { mount: { locale: 'de' }, height: 1400 });
  await page.getByRole('textbox', { name: 'Projekt' }).fill(sandbox.project);
  await page.getByRole('textbox', { name: 'API-Schlüssel', exact: true }).fill(sandbox.apiKey);
  await press(page.getByRole('button', { name: 'Mit Ampersand verbinden' }));
  // The Pinterest guide's own terms stay as Pinterest names them.
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'In Ampersand speichern' }));
  await waitForEvent(page, 'providerAppSaved');
  // German's medium date and short time ("01.01.2026, 00:00"), as Intl.DateTimeFormat writes it.
  const line = await page.getByText(/^Erstellt /).innerText();
  assert.match(line, /^Erstellt \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  await context.close();
});

// The card title as drawn, and the same with the title replaced by "?" marks (what ImGui draws for a
// character its atlas lacks): Japanese must differ from the fallback and be drawn by the browser.
test('Japanese draws as glyphs, not as fallback marks', async () => {
  async function titleShot(replace) {
    const { page, context } = await openWidget(browser, sandbox, { mount: { locale: 'ja' }, prepare: (p) => replace &&
      p.route((url) => url.pathname.endsWith('/locales/ja.json'), async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body['access.title'] = replace(body['access.title']);
        await route.fulfill({ response, json: body });
      }) });
    const title = page.getByRole('heading', { name: replace ? replace(FIRST_SCREEN.ja.card) : FIRST_SCREEN.ja.card, exact: true });
    await title.waitFor({ state: 'attached' });
    await loopPaused(page);
    const r = await title.boundingBox();
    const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
    const draws = await page.evaluate(() => window.__glyphDraws);
    await context.close();
    return { png, draws };
  }
  const asFallback = (s) => Array.from(s, (c) => (c.charCodeAt(0) < 0x3000 ? c : '?')).join('');
  const drawn = await titleShot(null);
  const fallback = await titleShot(asFallback);
  assert.ok(drawn.draws > 0, 'the browser drew the Japanese characters');
  assert.ok(!drawn.png.equals(fallback.png), 'the title shows the same pixels as with "?" for each Japanese character');
});
