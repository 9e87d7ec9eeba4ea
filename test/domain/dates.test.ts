import { describe, expect, it } from 'vitest';
import { formatPartialDate, parsePartialDate, partialDateEnd } from '../../src/domain/dates.js';

describe('partial dates', () => {
  it('parses year, month and day precision', () => {
    expect(parsePartialDate('1996')).toEqual({ date: '1996-01-01', precision: 'year' });
    expect(parsePartialDate('1996-11')).toEqual({ date: '1996-11-01', precision: 'month' });
    expect(parsePartialDate('1996-11-05')).toEqual({ date: '1996-11-05', precision: 'day' });
  });
  it('rejects what is not a calendar date, saying how to write one', () => {
    expect(parsePartialDate('1996-13')).toMatch(/no month 13/);
    expect(parsePartialDate('2023-02-29')).toMatch(/not a day/);
    expect(parsePartialDate('5.11.1996')).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(parsePartialDate('0999')).toMatch(/out of range/);
  });
  it('accepts leap days', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ date: '2024-02-29', precision: 'day' });
  });
  it('formats back to the precision it was given with', () => {
    for (const s of ['1996', '1996-11', '1996-11-05']) {
      const p = parsePartialDate(s);
      expect(typeof p === 'string' ? p : formatPartialDate(p)).toBe(s);
    }
  });
  it('knows the last day a partial date covers', () => {
    expect(partialDateEnd({ date: '1996-01-01', precision: 'year' })).toBe('1996-12-31');
    expect(partialDateEnd({ date: '2024-02-01', precision: 'month' })).toBe('2024-02-29');
    expect(partialDateEnd({ date: '2024-02-03', precision: 'day' })).toBe('2024-02-03');
  });
});
