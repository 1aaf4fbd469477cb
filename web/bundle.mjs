// Builds the shipped scripts: the loader (web/src, bundled into one ampersand-setup.js) and the hosted
// page's hosted.js, both minified by esbuild. Run by the web build (src/web.cmake):
//   node web/bundle.mjs <out dir> <version>
// The numbers of the mirror's page actions come from their C++ enum, so the two sides cannot drift.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const [out, version] = process.argv.slice(2);
if (!out || !version) throw new Error('usage: node web/bundle.mjs <out dir> <version>');
const here = (path) => new URL(path, import.meta.url).pathname;

// enum class PageAction : int { Click = 0, ... } in src/ui/mirror.h, as { Click: 0, ... }.
export function pageActions(header) {
  const body = /enum class PageAction\s*:\s*int\s*\{([^}]*)\}/.exec(header);
  if (!body) throw new Error('src/ui/mirror.h declares no enum class PageAction : int');
  return Object.fromEntries(body[1].split(',').map((item) => {
    const m = /^\s*(\w+)\s*=\s*(\d+)\s*$/.exec(item);
    if (!m) throw new Error('PageAction items need explicit numbers: ' + item.trim());
    return [m[1], Number(m[2])];
  }));
}

const common = { bundle: true, minify: true, format: 'iife', target: 'es2020', legalComments: 'none', logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: [here('src/index.js')], outfile: `${out}/ampersand-setup.js`,
    define: {
      AMP_PAGE_ACTIONS: JSON.stringify(pageActions(readFileSync(here('../src/ui/mirror.h'), 'utf8'))),
      AMP_VERSION: JSON.stringify(version),
      AMP_SKELETON_CSS: JSON.stringify(readFileSync(here('../shell/skeleton.css'), 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/\s+/g, ' ')),
    } }),
  build({ ...common, entryPoints: [here('hosted.js')], outfile: `${out}/hosted.js` }),
]);
