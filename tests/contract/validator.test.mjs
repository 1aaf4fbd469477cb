// The contract checks themselves: each passes what the spec allows and fails, with a message naming the
// operation and the field, on a deliberately wrong request or response. Without these, a check that
// could never fail would let the browser and sandbox contract tests pass on anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRequest, checkResponse } from './openapi.mjs';

const apps = '/v1/projects/demo/provider-apps';
const json = { 'x-api-key': 'k', 'content-type': 'application/json' };
const post = (path, body, headers = json) => ({ method: 'POST', path, headers, body: JSON.stringify(body) });
const app = { provider: 'pinterest', clientId: '1508242', clientSecret: 's3cret-value', scopes: ['pins:read'] };
const time = '2026-01-01T00:00:05Z';
const savedApp = { id: 'a1', projectId: 'p1', provider: 'pinterest', clientId: '1508242', scopes: ['pins:read'],
  createTime: time, updateTime: time };
const problem = (status, extra = {}) => ({ contentType: 'application/problem+json', body: JSON.stringify({
  type: 'about:blank', title: 'Forbidden', status, detail: 'x', subsystem: 'api', time, requestId: 'r1', retryable: false, ...extra }) });

test('requests the widget sends pass', () => {
  assert.deepEqual(checkRequest(post(apps, app)), []);
  assert.deepEqual(checkRequest({ method: 'PATCH', path: apps + '/a1', headers: json,
    body: JSON.stringify({ updateMask: ['scopes'], providerApp: { scopes: ['pins:read'] } }) }), []);
  assert.deepEqual(checkRequest(post('/v1/oauth-connect', { projectIdOrName: 'demo', provider: 'pinterest',
    groupRef: 'g', consumerRef: 'c', providerAppId: 'a1' }, { authorization: 'Bearer e.y.J', 'content-type': 'application/json' })), []);
  assert.deepEqual(checkRequest({ method: 'GET', path: '/v1/projects/demo/connections',
    query: 'provider=pinterest&groupRef=g&consumerRef=c', headers: json }), []);
  assert.deepEqual(checkRequest({ method: 'GET', path: '/v1/providers/pinterest' }), [], 'the catalog needs no credential');
  assert.deepEqual(checkRequest({ method: 'DELETE', path: apps + '/a1', headers: { 'x-api-key': 'k' } }), []);
});

test('a request to an operation the spec does not have fails', () => {
  assert.deepEqual(checkRequest({ method: 'PUT', path: apps, headers: json }),
    ['PUT /v1/projects/demo/provider-apps: no such operation in the spec (or not among the paths tests/contract/prune.mjs keeps)']);
  assert.equal(checkRequest({ method: 'GET', path: '/projects/demo/provider-apps', headers: json }).length, 1, 'outside the base path');
});

test('a body field the spec does not define fails, naming the operation and the field', () => {
  assert.deepEqual(checkRequest(post(apps, { ...app, clientName: 'x' })),
    ['POST /projects/{projectIdOrName}/provider-apps (createProviderApp): body.clientName: a field the spec does not define']);
  assert.deepEqual(checkRequest(post('/v1/oauth-connect', { projectId: 'demo', provider: 'pinterest', groupRef: 'g', consumerRef: 'c' })), [
    'POST /oauth-connect (oauthConnect): body.projectIdOrName: required by the spec, missing',
    'POST /oauth-connect (oauthConnect): body.projectId: a field the spec does not define']);
  const nested = checkRequest({ method: 'PATCH', path: apps + '/a1', headers: json,
    body: JSON.stringify({ updateMask: ['scopes'], providerApp: { scopes: [], secret: 'x' } }) });
  assert.deepEqual(nested, ['PATCH /projects/{projectIdOrName}/provider-apps/{providerAppId} (updateProviderApp): body.providerApp.secret: a field the spec does not define']);
});

test('a mistyped or missing body field fails without echoing the value', () => {
  const issues = checkRequest(post(apps, { ...app, clientSecret: ['s3cret-value'], scopes: 'pins:read' }));
  assert.deepEqual(issues, [
    'POST /projects/{projectIdOrName}/provider-apps (createProviderApp): body.clientSecret: must be string',
    'POST /projects/{projectIdOrName}/provider-apps (createProviderApp): body.scopes: must be array']);
  assert.ok(!issues.join().includes('s3cret-value'));
  assert.match(checkRequest(post(apps, { provider: 'pinterest', clientId: 'x' }))[0], /body\.clientSecret: required by the spec, missing/);
  assert.match(checkRequest({ method: 'POST', path: apps, headers: json, body: '' })[0], /body: required by the spec, missing/);
  assert.match(checkRequest({ ...post(apps, app), headers: { 'x-api-key': 'k', 'content-type': 'text/plain' } })[0],
    /content type text\/plain is not one the spec lists/);
  assert.match(checkRequest({ method: 'DELETE', path: apps + '/a1', headers: json, body: '{}' })[0], /takes no request body/);
});

