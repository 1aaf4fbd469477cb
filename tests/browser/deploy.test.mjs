// Deployment defaults of the hosted page (dist/index.html): a Content-Security-Policy that names the API
// origin and needs no 'unsafe-inline', and frame-ancestors matching allowedHostOrigins, so that a site
// not in the list cannot frame it at all, while a listed one can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSandbox, startSandbox, instrument, waitForEvent, withoutPolicyHeader } from './harness.mjs';

let sandbox, browser;
withSandbox((s, b) => { sandbox = s; browser = b; });

// Records every CSP violation in window.__violations, from the first script on.
const recordViolations = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));
});

async function hostedPage({ withoutHeader = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await instrument(page);
  await recordViolations(page);
  if (withoutHeader) await withoutPolicyHeader(page, sandbox.web + '/');
  const response = await page.goto(sandbox.web + '/');
  await page.waitForFunction(() => document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length === 2);
  return { context, page, header: response.headers()['content-security-policy'] };
}

// Fetches the API, then another origin, from inside the page, and resolves with the policy violations
// that caused once `refusals` have arrived (they come as events after the fetch fails, in order, so a
// refusal of the API would be among them).
async function violationsOfFetches(page, refusals) {
  for (const url of [sandbox.api + '/providers', sandbox.consent + '/'])
    await page.evaluate((u) => fetch(u).catch(() => {}), url);
  await page.waitForFunction((n) => window.__violations.length >= n, refusals);
  return page.evaluate(() => window.__violations);
}

test('the hosted page runs under a policy without unsafe-inline, connecting only to itself and the API', async () => {
  const { context, page, header } = await hostedPage();
  await waitForEvent(page, 'ready', 30000);
  assert.equal(header, `frame-ancestors ${sandbox.web} ${sandbox.host}; connect-src 'self' ${sandbox.apiOrigin}`);
  const policies = await page.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content));
  for (const p of [...policies, header]) {
    assert.ok(!p.includes('unsafe-inline'), p);
    assert.ok(!/(^|\s)\*(\s|;|$)/.test(p), `no wildcard source in ${p}`);
  }
  assert.equal(policies[1], `connect-src 'self' ${sandbox.apiOrigin}`, 'hosted.js names the API origin from config.json');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the page itself needs nothing refused');
  // The API is allowed; another origin is refused by both policies, the header's and the page's.
  assert.deepEqual(await violationsOfFetches(page, 2), Array(2).fill('connect-src ' + sandbox.consent + '/'));
  await context.close();
});

test('without the header, the page\'s own policy still allows only itself and the API', async () => {
  // Served through the test (as a deployment without headers would), the page counts as public to the
  // browser, which then keeps it from loopback altogether; only the policy's own verdicts are compared.
  const { context, page } = await hostedPage({ withoutHeader: true });
  assert.deepEqual(await violationsOfFetches(page, 1), ['connect-src ' + sandbox.consent + '/']);
  await context.close();
});

// Mounts the widget in iframe mode from the sandbox's host origin; resolves with how the mount ended.
async function frameFromHost(target) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(target.host + '/index.html');
  await page.addScriptTag({ url: target.web + '/ampersand-setup.js' });
  const outcome = await page.evaluate((url) => new Promise((resolve) => {
    const events = [];
    AmpersandSetup.mount('#widget', { mode: 'iframe', frameUrl: url, project: 'demo', frameTimeoutMs: 3000,
      onEvent: (e) => events.push(e) })
      .then(() => resolve({ mounted: true, events }), () => resolve({ mounted: false, events }));
  }), target.web + '/index.html');
  return { context, page, consoleLines, outcome };
}

test('an allowed host can frame the hosted page', async () => {
  const { context, outcome } = await frameFromHost(sandbox);
  assert.equal(outcome.mounted, true);
  assert.ok(outcome.events.some((e) => e.type === 'ready'));
  await context.close();
});

test('a host not in allowedHostOrigins cannot frame the hosted page: the browser refuses it', async () => {
  const refusing = await startSandbox(['--host-not-allowed']);
  try {
    const { context, page, consoleLines, outcome } = await frameFromHost(refusing);
    assert.equal(outcome.mounted, false);
    assert.equal(outcome.events.find((e) => e.type === 'error')?.code, 'frame_unavailable');
    assert.ok(consoleLines.some((l) => l.includes('frame-ancestors') && l.includes(refusing.web)), consoleLines.join('\n'));
    // The frame never ran the page: nothing of the widget is in it, and nothing reached the API.
    assert.equal(await page.frameLocator('iframe').locator('#widget').count(), 0);
    assert.deepEqual((await refusing.requests()).filter((r) => r.path.startsWith('/v1')), []);
    await context.close();
  } finally {
    await refusing.stop();
  }
});
