// Checks HTTP traffic against the contract copy beside this file (Ampersand's published OpenAPI,
// pruned by prune.mjs), with ajv and ajv-formats. Both checks answer a list of messages, empty when the
// traffic follows the contract; a message names the operation and the offending field, never a value
// (request bodies hold App Secrets, headers hold keys).
//
// Closed world: a request body, and a JSON response body, may carry only the fields the spec defines
// (the spec leaves additionalProperties unset almost everywhere, which JSON Schema reads as "anything
// goes"; here it reads as "nothing else"). Problem bodies stay open, since RFC 9457 lets a problem type
// add members.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const modules = process.env.AMP_NODE_MODULES ?? new URL('../../web/node_modules', import.meta.url).pathname;
const require = createRequire(modules + '/');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

const load = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
export const spec = load('./openapi-api.json');
// The problem types' own file, which the API file bundles a copy of: problem bodies must satisfy both.
const problemSchemas = load('./openapi-problem.json').components.schemas;
const basePath = new URL(spec.servers[0].url).pathname; // "/v1"
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Every $ref into components, rewritten to point into one of the two schema sets registered below.
function rewriteRefs(node, set) {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, set));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === '$ref' ? v.replace('#/components/schemas/', set + '#/definitions/') : rewriteRefs(v, set);
  return out;
}

// OpenAPI 3.0 writes exclusiveMaximum as a flag beside maximum (JSON Schema draft 4); ajv wants the number.
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, toJsonSchema(v)]));
  for (const [flag, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']])
    if (typeof out[flag] === 'boolean') {
      if (out[flag]) out[flag] = out[bound];
      else delete out[flag];
      if (out[flag] !== undefined) delete out[bound];
    }
  return out;
}

// Objects with properties and no word on others accept no others.
function close(node) {
  if (Array.isArray(node)) return node.map(close);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ?
    Object.fromEntries(Object.entries(v).map(([p, s]) => [p, close(s)])) : close(v)]));
  if (out.properties && out.additionalProperties === undefined && !out.allOf) out.additionalProperties = false;
  return out;
}

// Schemas that are parts of an allOf stay open, since closing a part would refuse the fields its whole adds.
const allOfParts = new Set(Object.values(spec.components.schemas)
  .flatMap((s) => (s.allOf ?? []).map((part) => part.$ref?.split('/').pop())));
const closeDefinitions = (defs) =>
  Object.fromEntries(Object.entries(defs).map(([name, s]) => [name, allOfParts.has(name) ? s : close(s)]));

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
// Documentation keywords of OpenAPI and of Ampersand's code generators: not validation.
ajv.addVocabulary(['example', 'x-go-type-skip-optional-pointer', 'x-oapi-codegen-extra-tags', 'x-enum-varnames']);
const definitions = toJsonSchema(spec.components.schemas);
ajv.addSchema({ $id: 'open', definitions: rewriteRefs(definitions, 'open') });
ajv.addSchema({ $id: 'closed', definitions: closeDefinitions(rewriteRefs(definitions, 'closed')) });
ajv.addSchema({ $id: 'problem', definitions: rewriteRefs(toJsonSchema(problemSchemas), 'problem') });
// Query parameters arrive as text: a second ajv turns "true" into true before checking the type.
const queryAjv = new Ajv({ strict: false, coerceTypes: true });
addFormats(queryAjv);

const compiled = new Map();
function validator(schema, set, key) {
  if (!compiled.has(key)) {
    const body = toJsonSchema(rewriteRefs(schema, set));
    compiled.set(key, ajv.compile(set === 'closed' ? close(body) : body));
  }
  return compiled.get(key);
}

// Ajv's errors as sentences about fields, without the data.
function describe(errors, where) {
  return errors.map((e) => {
    const field = where + e.instancePath.replaceAll('/', '.');
    if (e.keyword === 'additionalProperties')
      return `${field}.${e.params.additionalProperty}: a field the spec does not define`;
    if (e.keyword === 'required') return `${field}.${e.params.missingProperty}: required by the spec, missing`;
    if (e.keyword === 'enum') return `${field}: ${e.message} (${e.params.allowedValues.join(', ')})`;
    return `${field}: ${e.message}`;
  });
}

const templates = Object.keys(spec.paths).map((template) => {
  const names = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { template, names, re: new RegExp('^' + source + '$'), literal: template.replace(/\{[^}]+\}/g, '').length };
});

