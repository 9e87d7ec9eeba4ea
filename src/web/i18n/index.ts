import { intlName } from '../../domain/intl-names.js';
import { simplified } from '../../domain/chinese.js';
import { FORMER_MEMBER } from '../../domain/accounts.js';
import { en, type Catalogue } from './en.js';
import { zh } from './zh.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { es } from './es.js';
import { ru } from './ru.js';
import { de } from './de.js';
import { fr } from './fr.js';

// The languages the site speaks, their catalogues, and the formatting that depends on the language but not
// on a text of the catalogue (names of places, languages, currencies and time zones).

export const LANGS = ['en', 'zh', 'ja', 'ko', 'de', 'fr', 'es', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
export type { Catalogue };

const CATALOGUES: Record<Lang, Catalogue> = { en, zh, ja, ko, de, fr, es, ru };

/** The interface texts and formatters of a language. */
export function messages(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The BCP 47 tag of a language for `lang`/`hreflang` attributes (Chinese pages are in Simplified script). */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : lang;
}

/**
 * A place's name in the reader's language where the data has it, else its main name. Takes full places
 * and the summaries lists carry (`names`: language code → name). Beyond English and Chinese, a country (its
 * id an ISO code) is named as Intl names it, as the country headings and charts do.
 */
export function localName(
  p: { name: string; names?: Readonly<Record<string, string>>; id?: string; kind?: string },
  lang: Lang,
): string {
  if (lang === 'en') return p.name;
  if (lang === 'zh') return p.names?.zh ? simplified(p.names.zh) : p.name;
  return intlCountryName(p, lang) ?? p.names?.[lang] ?? p.name;
}

function intlCountryName(p: { id?: string; kind?: string }, lang: Lang): string | undefined {
  if (p.kind !== 'country' || !p.id || !/^[A-Z]{2}$/.test(p.id)) return undefined;
  const name = countryName(lang, p.id);
  return name === p.id ? undefined : name;
}

/** A person's name as shown with their comments and edits; a deleted account's in the reader's language. */
export function personName(name: string, lang: Lang): string {
  return name === FORMER_MEMBER ? messages(lang).labels.formerMember : name;
}

/** The name of a language or currency code in the reader's language; the code itself if unknown. */
export function displayName(lang: Lang, type: 'language' | 'currency' | 'region', code: string): string {
  return intlName(messages(lang).locale, type, code) ?? code;
}

/** A country's or territory's name in the reader's language, from its ISO 3166 code (Intl's CLDR names). */
export function countryName(lang: Lang, code: string): string {
  return displayName(lang, 'region', code);
}

export function languagesLabel(lang: Lang, codes: string[]): string | null {
  return codes.length ? codes.map((l) => displayName(lang, 'language', l)).join(', ') : null;
}

export function currencyLabel(lang: Lang, code: string | null): string | null {
  return code ? `${displayName(lang, 'currency', code)} (${code})` : null;
}

const zones = new Map<string, { label: string; until: number }>();

/** "UTC+8 (Asia/Shanghai)": the offset now, and the IANA name. Kept for an hour (offsets change with DST). */
export function zoneLabel(zone: string): string {
  const now = Date.now();
  const known = zones.get(zone);
  if (known && known.until > now) return known.label;
  let label: string;
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(now))
      .find((x) => x.type === 'timeZoneName')?.value;
    label = `${(part ?? 'GMT').replace('GMT', 'UTC').replace(/^UTC$/, 'UTC±0')} (${zone})`;
  } catch {
    label = zone;
  }
  if (zones.size < 2_000) zones.set(zone, { label, until: now + 3_600_000 });
  return label;
}
