// Transitional: the names pages used before the catalogues in src/web/i18n/. Pages moved to routes/ and
// views/ import from ../i18n/index.js; this file goes when the last page has moved.
import { LANGS, isLang, localName, messages as catalogue, personName, type Lang } from '../i18n/index.js';

export { LANGS, isLang, localName, personName, type Lang };

export const LOCALE: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

type Flat = ReturnType<typeof catalogue>['site'] & ReturnType<typeof catalogue>['stats'];
const flat = new Map<Lang, Flat>();

/** The site's and the statistics pages' texts, as one object (the old shape). */
export function messages(lang: Lang): Flat {
  let m = flat.get(lang);
  if (!m) flat.set(lang, (m = { ...catalogue(lang).site, ...catalogue(lang).stats }));
  return m;
}

const labels = (pick: (l: ReturnType<typeof catalogue>['labels']) => Record<string, string>) =>
  Object.fromEntries(LANGS.map((l) => [l, pick(catalogue(l).labels)])) as Record<
    Lang,
    Record<string, string>
  >;

export const CONTINENT_LABELS = labels((l) => l.continents);
export const LEVEL_LABELS = labels((l) => l.levels);
export const KIND_LABELS = labels((l) => l.tieKinds);
export const STATUS_LABELS = labels((l) => l.statuses);

export function formatDate(p: { date: string; precision: 'year' | 'month' | 'day' }, lang: Lang): string {
  return catalogue(lang).date(p);
}

export function formatTime(iso: string, lang: Lang): string {
  return catalogue(lang).time(iso);
}
