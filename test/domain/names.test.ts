import { describe, expect, it } from 'vitest';
import { normalizeName, otherNames, prefixUpperBound, searchTerms, slugify } from '../../src/domain/names.js';

describe('normalizeName', () => {
  it('ignores case, diacritics and punctuation', () => {
    expect(normalizeName('Malmö')).toBe('malmo');
    expect(normalizeName('São Paulo')).toBe('sao paulo');
    expect(normalizeName("Ma'anshan")).toBe('ma anshan');
    expect(normalizeName('  ŁÓDŹ ')).toBe('lodz');
    expect(normalizeName('Straße')).toBe('strasse');
    expect(normalizeName('Ærøskøbing')).toBe('aeroskobing');
  });
  it('keeps other scripts', () => {
    expect(normalizeName('鞍山')).toBe('鞍山');
    expect(normalizeName('Москва')).toBe('москва');
  });
  it('folds full-width forms', () => {
    expect(normalizeName('ＡＢＣ')).toBe('abc');
  });
});

describe('searchTerms', () => {
  it('indexes the whole name and each word onwards', () => {
    expect(searchTerms('New York City')).toEqual([
      { term: 'new york city', whole: true },
      { term: 'york city', whole: false },
      { term: 'city', whole: false },
    ]);
  });
  it('indexes every character of unspaced scripts', () => {
    expect(searchTerms('马鞍山').map((t) => t.term)).toEqual(['马鞍山', '鞍山', '山']);
  });
  it('gives nothing for a name of punctuation', () => {
    expect(searchTerms('--')).toEqual([]);
  });
});

describe('prefixUpperBound', () => {
  it('is above every string with the prefix and below the next prefix', () => {
    const up = prefixUpperBound('malm');
    expect('malmo' < up && 'malm' < up && 'malmzzzz' < up).toBe(true);
    expect('maln' >= up).toBe(true);
    expect('鞍山市' < prefixUpperBound('鞍山')).toBe(true);
  });
});

describe('slugify', () => {
  it('makes ASCII slugs and gives up on other scripts', () => {
    expect(slugify('Nordrhein-Westfalen')).toBe('nordrhein-westfalen');
    expect(slugify("Provence-Alpes-Côte d'Azur")).toBe('provence-alpes-cote-d-azur');
    expect(slugify('北京')).toBe('');
  });
});

describe('otherNames', () => {
  it('leaves out the English name and names of no known language, the same record each time', () => {
    const names = {
      de: 'Sankt Petersburg',
      en: 'Saint Petersburg',
      ja: 'サンクトペテルブルク',
      und: 'Piter',
    };
    expect(otherNames(names)).toEqual({ de: 'Sankt Petersburg', ja: 'サンクトペテルブルク' });
    expect(otherNames(names)).toBe(otherNames(names));
    const none = { zh: '伯明翰' };
    expect(otherNames(none)).toBe(none);
  });
});
