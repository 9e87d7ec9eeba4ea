// Transitional: formatters pages used before src/web/i18n/. Moved pages use the catalogue's `num`/`collator`
// and ../i18n/index.js; this file goes when the last page has moved.
import { LOCALE, type Lang } from './i18n.js';

export { currencyLabel, displayName, languagesLabel, zoneLabel } from '../i18n/index.js';

const numbers = new Map<Lang, Intl.NumberFormat>();
const collators = new Map<Lang, Intl.Collator>();

export function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numbers.get(lang);
  if (!f) numbers.set(lang, (f = new Intl.NumberFormat(LOCALE[lang])));
  return f;
}

export function collator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(LOCALE[lang])));
  return c;
}
