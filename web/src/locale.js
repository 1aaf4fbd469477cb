// The admin's language: the `locale` option (or the hosted page's `locale` query parameter) if given,
// else the browser's languages, matched to a shipped catalog by language (de-AT -> de, pt-PT -> pt-BR,
// en-GB -> en); anything else reads in English. English is built into the module; another locale's
// catalog (locales/<locale>.json beside the loader) is fetched before the module starts, so the first
// frame is already drawn in that language.
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR'];

// A BCP 47 tag's shape: a 2-3 letter language, then subtags of 1-8 letters or digits.
const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function match(tag) {
  if (typeof tag !== 'string' || !BCP47.test(tag)) return null;
  const lang = tag.split('-')[0].toLowerCase();
  return LOCALES.find((l) => l.split('-')[0] === lang) || null;
}

// The shipped locale for the `locale` option (absent or unusable: the browser's languages).
export function chooseLocale(option) {
  if (option) return match(option) || 'en';
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const l = match(tag);
    if (l) return l;
  }
  return 'en';
}

// { locale, messages }: the catalog's text for the module, or English when it is English or its file
// did not come (the widget still works, in English, rather than not at all).
export function loadLocale(locale, assetBase) {
  if (locale === 'en') return Promise.resolve({ locale, messages: '' });
  return fetch(assetBase + 'locales/' + locale + '.json', { credentials: 'omit' })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((messages) => ({ locale, messages }), () => ({ locale: 'en', messages: '' }));
}
