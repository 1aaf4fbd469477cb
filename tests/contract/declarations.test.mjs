// The TypeScript declarations (web/ampersand-setup.d.ts) against the loader: every option, handle method,
// static member and event type the d.ts declares is one the code reads, returns or emits, and vice versa.
// The static members and the version are read from the shipped bundle (dist/ampersand-setup.js, run in a
// bare VM); options, methods and events from the sources it is built from (web/src), whose names the
// minifier keeps. The last tests feed the same checks a d.ts with a deliberate mismatch: they must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import vm from 'node:vm';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const dts = read('web/ampersand-setup.d.ts');
const sources = readdirSync(new URL('web/src/', root)).filter((f) => f.endsWith('.js'))
  .map((f) => read('web/src/' + f)).join('\n');
const sorted = (names) => [...new Set(names)].sort();
const all = (re, text) => [...text.matchAll(re)].map((m) => m[1]);

// ---- the declarations ---------------------------------------------------------------------------------

const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

// The member names of `interface name { ... }`, nested object types and parameter lists left out.
function members(text, name) {
  const at = withoutComments(text).match(new RegExp(`interface ${name}\\s*\\{([\\s\\S]*?)\\n\\}`));
  assert.ok(at, `the d.ts declares interface ${name}`);
  let body = at[1], before;
  do { before = body; body = body.replace(/\{[^{}]*\}/g, '{}').replace(/\([^()]*\)/g, '()').replace(/<[^<>]*>/g, '<>'); }
  while (body !== before);
  return sorted(all(/(?:^|[;\n])\s*(\w+)\??\s*[:(]/g, body));
}

// The names handle.update() takes: its Pick<AmpersandSetupOptions, '...' | ...>.
const liveOptions = (text) => sorted(all(/'(\w+)'/g, /update\(partial: Pick<AmpersandSetupOptions,([^>]*)>/.exec(text)[1]));

// The `type` of every member of the AmpersandSetupEvent union, the error event's included.
function eventTypes(text) {
  const union = /export type AmpersandSetupEvent =([\s\S]*?);\n\n/.exec(text)[1];
  const types = all(/type: '(\w+)'/g, union);
  if (union.includes('AmpersandSetupErrorEvent')) types.push(...all(/type: '(\w+)'/g, /interface AmpersandSetupErrorEvent \{[^}]*\}/.exec(text)[0]));
  return sorted(types);
}

// ---- the code ----------------------------------------------------------------------------------------

// Options: read as options.<name>, or through a list named *_OPTIONS that the code indexes options with.
const lists = Object.fromEntries([...sources.matchAll(/const (\w+_OPTIONS) = \[([^\]]*)\]/g)]
  .map((m) => [m[1], all(/'(\w+)'/g, m[2])]));
const optionsRead = sorted([...all(/(?<![\w/.'])options\.(\w+)/g, sources), ...Object.values(lists).flat()]);

// Handle methods: the members of every `const handle = { ... };` (one per mode).
const handleMethods = (text) => sorted([...text.matchAll(/const handle = \{\n([\s\S]*?)\n {2}\};/g)]
  .flatMap((m) => all(/^ {4}(\w+)\(/gm, m[1])));

// Events: what the loader emits itself, and what the module builds in src/core/events.cpp.
const eventsEmitted = sorted([
  ...all(/(?:emit|send)\(\{\s*type:\s*'(\w+)'/g, sources),
  ...all(/"type",\s*"(\w+)"/g, read('src/core/events.cpp')),
  ...all(/\["type"\]\s*=\s*"(\w+)"/g, read('src/core/events.cpp')),
]);

// The shipped bundle, run where a page would define window.AmpersandSetup.
function bundleGlobal() {
  const page = { document: { currentScript: null } };
  page.window = page;
  vm.runInNewContext(readFileSync(`${process.env.AMP_DIST}/ampersand-setup.js`, 'utf8'), page);
  return page.AmpersandSetup;
}

// ---- the checks (each returns the mismatches it found) -------------------------------------------------

const differ = (what, declared, code) => {
  const a = declared.filter((n) => !code.includes(n)), b = code.filter((n) => !declared.includes(n));
  return [...a.map((n) => `${what} ${n}: declared, but not in the code`), ...b.map((n) => `${what} ${n}: in the code, not declared`)];
};

const checks = (d) => [
  ...differ('option', members(d, 'AmpersandSetupOptions'), optionsRead),
  ...differ('live option', liveOptions(d), sorted(lists.LIVE_OPTIONS)),
  ...differ('handle method', members(d, 'AmpersandSetupHandle'), handleMethods(sources)),
  ...differ('event', eventTypes(d), eventsEmitted),
];

test('the options, live options, handle methods and events declared are those of the code', () => {
  assert.deepEqual(checks(dts), []);
  assert.ok(optionsRead.length > 15 && handleMethods(sources).length === 2 && eventsEmitted.length > 8, 'the code was found');
});

test('the static members declared are those of the shipped bundle, and its version is the project\'s', () => {
  const global = bundleGlobal();
  assert.deepEqual(differ('static member', members(dts, 'AmpersandSetupStatic'), sorted(Object.keys(global))), []);
  assert.equal(global.version, /project\(\w+ VERSION ([\d.]+)/.exec(read('CMakeLists.txt'))[1]);
  assert.equal(typeof global.mount, 'function');
});

test('a d.ts that drifted from the code fails each check', () => {
  const drift = (from, to) => { assert.ok(dts.includes(from)); return checks(dts.replace(from, to)); };
  assert.deepEqual(drift('  nonce?: string;', '  nonce?: string;\n  colour?: string;'), ['option colour: declared, but not in the code']);
  assert.deepEqual(drift('  requestTimeoutMs?: number;\n  onEvent', '  onEvent'), ['option requestTimeoutMs: in the code, not declared']);
  assert.deepEqual(drift("'theme' | 'accent'", "'theme'"), ['live option accent: in the code, not declared']);
  assert.deepEqual(drift('  destroy(): void;', '  destroy(): void;\n  reload(): void;'), ['handle method reload: declared, but not in the code']);
  assert.deepEqual(drift("| { type: 'connectionRemoved'; id: string }\n", ''), ['event connectionRemoved: in the code, not declared']);
});
