// Refreshes the contract copy in this folder from Ampersand's published OpenAPI files:
//   node tests/contract/prune.mjs <folder holding openapi-api.json, openapi-problem.json, LICENSE-openapi>
// openapi-api.json keeps only the paths below (every method on them) and the schemas they reach, so
// the copy is small but every kept operation is exactly as published; openapi-problem.json and the
// license are copied whole. info.x-pruned records where the copy came from, to tell a refresh apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

// The paths the widget calls or the sandbox serves; add one here before either starts using it.
export const KEPT_PATHS = [
  '/providers',
  '/providers/{provider}',
  '/projects/{projectIdOrName}/provider-apps',
  '/projects/{projectIdOrName}/provider-apps/{providerAppId}',
  '/oauth-connect',
  '/projects/{projectIdOrName}/connections',
  '/projects/{projectIdOrName}/connections/{connectionId}',
  '/projects/{projectIdOrName}/connections/{connectionId}:oauth-update',
];

function refsIn(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) k === '$ref' && typeof v === 'string' ? found.add(v) : refsIn(v, found);
  return found;
}

export function prune(spec) {
  const paths = {};
  for (const p of KEPT_PATHS) {
    if (!spec.paths[p]) throw new Error(`the published spec has no path ${p}`);
    paths[p] = spec.paths[p];
  }
  const keep = new Set();
  const todo = [...refsIn(paths)];
  while (todo.length) {
    const ref = todo.pop();
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!m) throw new Error(`unexpected $ref ${ref}`);
    if (keep.has(m[1])) continue;
    keep.add(m[1]);
    todo.push(...refsIn(spec.components.schemas[m[1]]));
  }
  const schemas = Object.fromEntries(Object.entries(spec.components.schemas).filter(([name]) => keep.has(name)));
  return { ...spec, paths, components: { ...spec.components, schemas } };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const from = process.argv[2];
  if (!from) throw new Error('usage: node tests/contract/prune.mjs <folder with the published files>');
  const here = new URL('.', import.meta.url).pathname;
  const text = readFileSync(join(from, 'openapi-api.json'), 'utf8');
  const pruned = prune(JSON.parse(text));
  pruned.info = { ...pruned.info, 'x-pruned': {
    from: 'openapi-api.json', sha256: createHash('sha256').update(text).digest('hex'), by: 'tests/contract/prune.mjs',
    keptPaths: KEPT_PATHS.length, keptSchemas: Object.keys(pruned.components.schemas).length } };
  writeFileSync(join(here, 'openapi-api.json'), JSON.stringify(pruned, null, 2) + '\n');
  for (const f of ['openapi-problem.json', 'LICENSE-openapi']) writeFileSync(join(here, f), readFileSync(join(from, f)));
}
