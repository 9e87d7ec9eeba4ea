export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A date known to a year, a month or a day: an agreement is often remembered only as "1996". */
export interface PartialDate {
  /** ISO date of the first day of the period, YYYY-MM-DD, so that dates sort and compare as text */
  date: string;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; returns an error message when the text is not such a real date. */
export function parsePartialDate(text: string): PartialDate | string {
  const m = PATTERN.exec(text.trim());
  if (!m) return `"${text}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1000) return `year ${y} is out of range`;
  if (mo === undefined) return { date: `${y}-01-01`, precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return `"${text}" has no month ${mo}`;
  if (d === undefined) return { date: `${y}-${mo}-01`, precision: 'month' };
  const day = Number(d);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `"${text}" is not a day of the calendar`;
  return { date: `${y}-${mo}-${d}`, precision: 'day' };
}

export function formatPartialDate(p: PartialDate | null): string {
  if (!p) return '';
  if (p.precision === 'year') return p.date.slice(0, 4);
  if (p.precision === 'month') return p.date.slice(0, 7);
  return p.date;
}

/** The last ISO day a partial date may stand for, e.g. 1996-12-31 for "1996". */
export function partialDateEnd(p: PartialDate): string {
  const year = Number(p.date.slice(0, 4));
  if (p.precision === 'year') return `${year}-12-31`;
  if (p.precision === 'month') {
    const month = Number(p.date.slice(5, 7));
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${p.date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
  }
  return p.date;
}