test('query parameters must be known and well typed', () => {
  const get = (query) => checkRequest({ method: 'GET', path: '/v1/projects/demo/connections/c1', query, headers: json });
  assert.deepEqual(get('includeCreds=false&refresh=ifExpired'), []);
  assert.deepEqual(get('expand=tokens'), ['GET /projects/{projectIdOrName}/connections/{connectionId} (getConnection): query parameter expand: a parameter the spec does not define']);
  assert.match(get('includeCreds=yes')[0], /query parameter includeCreds: must be boolean/);
  assert.match(get('refresh=always')[0], /query parameter refresh: must be equal to one of the allowed values \(force, ifExpired\)/);
});

test('an operation that needs a credential fails without one', () => {
  assert.deepEqual(checkRequest(post(apps, app, { 'content-type': 'application/json' })),
    ['POST /projects/{projectIdOrName}/provider-apps (createProviderApp): credentials: none of the security schemes the spec lists (X-Api-Key, Authorization: Bearer)']);
  assert.equal(checkRequest(post(apps, app, { authorization: 'Basic eA==', 'content-type': 'application/json' })).length, 1);
});

test('responses as the spec defines them pass, including what the spec allows and the sandbox may not do yet', () => {
  const ok = (method, path, status, body, contentType = 'application/json') =>
    assert.deepEqual(checkResponse({ method, path, status, contentType, body: JSON.stringify(body) }), [], `${method} ${path} ${status}`);
  ok('POST', apps, 200, savedApp);
  ok('GET', apps, 200, [savedApp]);
  const connection = { id: 'c1', projectId: 'p1', provider: 'pinterest', authScheme: 'oauth2/authorizationCode',
    status: 'created', createTime: time, providerApp: savedApp,
    group: { groupRef: 'g', groupName: 'g', projectId: 'p1', createTime: time },
    consumer: { consumerRef: 'c', consumerName: 'c', projectId: 'p1', createTime: time } };
  ok('GET', '/v1/projects/demo/connections/c1', 200, connection); // no oauth2AuthorizationCode without includeCreds
  ok('GET', '/v1/projects/demo/connections', 200, [{ ...connection, status: 'working', oauth2AuthorizationCode: { scopes: ['pins:read'] } }]);
  assert.deepEqual(checkResponse({ method: 'POST', path: apps, status: 403, ...problem(403) }), [], 'a JWT refused for provider-app writes');
  assert.deepEqual(checkResponse({ method: 'GET', path: apps, status: 429, ...problem(429, { retryable: true, retryAfter: time }) }), []);
  assert.deepEqual(checkResponse({ method: 'POST', path: '/v1/oauth-connect', status: 200, contentType: 'text/plain', body: 'https://x.test/oauth?state=s' }), []);
  assert.deepEqual(checkResponse({ method: 'DELETE', path: apps + '/a1', status: 204, contentType: '', body: '' }), []);
  assert.deepEqual(checkResponse({ method: 'GET', path: apps, status: 500, ...problem(500, { extension: 1 }) }), [],
    'problem types may add members (RFC 9457)');
});

test('a response outside the spec fails, naming the operation, the status and the field', () => {
  assert.deepEqual(checkResponse({ method: 'POST', path: apps, status: 200, contentType: 'application/json',
    body: JSON.stringify({ ...savedApp, clientSecret: 's3cret-value' }) }),
  ['POST /projects/{projectIdOrName}/provider-apps (createProviderApp) answering 200: body.clientSecret: a field the spec does not define']);
  assert.match(checkResponse({ method: 'GET', path: '/v1/projects/demo/connections/c1', status: 200, contentType: 'application/json',
    body: JSON.stringify({ id: 'c1', status: 'connected' }) }).join('\n'), /body\.status: must be equal to one of the allowed values \(created, working, bad_credentials\)/);
  assert.match(checkResponse({ method: 'POST', path: apps, status: 422, ...problem(422, { issues: [{ in: 'cookie', name: 'x' }] }) })[0],
    /answering 422: body\.issues\.0\.in: must be equal to one of the allowed values/);
  assert.match(checkResponse({ method: 'GET', path: apps, status: 500, contentType: 'text/html', body: '<html>' })[0],
    /answering 500: content type text\/html is not one the spec lists \(application\/problem\+json\)/);
  assert.match(checkResponse({ method: 'GET', path: apps, status: 503, ...problem(503, { retryAfter: 'in a minute' }) })[0],
    /body\.retryAfter: must match format "date-time"/);
  assert.match(checkResponse({ method: 'GET', path: apps, status: 502, contentType: 'application/problem+json', body: '' })[0], /body is not JSON/);
  assert.match(checkResponse({ method: 'DELETE', path: apps + '/a1', status: 204, contentType: 'application/json', body: '{}' })[0],
    /the spec defines no body, got one/);
  assert.match(checkResponse({ method: 'GET', path: '/v1/providers', status: 200, contentType: 'application/json',
    body: JSON.stringify({ pinterest: { name: 'pinterest' } }) }).join('\n'), /body\.pinterest\.baseURL: required by the spec, missing/);
});
