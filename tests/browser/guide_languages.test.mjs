// Guide text in the admin's language: a curated guide's words come from its translation beside the widget
// (providers/<locale>/<name>.json, core/guide_overlay.h), fetched once, by non-English admins only, and a
// translation that does not come leaves the guide English with no error; a generic guide is worded by the
// widget from the message catalog, so it reads in the admin's language too. A late translation does not
// hold the guide for long: it is laid over the English when it comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, openWidget } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

const TRANSLATION = /\/providers\/[A-Za-z-]+\/[^/]+\.json$/; // providers/<locale>/<name>.json
const shipped = async (path) => (await fetch(sandbox.web + path)).json();

const ENGLISH_STEP = 'Have a Pinterest business account';

// Mounted with the host's project and key, so the apps are listed and the checklist shows at once; the
// requests for translations, by path; whether the English step title was ever in the page (the mirror),
// even for one frame.
async function openChecklist(provider, locale, prepare) {
  const translations = [];
  const w = await openWidget(browser, sandbox, { mount: { provider, locale, project: sandbox.project, apiKey: sandbox.apiKey },
    height: 1400, prepare: async (p) => {
      p.on('request', (r) => { const path = new URL(r.url()).pathname; if (TRANSLATION.test(path)) translations.push(path); });
      await p.addInitScript((english) => {
        window.__englishSeen = false;
        new MutationObserver(() => { window.__englishSeen ||= document.documentElement.innerHTML.includes(english); })
          .observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      }, ENGLISH_STEP);
      if (prepare) await prepare(p);
    } });
  return { ...w, translations, englishSeen: () => w.page.evaluate(() => window.__englishSeen) };
}

const step = (page, title) => page.getByRole('checkbox', { name: title, exact: true });

test('German and Pinterest: the built-in guide reads German, from one request for its translation', async () => {
  await sandbox.reset();
  const de = await shipped('/providers/de/pinterest.json');
  const { page, context, translations, events, englishSeen } = await openChecklist('pinterest', 'de');
  for (const s of Object.values(de.steps)) await step(page, s.title).waitFor({ state: 'attached' });
  assert.equal(await englishSeen(), false, 'the English step title was never shown, not even for a frame');
  assert.ok((await page.locator('.amp-mirror').innerText()).includes('App ID'), "Pinterest's own term for the client id stays");
  assert.deepEqual(translations, ['/providers/de/pinterest.json']);
  assert.ok((await events()).every((e) => e.type !== 'error'));
  await context.close();
});

test('an English admin asks for no translation', async () => {
  await sandbox.reset();
  const { page, context, translations, englishSeen } = await openChecklist('pinterest', 'en');
  await step(page, ENGLISH_STEP).waitFor({ state: 'attached' });
  assert.equal(await englishSeen(), true); // what the German test's watch would have seen
  assert.deepEqual(translations, []);
  await context.close();
});

test('a translation that is missing leaves the guide English, with no error event', async () => {
  await sandbox.reset();
  let refused = 0;
  const { page, context, translations, events } = await openChecklist('pinterest', 'fr', (p) =>
    p.route('**/providers/fr/pinterest.json', (r) => { refused++; return r.fulfill({ status: 404, contentType: 'text/html', body: 'Not Found' }); }));
  await step(page, ENGLISH_STEP).waitFor({ state: 'attached' });
  assert.equal(refused, 1);
  assert.deepEqual(translations, ['/providers/fr/pinterest.json']);
  assert.ok((await events()).every((e) => e.type !== 'error'), 'no error event');
  await context.close();
});

test('a late translation: the guide is shown in English after a while, and turns German when the file comes', async () => {
  await sandbox.reset();
  const de = await shipped('/providers/de/pinterest.json');
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, context } = await openChecklist('pinterest', 'de', (p) =>
    p.route('**/providers/de/pinterest.json', async (r) => { await held; await r.continue(); }));
  await step(page, ENGLISH_STEP).waitFor({ state: 'attached' });
  release();
  await step(page, de.steps.business.title).waitFor({ state: 'attached' });
  await context.close();
});

test('a generic guide (Gong) reads French: its words come from the catalog, not from the file', async () => {
  await sandbox.reset();
  const fr = await shipped('/locales/fr.json');
  const file = await shipped('/providers/gong.json');
  assert.deepEqual(file, { provider: 'gong', generic: true }, 'the build writes no words for it');
  const { page, context, translations, events } = await openChecklist('gong', 'fr');
  for (const key of ['generic.redirect', 'generic.credentials']) await step(page, fr[key]).waitFor({ state: 'attached' });
  const mirror = await page.locator('.amp-mirror').innerText();
  assert.ok(!mirror.includes('Add the redirect URI'), 'no English step title');
  // Named by the host, it is not known to be generic until its file comes: its translation is asked for
  // beside it all the same (a 404, no error); one chosen in the picker, whose index says so, is not.
  assert.deepEqual(translations, ['/providers/fr/gong.json']);
  assert.ok((await events()).every((e) => e.type !== 'error'));
  await context.close();
});
