// Number, date, plural and name formatting for one language, through Intl. Intl objects are costly to build
// (tens of microseconds each), so each catalogue makes its own once and keeps them.

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface IntlKit {
  /** BCP 47 tag for Intl and for `lang` attributes */
  locale: string;
  num(n: number): string;
  /** the form of `forms` that `n` takes in this language ("1 tie", "2 ties"; Russian: one/few/many) */
  plural(n: number, forms: PluralForms): string;
  /** a list joined as this language joins them: "a, b and c" */
  list(items: readonly string[]): string;
  collator: Intl.Collator;
}

/** Small whole numbers (counts of ties, partners, places) are formatted once per language, not per use. */
const SMALL = 1024;
const small = (n: number) => n < SMALL && Number.isInteger(n) && (n > 0 || Object.is(n, 0));

export function intlKit(locale: string): IntlKit {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const formatted: string[] = [];
  const categories: Intl.LDMLPluralRule[] = [];
  return {
    locale,
    num: (n) => (small(n) ? (formatted[n] ??= numbers.format(n)) : numbers.format(n)),
    plural: (n, forms) =>
      forms[small(n) ? (categories[n] ??= rules.select(n)) : rules.select(n)] ?? forms.other,
    list: (items) => lists.format(items),
    collator: new Intl.Collator(locale),
  };
}

/** A date as precise as it is known. */
export interface PartialDate {
  date: string;
  precision: 'year' | 'month' | 'day';
}

/** Formats partial dates with Intl, each precision with its own options, made once. */
export function intlDates(
  locale: string,
  month: Intl.DateTimeFormatOptions['month'] = 'short',
): (p: PartialDate) => string {
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const ym = new Intl.DateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' });
  const ymd = new Intl.DateTimeFormat(locale, { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' });
  return (p) => {
    const d = new Date(`${p.date.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return p.date;
    return (p.precision === 'year' ? year : p.precision === 'month' ? ym : ymd).format(d);
  };
}
