// Times the hosted page from navigation to the widget's `ready` event and to the provider being
// shown, over several fresh page loads, and counts frames drawn while idle.
import { startSandbox, launchBrowser, instrument } from '../browser/harness.mjs';

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sandbox = await startSandbox();
const browser = await launchBrowser();
const ready = [], loaded = [];
let idleFrames = 0;
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  await instrument(page); // counts draw calls in window.__draws
  await page.addInitScript(() => {
    window.__t = {};
    for (const t of ['ready', 'providerLoaded'])
      document.addEventListener('ampersand-setup:' + t, () => { window.__t[t] = performance.now(); });
  });
  await page.goto(sandbox.web + '/');
  await page.waitForFunction(() => window.__t.providerLoaded);
  const t = await page.evaluate(() => window.__t);
  ready.push(t.ready);
  loaded.push(t.providerLoaded);
  if (i === 0) {
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => window.__draws);
    await page.waitForTimeout(5000);
    idleFrames = (await page.evaluate(() => window.__draws)) - before;
  }
  await context.close();
}
console.log(`  navigation -> ready (first frame):   median ${median(ready).toFixed(0)} ms  (min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)}, ${RUNS} loads)`);
console.log(`  navigation -> provider on screen:    median ${median(loaded).toFixed(0)} ms`);
console.log(`  draw calls in 5 s of idleness:       ${idleFrames}`);
await browser.close();
await sandbox.stop();
