import { describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { LANGS, localName, messages } from '../../src/web/i18n/index.js';
import { es } from '../../src/web/i18n/es.js';
import { intlKit } from '../../src/web/i18n/intl.js';
import { ru } from '../../src/web/i18n/ru.js';

/** Every key path of a catalogue, with the kind of value there (text, function of n arguments, object). */
function shape(o: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (o && typeof o === 'object' && !Array.isArray(o) && !(o instanceof Intl.Collator)) {
    for (const [k, v] of Object.entries(o)) for (const [p, s] of shape(v, `${path}.${k}`)) out.set(p, s);
  } else out.set(path, typeof o === 'function' ? 'function' : typeof o);
  return out;
}

/** a text with its no-break spaces as plain ones */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

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

  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has a text wherever English has one (an empty one would leave a link or button without a name)',
    (lang) => {
      const texts = (o: unknown, path = ''): [string, string][] =>
        o && typeof o === 'object' && !Array.isArray(o) && !(o instanceof Intl.Collator)
          ? Object.entries(o).flatMap(([k, v]) => texts(v, `${path}.${k}`))
          : typeof o === 'string'
            ? [[path, o]]
            : typeof o === 'function' && o.length === 0
              ? [[`${path}()`, String((o as () => unknown)())]]
              : [];
      const other = new Map(texts(messages(lang)));
      expect(other.size).toBeGreaterThan(500);
      const blank = texts(en)
        .filter(([k, v]) => v.trim() !== '' && (other.get(k) ?? '').trim() === '')
        .map(([k]) => k);
      expect(blank).toEqual([]);
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

  it('speaks Spanish and Russian', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['es', 'ru']));
    expect(messages('es').nativeName).toBe('Español');
    expect(messages('ru').nativeName).toBe('Русский');
  });

  it('chooses the Spanish plural form and writes dates the Spanish way', () => {
    expect(plain(es.places.ties(1))).toBe('1 hermanamiento');
    expect(plain(es.places.ties(2))).toBe('2 hermanamientos');
    expect(plain(es.places.ties(12345))).toBe('12.345 hermanamientos');
    expect(plain(es.ties.count(1))).toBe('1 hermanamiento coincide.');
    expect(plain(es.ties.count(5))).toBe('5 hermanamientos coinciden.');
    expect(plain(es.home.homeIntro('Sevilla', 1, 1))).toMatch(
      /^Sevilla tiene hermanamientos con 1 lugar de 1 país:/,
    );
    expect(plain(es.home.homeIntro('Sevilla', 21, 5))).toMatch(/con 21 lugares de 5 países:/);
    expect(plain(es.date({ date: '1996-11-05', precision: 'day' }))).toBe('5 de noviembre de 1996');
    expect(plain(es.date({ date: '1996-11-05', precision: 'month' }))).toBe('noviembre de 1996');
    expect(plain(es.places.partnerOf('Sevilla', es.date({ date: '1996-11-05', precision: 'day' })))).toBe(
      'Hermanamiento con Sevilla desde el 5 de noviembre de 1996.',
    );
    expect(plain(es.places.partnerOf('Sevilla', '1996'))).toBe('Hermanamiento con Sevilla desde 1996.');
  });

  it('gives Russian counts their one, few and many forms', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => plain(ru.places.ties(n)))).toEqual([
      '1 связь',
      '2 связи',
      '5 связей',
      '11 связей',
      '21 связь',
      '22 связи',
      '25 связей',
      '111 связей',
    ]);
    expect(ru.places.ties(12345)).toBe('12\u00a0345\u00a0связей');
    expect(ru.places.ties(2)).toBe('2\u00a0связи'); // the number stays on the line of its noun
    expect(plain(ru.ties.count(1))).toBe('Найдена 1 связь.');
    expect(plain(ru.ties.count(2))).toBe('Найдено 2 связи.');
    expect(plain(ru.ties.count(5))).toBe('Найдено 5 связей.');
    expect(plain(ru.posts.postCount(2))).toBe('2 публикации');
    expect(plain(ru.posts.postCount(5))).toBe('5 публикаций');
    expect(plain(ru.entries.activityCount(21))).toBe('21 мероприятие');
    expect(plain(ru.network.componentSize(2))).toContain('2 места');
    expect(plain(ru.network.componentSize(5))).toContain('5 мест');
    expect(plain(ru.home.homeIntro('Казань', 2, 5))).toContain('2 побратима и партнёра в 5 странах');
    expect(plain(ru.home.homeIntro('Казань', 5, 21))).toContain('5 побратимов и партнёров в 21 стране');
    expect(plain(ru.home.intro(2, 5))).toContain('2 места и 5 побратимских связей');
    expect(plain(ru.stats.mapDesc(2))).toContain('2 страны');
    expect(plain(ru.stats.mapDesc(5))).toContain('5 стран');
    expect(plain(ru.account.passwordHint(12))).toBe('Не менее 12 символов.');
    expect(plain(ru.date({ date: '1996-11-05', precision: 'day' }))).toBe('5 ноября 1996 г.');
  });
});

describe('Chinese names on Chinese pages', () => {
  it('are shown in Simplified characters, whatever form the source gave', () => {
    expect(localName({ name: 'Tokyo', names: { zh: '東京都' } }, 'zh')).toBe('东京都');
    expect(localName({ name: 'San Francisco', names: { zh: '舊金山' } }, 'zh')).toBe('旧金山');
    expect(localName({ name: 'Taipei', names: { zh: '臺北' } }, 'zh')).toBe('台北');
    expect(localName({ name: 'Yokohama', names: { zh: '横浜' } }, 'zh')).toBe('横滨');
    expect(localName({ name: 'Anshan', names: { zh: '鞍山' } }, 'zh')).toBe('鞍山');
    // other languages keep the source's form
    expect(localName({ name: 'Tokyo', names: { ja: '東京都' } }, 'ja')).toBe('東京都');
  });
});

describe('numbers and plural forms kept per language', () => {
  it.each(['en', 'de', 'fr', 'ru', 'ar', 'zh'])('are what Intl makes of each number (%s)', (locale) => {
    const kit = intlKit(locale);
    const numbers = new Intl.NumberFormat(locale);
    const rules = new Intl.PluralRules(locale);
    const forms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    // twice each: the first makes the kept text, the second reads it
    for (const n of [0, -0, 1, 2, 3, 5, 11, 21, 22, 101, 999, 1023, 1024, 1234, 1.5, -1, -2, 1e6, NaN]) {
      for (let round = 0; round < 2; round++) {
        expect(kit.num(n), `${locale} ${n}`).toBe(numbers.format(n));
        expect(kit.plural(n, forms), `${locale} ${n}`).toBe(rules.select(n));
      }
    }
  });
});
