// Every answer the sandbox gives on the API, for every route it serves and under every switch, checked
// against the contract copy's schema for that status (problem bodies included). The sandbox stands in
// for Ampersand in every other test, so an answer it invents would let those tests prove nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from '../browser/harness.mjs';
import { checkResponse, findOperation, spec } from './openapi.mjs';

let sandbox;
before(async () => { sandbox = await startSandbox(); });
after(() => sandbox?.stop());

const time = '2026-01-01T00:00:00Z';

// One call to the API origin. `auth`: 'key' (default), 'none', 'badKey', or a bearer token.
async function call(method, path, { auth = 'key', body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (auth === 'key') h['x-api-key'] = sandbox.apiKey;
  else if (auth === 'badKey') h['x-api-key'] = 'not-the-key';
  else if (auth !== 'none') h.authorization = 'Bearer ' + auth;
  if (body !== undefined || raw !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(sandbox.apiOrigin + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    redirect: 'manual' });
  const text = await r.text();
  return { method, path: path.split('?')[0], status: r.status, contentType: r.headers.get('content-type') ?? '', body: text,
    json: () => JSON.parse(text) };
}

const token = async (groupRef, consumerRef) =>
  (await (await fetch(sandbox.apiOrigin + '/__sandbox/token', { method: 'POST', body: JSON.stringify({ groupRef, consumerRef }) })).json()).token;

const apps = '/v1/projects/demo/provider-apps';
const connections = '/v1/projects/demo/connections';
const validApp = () => ({ provider: 'pinterest', clientId: sandbox.pinterestApp.appId, clientSecret: sandbox.pinterestApp.appSecret,
  scopes: ['pins:read'] });
const connectBody = { projectIdOrName: 'demo', provider: 'pinterest', groupRef: 'g', consumerRef: 'c' };

// A project with an app and a connection made through the sandbox's real OAuth flow, as a browser would.
async function seed() {
  await sandbox.reset();
  const app = (await call('POST', apps, { body: validApp() })).json();
  await sandbox.switches({ autoApprove: true });
  const consent = (await call('POST', '/v1/oauth-connect', { body: connectBody })).body;
  const callback = await fetch(consent); // the consent stand-in redirects to Ampersand's callback at once
  assert.equal(callback.status, 200, 'the seeded sign-in completes');
  await sandbox.switches({ autoApprove: null });
  const [connection] = (await call('GET', connections)).json();
  return { app, connection };
}

// Every route the sandbox serves on /v1, its success and its refusals, in an order that keeps each
// call meaningful (reads, then writes, then deletes). Answers are collected, not asserted, here.
async function everyRoute({ app, connection }) {
  const jwt = await token('g', 'c');
  const answers = [];
  const ask = async (...a) => { const r = await call(...a); answers.push(r); return r; };
  await ask('GET', '/v1/providers', { auth: 'none' });
  await ask('GET', '/v1/providers/pinterest', { auth: 'none' });
  await ask('GET', '/v1/providers/no-such-provider', { auth: 'none' });
  await ask('GET', '/v1/providers/salesforce', { auth: 'none' }); // a workspace, metadata inputs, PKCE
  await ask('GET', apps);
  await ask('GET', apps, { auth: jwt });
  await ask('GET', apps, { auth: 'none' });
  await ask('GET', apps, { auth: 'badKey' });
  await ask('GET', apps, { auth: 'not.a.token' });
  await ask('GET', '/v1/projects/no-such-project/provider-apps');
  const second = await ask('POST', apps, { body: { ...validApp(), externalRef: 'ext-1', metadata: { providerParams: { a: 'b' } } } });
  const byToken = await ask('POST', apps, { auth: jwt, body: validApp() });
  await ask('POST', apps, { body: { provider: 'pinterest', clientId: '', scopes: 'pins:read' } });
  await ask('POST', apps, { raw: '{"provider":' });
  await ask('PATCH', `${apps}/${app.id}`, { body: { updateMask: ['scopes', 'clientId'], providerApp: { scopes: ['boards:read'], clientId: app.clientId } } });
  await ask('PATCH', `${apps}/${app.id}`, { body: { updateMask: ['name'], providerApp: {} } });
  await ask('PATCH', `${apps}/${app.id}`, { body: { updateMask: ['scopes'], providerApp: { scopes: [1] } } });
  await ask('PATCH', `${apps}/no-such-app`, { body: { updateMask: ['scopes'], providerApp: { scopes: [] } } });
  await ask('GET', `${connections}?provider=pinterest&groupRef=g&consumerRef=c`);
  await ask('GET', `${connections}?groupRef=nobody`, { auth: jwt });
  await ask('GET', '/v1/projects/no-such-project/connections');
  await ask('GET', `${connections}/${connection.id}`);
  await ask('GET', `${connections}/${connection.id}?includeCreds=true`);
  await ask('GET', `${connections}/no-such-connection`);
  await ask('POST', '/v1/oauth-connect', { body: connectBody });
  await ask('POST', '/v1/oauth-connect', { auth: jwt, body: { ...connectBody, providerAppId: app.id } });
  await ask('POST', '/v1/oauth-connect', { auth: await token('other', 'c'), body: connectBody });
  await ask('POST', '/v1/oauth-connect', { body: { projectIdOrName: 'demo', provider: 'nope' } });
  await ask('POST', '/v1/oauth-connect', { body: { ...connectBody, providerAppId: 'no-such-app' } });
  const salesforce = await ask('POST', apps, { body: { ...validApp(), provider: 'salesforce', scopes: ['api'] } });
  const toSalesforce = { ...connectBody, provider: 'salesforce' };
  await ask('POST', '/v1/oauth-connect', { body: toSalesforce }); // 422: providerWorkspaceRef missing
  await ask('POST', '/v1/oauth-connect', { body: { ...toSalesforce, providerWorkspaceRef: 'acme',
    providerMetadata: { businessUnitId: { value: '0Uv000000000001', source: 'input' } } } });
  await ask('POST', '/v1/oauth-connect', { body: { ...connectBody, providerMetadata: { adAccountId: { value: 1 } } } });
  await ask('POST', '/v1/oauth-connect', { body: { ...connectBody, provider: 'activeCampaign' } }); // no browser OAuth
  await ask('POST', '/v1/oauth-connect', { body: { ...connectBody, projectIdOrName: 'no-such-project' } });
  await ask('POST', '/v1/oauth-connect', { body: { projectId: 'demo', provider: 'pinterest', groupRef: 'g', consumerRef: 'c' } });
  await ask('PATCH', `${connections}/${connection.id}:oauth-update`);
  await ask('PATCH', `${connections}/no-such-connection:oauth-update`);
  await ask('DELETE', `${connections}/${connection.id}`);
  await ask('DELETE', `${connections}/${connection.id}`);
  await ask('DELETE', `${apps}/${app.id}`, { auth: jwt });
  const readable = (r) => { try { return [r.json().id]; } catch { return []; } }; // answerUnreadableNext spoils them
  const made = [second, byToken, salesforce].filter((r) => r.status === 200).flatMap(readable);
  for (const id of [app.id, ...made, app.id]) await ask('DELETE', `${apps}/${id}`);
  await ask('POST', '/v1/oauth-connect', { body: connectBody }); // no app left for the provider
  return answers;
}

const violations = (answers) => answers.flatMap((a) => checkResponse(a));

// Switches that change /v1 answers in kind, each with the values that do; the others change only what
// happens off /v1 (consent and callback pages) or headers, and run with a non-default value all the
// same, so a new switch must be listed here before this test passes.
const failures = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504];
const scenarios = {
  failNext: [...failures.map((status) => ({ status, count: 99 })), { status: 422, count: 99, fields: ['clientId', 'scopes[1]'] },
    { status: 400, count: 99, fields: ['providerApp.clientId'], retryable: false }, { status: 503, count: 99, retryable: false }],
  malformedNext: [99],
  emptyNext: [99],
  answerLostNext: [99],       // only the CORS headers go: the body still follows the contract
  answerUnreadableNext: [99],
  answerNeverNext: [],        // a held answer would stall every route: tested on its own below
  delayMs: [1],
  rejectDuplicates: [true],
  consentSeversOpener: [true],
  callbackPostsTwice: [true],
  callbackDelayMs: [1],
  callbackCloseDelayMs: [0],
  autoApprove: [true],
  autoDeny: [true],
  pinterestSecret: ['another-secret'],
  scopeSeparator: [' '],
  acceptLegacyProjectId: [false],
  authFailureStatus: [403],
  tokensManageProviderApps: [true],
  corsOrigins: [['http://127.0.0.1:1']],
};
// These stand for a gateway between the widget and Ampersand failing (or an answer cut short), not for
// Ampersand: their answers are outside the contract on purpose, and the test proves the check sees that.
const offContract = { malformedNext: /content type text\/html is not one the spec lists/, emptyNext: /content type \(none\) is not one the spec lists/,
  answerUnreadableNext: /body is not JSON|content type application\/json is not one the spec lists/ };

