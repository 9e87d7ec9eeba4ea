import { describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { LANGS, messages } from '../../src/web/i18n/index.js';

/** Every key path of a catalogue, with the kind of value there (text, function of n arguments, object). */
function shape(o: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (o && typeof o === 'object' && !Array.isArray(o) && !(o instanceof Intl.Collator)) {
    for (const [k, v] of Object.entries(o)) for (const [p, s] of shape(v, `${path}.${k}`)) out.set(p, s);
  } else out.set(path, typeof o === 'function' ? 'function' : typeof o);
  return out;
}

describe('catalogues', () => {
  const reference = shape(en);

  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has every key of the English catalogue, of the same kind',
    (lang) => {
      const other = shape(messages(lang));
      const missing = [...reference.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !reference.has(k));
      const different = [...reference]
        .filter(([k, kind]) => other.has(k) && other.get(k) !== kind)
        .map(([k]) => k);
      expect({ missing, extra, different }).toEqual({ missing: [], extra: [], different: [] });
    },
  );

  it.each([...LANGS])('%s writes numbers and dates its own way', (lang) => {
    const t = messages(lang);
    expect(t.num(1234567)).toBe(new Intl.NumberFormat(t.locale).format(1234567));
    expect(t.places.ties(1234)).toContain(t.num(1234));
    expect(t.date({ date: '1996-11-05', precision: 'day' })).toMatch(/1996/);
  });

  it('writes German and French dates, numbers and plurals as those languages do', () => {
    const de = messages('de');
    const fr = messages('fr');
    expect(de.date({ date: '1996-11-05', precision: 'day' })).toBe('5. Nov. 1996');
    expect(de.date({ date: '1996-03-01', precision: 'month' })).toBe('März 1996');
    expect(de.places.ties(1)).toBe('1 Partnerschaft');
    expect(de.places.ties(1200)).toBe('1.200 Partnerschaften');
    expect(de.home.signed('5. Nov. 1996')).toBe('Vertrag unterzeichnet am 5. Nov. 1996');
    expect(de.home.signed('1996')).toBe('Vertrag unterzeichnet 1996');
    expect(fr.date({ date: '1996-11-05', precision: 'day' })).toBe('5 nov. 1996');
    expect(fr.date({ date: '1996-03-01', precision: 'day' })).toBe('1er mars 1996');
    expect(fr.places.ties(0)).toBe('0 jumelage');
    expect(fr.places.ties(1200)).toBe('1\u202f200 jumelages');
    expect(fr.places.partnerOf('Anshan', '1996')).toBe('Partenaire d’Anshan depuis 1996.');
    expect(fr.places.partnerOf('Malmö', '5 nov. 1996')).toBe('Partenaire de Malmö depuis le 5 nov. 1996.');
    expect(fr.time('2026-11-24T10:36:00Z')).toBe('24 nov. 2026 à 10\u00a0h\u00a036 UTC');
  });

  it('chooses the plural form by the number', () => {
    expect(en.places.ties(1)).toBe('1 tie');
    expect(en.places.ties(2)).toBe('2 ties');
    expect(en.places.ties(1200)).toBe('1,200 ties');
  });
});