// The operation for a method and a path as the server received it ("/v1/projects/demo/provider-apps"),
// with its path parameters. The most literal template wins, so ".../{id}:oauth-update" beats ".../{id}".
export function findOperation(method, path) {
  if (!path.startsWith(basePath + '/')) return null;
  const rest = path.slice(basePath.length);
  const m = method.toLowerCase();
  let best = null;
  for (const t of templates) {
    const match = t.re.exec(rest);
    if (!match || !spec.paths[t.template][m] || (best && best.literal >= t.literal)) continue;
    const params = Object.fromEntries(t.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    best = { ...t, params };
  }
  if (!best) return null;
  const item = spec.paths[best.template];
  const op = item[m];
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
  return { template: best.template, method: m, op, params: best.params, parameters,
    name: `${method.toUpperCase()} ${best.template} (${op.operationId})` };
}

const mediaType = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

function checkParameters(found, query) {
  const issues = [];
  const given = new URLSearchParams(query ?? '');
  for (const p of found.parameters) {
    const value = p.in === 'path' ? found.params[p.name] : p.in === 'query' ? given.get(p.name) : undefined;
    if (p.in !== 'path' && p.in !== 'query') continue;
    if (value === null || value === undefined) {
      if (p.required) issues.push(`${p.in} parameter ${p.name}: required by the spec, missing`);
      continue;
    }
    const check = queryAjv.compile({ type: 'object', properties: { v: toJsonSchema(p.schema ?? {}) } });
    if (!check({ v: value }))
      issues.push(...describe(check.errors.map((e) => ({ ...e, instancePath: e.instancePath.slice('/v'.length) })),
        `${p.in} parameter ${p.name}`));
  }
  const known = new Set(found.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of new Set(given.keys()))
    if (!known.has(name)) issues.push(`query parameter ${name}: a parameter the spec does not define`);
  return issues;
}

// An operation that needs credentials must get one of the schemes the spec lists.
function checkCredentials(found, headers) {
  const requirements = found.op.security ?? spec.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return [];
  const schemes = spec.components.securitySchemes;
  const met = requirements.some((r) => Object.keys(r).every((name) => {
    const s = schemes[name];
    if (s.type === 'apiKey' && s.in === 'header') return Boolean(headers[s.name.toLowerCase()]);
    if (s.type === 'http' && s.scheme === 'bearer') return /^Bearer \S/.test(headers.authorization ?? '');
    return false;
  }));
  return met ? [] : ['credentials: none of the security schemes the spec lists (X-Api-Key, Authorization: Bearer)'];
}

function checkBody(found, contentType, text) {
  const rb = found.op.requestBody;
  if (!rb) return text ? ['body: the operation takes no request body'] : [];
  if (!text) return rb.required ? ['body: required by the spec, missing'] : [];
  const media = mediaType(contentType);
  const content = rb.content[media];
  if (!content) return [`body: content type ${media || '(none)'} is not one the spec lists (${Object.keys(rb.content).join(', ')})`];
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return ['body: not JSON'];
  }
  const validate = validator(content.schema, 'closed', `request ${found.name} ${media}`);
  return validate(data) ? [] : describe(validate.errors, 'body');
}

// The copy keeps only the paths prune.mjs lists, so an operation may be missing from it but not from Ampersand's.
const unknown = (method, path) => `${method} ${path}: no such operation in the spec (or not among the paths tests/contract/prune.mjs keeps)`;

// One entry of the sandbox's request log: {method, path, query, headers (lower-case names), body}.
export function checkRequest({ method, path, query = '', headers = {}, body = '' }) {
  const found = findOperation(method, path);
  if (!found) return [unknown(method, path)];
  return [...checkParameters(found, query), ...checkCredentials(found, headers),
    ...checkBody(found, headers['content-type'], body)].map((issue) => `${found.name}: ${issue}`);
}

// A response to `method path`: its status, Content-Type and body text.
export function checkResponse({ method, path, status, contentType, body = '' }) {
  const found = findOperation(method, path);
  if (!found) return [unknown(method, path)];
  const name = `${found.name} answering ${status}`;
  const response = found.op.responses[String(status)] ?? found.op.responses.default;
  if (!response) return [`${name}: a status the spec does not list, and no default`];
  if (!response.content) return body ? [`${name}: the spec defines no body, got one`] : [];
  const media = mediaType(contentType);
  const content = response.content[media];
  if (!content) return [`${name}: content type ${media || '(none)'} is not one the spec lists (${Object.keys(response.content).join(', ')})`];
  let data = body;
  if (media.endsWith('json')) {
    try {
      data = JSON.parse(body);
    } catch {
      return [`${name}: body is not JSON`];
    }
  }
  const problem = media === 'application/problem+json';
  const checks = [validator(content.schema, problem ? 'open' : 'closed', `response ${found.name} ${status} ${media}`)];
  const problemType = content.schema.$ref?.split('/').pop();
  if (problem && problemSchemas[problemType]) checks.push(ajv.getSchema(`problem#/definitions/${problemType}`));
  const issues = checks.flatMap((validate) => (validate(data) ? [] : describe(validate.errors, 'body')));
  return [...new Set(issues)].map((issue) => `${name}: ${issue}`);
}