test('every answer on every route, with the switches at their defaults, follows the contract', async () => {
  const answers = await everyRoute(await seed());
  assert.deepEqual(violations(answers), []);
  const statuses = new Set(answers.map((a) => a.status));
  for (const s of [200, 204, 400, 401, 403, 404, 422]) assert.ok(statuses.has(s), `the routes exercise status ${s}`);
});

test('every switch is covered, and every answer under it follows the contract', async () => {
  const defaults = await sandbox.switches({});
  assert.deepEqual(Object.keys(defaults).sort(), Object.keys(scenarios).sort(),
    'each switch of src/sandbox/switches.h needs its values in this test');
  for (const [name, values] of Object.entries(scenarios))
    for (const value of values) {
      const seeded = await seed();
      await sandbox.switches({ [name]: value });
      const answers = await everyRoute(seeded);
      const found = violations(answers);
      const label = `${name}: ${JSON.stringify(value)}`;
      if (offContract[name]) {
        assert.ok(found.length > 0 && found.every((v) => offContract[name].test(v)), `${label}: ${found.join('\n')}`);
      } else {
        assert.deepEqual(found, [], label);
      }
    }
});

test('a held answer (answerNeverNext) comes only once released, and then follows the contract', async () => {
  const seeded = await seed();
  await sandbox.switches({ answerNeverNext: 1 });
  const answer = call('GET', `/v1/projects/${sandbox.project}/provider-apps`);
  const early = await Promise.race([answer.then(() => 'answered'), new Promise((r) => setTimeout(() => r('held'), 500))]);
  assert.equal(early, 'held');
  await sandbox.reset();
  const a = await answer;
  assert.equal(a.status, 200);
  assert.deepEqual(checkResponse(a), []);
  assert.ok(seeded.app, 'the held call was made with data in place');
});

test('every operation of the contract copy the sandbox serves is among the routes above', async () => {
  // The sandbox answers a path it has no route for with "No such endpoint"; anything else is a route.
  await sandbox.reset();
  const served = [];
  for (const [template, item] of Object.entries(spec.paths))
    for (const method of Object.keys(item)) {
      const path = '/v1' + template.replace(/\{[^}]+\}/g, 'x');
      const r = await call(method.toUpperCase(), path, ['post', 'patch', 'put'].includes(method) ? { body: {} } : {});
      if (!(r.status === 404 && r.json().detail?.startsWith('No such endpoint'))) served.push(findOperation(method, path).op.operationId);
    }
  await seed().then(everyRoute).then((answers) => {
    const covered = new Set(answers.map((a) => findOperation(a.method, a.path).op.operationId));
    assert.deepEqual(served.filter((id) => !covered.has(id)), []);
    assert.ok(served.length >= 10, `the sandbox serves ${served.join(', ')}`);
  });
});
