// ./dev screenshots: walks the flow as a new admin would (access, register, an invalid save, saved,
// signing in, connected) and saves what the viewport shows at each step, for every device below, as
// PNGs in build/screens/. Nothing is asserted: these are for people to look at.
import { mkdir } from 'node:fs/promises';
import { startSandbox, launchBrowser, openWidget, connectToAmpersand, press, waitForEvent } from '../browser/harness.mjs';

const devices = {
  'desktop-dpr1': { width: 1280, height: 900, dpr: 1 },
  'desktop-dpr2': { width: 1280, height: 900, dpr: 2 },
  'phone-touch': { width: 390, height: 844, dpr: 3, touch: true },
  'phone-dark': { width: 390, height: 844, dpr: 3, touch: true, colorScheme: 'dark' },
  'desktop-dark': { width: 1280, height: 900, dpr: 1, colorScheme: 'dark' },
  'forced-colors': { width: 1280, height: 900, dpr: 1, forcedColors: 'active' },
};
const out = new URL('../../build/screens/', import.meta.url);

const open = (browser, sandbox, d, provider) => openWidget(browser, sandbox, { width: d.width, height: d.height, dpr: d.dpr,
  provider, context: { hasTouch: !!d.touch, isMobile: !!d.touch, colorScheme: d.colorScheme ?? 'light', forcedColors: d.forcedColors ?? 'none' } });
const shooter = (page, name) => async (step) => {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: new URL(`${name}-${step}.png`, out).pathname });
};

// The provider picker, searched (offline, so each provider's initial stands in for its icon).
async function picker(browser, sandbox, name, d) {
  const w = await open(browser, sandbox, d, '');
  await w.page.getByRole('combobox', { name: 'Search providers' }).fill('sales');
  await w.page.getByRole('option', { name: 'Salesforce', exact: true }).waitFor({ state: 'attached' });
  await shooter(w.page, name)('0-picker');
  await w.context.close();
}

async function walk(browser, sandbox, name, d) {
  const w = await open(browser, sandbox, d);
  const { page } = w;
  const shot = shooter(page, name);
  await shot('1-access');
  await connectToAmpersand(page, sandbox);
  const heading = page.getByRole('heading', { name: /Register the app with Ampersand/ });
  await heading.waitFor({ state: 'attached' });
  await shot('2-register');
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await shot('3-invalid');
  await page.getByRole('textbox', { name: 'App ID' }).fill(sandbox.pinterestApp.appId);
  await page.getByRole('textbox', { name: 'App Secret', exact: true }).fill(sandbox.pinterestApp.appSecret);
  await press(page.getByRole('button', { name: 'Save to Ampersand' }));
  await waitForEvent(page, 'providerAppSaved');
  await shot('4-saved');
  const popupOpened = page.waitForEvent('popup');
  await press(page.getByRole('button', { name: 'Test connection' }));
  const popup = await popupOpened;
  await popup.getByRole('button', { name: 'Approve' }).waitFor();
  await shot('5-signing-in');
  await popup.getByRole('button', { name: 'Approve' }).click();
  await waitForEvent(page, 'connected');
  await shot('6-connected');
  await w.context.close();
}

await mkdir(out, { recursive: true });
const sandbox = await startSandbox();
const browser = await launchBrowser();
try {
  for (const [name, d] of Object.entries(devices)) {
    await sandbox.reset();
    await picker(browser, sandbox, name, d);
    await walk(browser, sandbox, name, d);
    console.log(`screens: ${name}`);
  }
  console.log(`screens: PNGs in ${out.pathname}`);
} finally {
  await browser.close();
  await sandbox.stop();
}
