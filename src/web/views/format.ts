// Formatters for the reader's language. Intl objects are costly to build (tens of microseconds each), so each is
// made once per language and kept.
import { LOCALE, type Lang } from './i18n.js';

const numbers = new Map<Lang, Intl.NumberFormat>();
const collators = new Map<Lang, Intl.Collator>();
const displayNames = new Map<string, Intl.DisplayNames>();
const displayed = new Map<string, string>();

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

/** The name of a language or currency code in the reader's language; the code itself if unknown. */
export function displayName(lang: Lang, type: 'language' | 'currency', code: string): string {
  const key = `${lang}:${type}:${code}`;
  let name = displayed.get(key);
  if (name !== undefined) return name;
  try {
    let dn = displayNames.get(`${lang}:${type}`);
    if (!dn) displayNames.set(`${lang}:${type}`, (dn = new Intl.DisplayNames([LOCALE[lang]], { type })));
    name = dn.of(code) ?? code;
  } catch {
    name = code;
  }
  if (displayed.size < 10_000) displayed.set(key, name);
  return name;
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
