import { describe, expect, it } from 'vitest';
import { computeStats, type StatTie } from '../../src/domain/stats.js';
import { statsParagraph } from '../../src/domain/stats-text/index.js';
import { countryName } from '../../src/domain/countries.js';

let nextId = 1;
function tie(partnerCountry: string | null, signed: string | null, extra: Partial<StatTie> = {}): StatTie {
  return {
    id: nextId++,
    kind: 'sister',
    status: 'active',
    signed: signed
      ? {
          date: signed.length === 4 ? `${signed}-01-01` : signed,
          precision: signed.length === 4 ? 'year' : 'day',
        }
      : null,
    ended: null,
    localId: 'home',
    localKind: 'city',
    localCountry: 'NL',
    partnerId: `p${nextId}`,
    partnerCountry,
    ...extra,
  };
}
const text = (ties: StatTie[], opts = {}) =>
  statsParagraph(
    { placeName: 'Delft', stats: computeStats(ties, opts), countryName: (c) => countryName(c) ?? c },
    'en',
  );

describe('counting', () => {
  it('counts a tie once even if it comes twice', () => {
    const t = tie('DE', '1990');
    expect(computeStats([t, t]).total).toBe(1);
  });
  it('keeps partners without a country out of country counts, but in the total', () => {
    const s = computeStats([tie(null, null), tie('DE', null)]);
    expect(s).toMatchObject({ total: 2, countries: 1, unknownCountry: 1, byCountry: { DE: 1 } });
  });
  it('leaves ties with an unknown country out of international and domestic counts', () => {
    const ties = [tie(null, null), tie('NL', null), tie('DE', null)];
    expect(computeStats(ties, { international: true }).total).toBe(1);
    expect(computeStats(ties, { international: false }).total).toBe(1);
  });
  it('uses the configured continent of a country', () => {
    expect(computeStats([tie('RU', null)]).byContinent).toEqual({ EU: 1 });
    expect(computeStats([tie('RU', null)], { continents: { RU: 'AS' } }).byContinent).toEqual({ AS: 1 });
  });
  it('takes an end date into account on a given day', () => {
    const t = tie('DE', '1990', { status: 'ended', ended: { date: '2000-05-01', precision: 'day' } });
    expect(computeStats([t], { asOf: '2000-04-30' }).total).toBe(1);
    expect(computeStats([t], { asOf: '2000-05-01' }).total).toBe(0);
    expect(computeStats([t]).total).toBe(0);
  });
});

describe('the English paragraph', () => {
  it('says when there is nothing', () => {
    expect(text([])).toBe('Delft is not known to be twinned with any place.');
  });
  it('uses the singular for one', () => {
    expect(text([tie('DE', '2001')])).toBe(
      'Delft is twinned with 1 place in 1 country. All are in Europe. The first tie was made in 2001.',
    );
  });
  it('says the number grew every year only when it did', () => {
    const grew = text([tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')]);
    expect(grew).toContain('The number has grown every year since the first tie in 2001.');
    const gap = text([tie('DE', '2001'), tie('FR', '2003')]);
    expect(gap).toContain('The first tie was made in 2001; new ties followed in 1 other year up to 2003.');
  });
  it('names the continents and countries with "the" where English needs it', () => {
    const t = text([tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)]);
    expect(t).toBe(
      'Delft is twinned with 4 places in 3 countries. 2 are in North America and 1 in Asia and Europe each. ' +
        '2 are in the United States and 1 in the United Kingdom and Japan each. ' +
        'The years the ties were made are not known.',
    );
  });
  it("says for how many ties the partner's country is not known", () => {
    const t = text([tie('DE', '2001'), tie(null, '2002'), tie(null, '2003')]);
    expect(t).toContain('Delft is twinned with 3 places in 1 country.');
    expect(t).toContain("For 2 of these ties the partner's country is not known.");
    expect(text([tie(null, null)])).toContain('The countries of the partners are not known.');
    const zh = statsParagraph(
      {
        placeName: '代尔夫特',
        stats: computeStats([tie('DE', '2001'), tie(null, '2002')]),
        countryName: (c) => c,
      },
      'zh',
    );
    expect(zh).toContain('其中1个友城所在国家不详。');
  });
  it('says when no year is known', () => {
    expect(text([tie('DE', null), tie('FR', null)])).toContain('The years the ties were made are not known.');
  });
});

// The Spanish and Russian writers, on the same fixtures, with country names as Intl gives them in the language.
const textIn = (lang: 'es' | 'ru', ties: StatTie[], opts = {}) => {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return statsParagraph(
    { placeName: 'Delft', stats: computeStats(ties, opts), countryName: (c) => names.of(c) ?? c },
    lang,
  );
};
/** n ties with partners in one country, each signed in its own year from 2001 */
const many = (n: number, country: string) =>
  Array.from({ length: n }, (_, i) => tie(country, String(2001 + i)));

describe('the Spanish paragraph', () => {
  it('says when there is nothing', () => {
    expect(textIn('es', [])).toBe('Delft no tiene ningún hermanamiento conocido.');
  });
  it('uses the singular for one', () => {
    expect(textIn('es', [tie('DE', '2001')])).toBe(
      'Delft tiene hermanamientos con 1 lugar de 1 país. El socio está en Europa. ' +
        'El primer hermanamiento se firmó en 2001.',
    );
  });
  it('uses the plural for 2, 5 and 21', () => {
    expect(textIn('es', [tie('DE', null), tie('FR', null)])).toContain(
      'Delft tiene hermanamientos con 2 lugares de 2 países.',
    );
    expect(textIn('es', many(5, 'DE'))).toContain('Delft tiene hermanamientos con 5 lugares de 1 país.');
    expect(textIn('es', many(21, 'DE'))).toContain('con 21 lugares de 1 país. Todos están en Europa.');
  });
  it('says the number grew every year only when it did', () => {
    const grew = textIn('es', [tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')]);
    expect(grew).toContain('El número ha crecido cada año desde el primer hermanamiento, en 2001.');
    const gap = textIn('es', [tie('DE', '2001'), tie('FR', '2003')]);
    expect(gap).toContain(
      'El primer hermanamiento se firmó en 2001; hubo otros nuevos en otro año, hasta 2003.',
    );
  });
  it('names the continents and countries one by one', () => {
    expect(textIn('es', [tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      'Delft tiene hermanamientos con 4 lugares de 3 países. ' +
        '2 están en América del Norte, 1 en Asia y 1 en Europa. ' +
        '2 están en Estados Unidos, 1 en Reino Unido y 1 en Japón. ' +
        'No se conocen los años en que se firmaron los hermanamientos.',
    );
  });
  it("says for how many ties the partner's country and the year are not known", () => {
    const t = textIn('es', [tie('DE', '2001'), tie(null, '2002'), tie(null, null)]);
    expect(t).toContain('En 2 de estos hermanamientos no se conoce el país del socio.');
    expect(t).toContain('En 1 hermanamiento no se conoce el año.');
    expect(textIn('es', [tie(null, null)])).toContain('No se conoce el país del socio.');
  });
  it('counts what was added since a day and what an earlier picture leaves out', () => {
    const ties = [tie('DE', '1990-05-01'), tie('FR', '2001-03-01'), tie('IT', '2002-03-01'), tie('JP', null)];
    expect(textIn('es', ties, { since: '2000-01-01' })).toContain(
      'Desde el 1 de enero de 2000 se han añadido 2 hermanamientos.',
    );
    expect(textIn('es', ties, { asOf: '2001-12-31' })).toMatch(
      /^Al 31 de diciembre de 2001, Delft tenía hermanamientos con 2 lugares de 2 países\..* Se excluye 1 hermanamiento sin fecha conocida\.$/,
    );
  });
});

describe('the Russian paragraph', () => {
  it('says when there is nothing', () => {
    expect(textIn('ru', [])).toBe('Delft не имеет известных побратимских связей.');
  });
  it('uses the forms of 1', () => {
    expect(textIn('ru', [tie('DE', '2001')])).toBe(
      'Delft поддерживает побратимские связи с 1 партнёром в 1 стране. Партнёр находится в Европе. ' +
        'Первая связь установлена в 2001 г.',
    );
  });
  it('uses the forms of 2, 5 and 21', () => {
    expect(textIn('ru', [tie('DE', null), tie('FR', null)])).toContain(
      'Delft поддерживает побратимские связи с 2 партнёрами в 2 странах.',
    );
    expect(textIn('ru', many(5, 'DE'))).toContain('с 5 партнёрами в 1 стране. Все они находятся в Европе.');
    expect(textIn('ru', many(21, 'DE'))).toContain('с 21 партнёром в 1 стране.');
    const countries = ['DE', 'FR', 'IT', 'ES', 'PL', 'CZ', 'AT', 'BE', 'SE', 'NO', 'FI', 'DK'];
    const spread = [...countries, ...countries.slice(0, 9)].map((c) => tie(c, null));
    expect(spread).toHaveLength(21);
    const t = textIn('ru', [...spread, ...Array.from({ length: 9 }, (_, i) => tie(`J${i}`, null))]);
    expect(t).toMatch(/^Delft поддерживает побратимские связи с 30 партнёрами в 21 стране\./);
    expect(t).toContain('21 из них — в Европе.');
    expect(t).toContain('— по 2; остальные — в 12 других странах.');
  });
  it('says the number grew every year only when it did', () => {
    const grew = textIn('ru', [tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')]);
    expect(grew).toContain('Число связей растёт каждый год с первого побратимства в 2001 г.');
    const gap = textIn('ru', [tie('DE', '2001'), tie('FR', '2003')]);
    expect(gap).toContain(
      'Первая связь установлена в 2001 г.; новые появлялись ещё в 1 году, вплоть до 2003 г.',
    );
    const gaps = textIn('ru', [tie('DE', '2001'), tie('FR', '2003'), tie('FR', '2005'), tie('IT', '2007')]);
    expect(gaps).toContain('новые появлялись ещё в 3 годах, вплоть до 2007 г.');
  });
  it('names continents in the prepositional and countries before a dash', () => {
    expect(textIn('ru', [tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      'Delft поддерживает побратимские связи с 4 партнёрами в 3 странах. ' +
        '2 партнёра — в Северной Америке, 1 — в Азии и 1 — в Европе. ' +
        'По странам: Соединенные Штаты — 2; Великобритания и Япония — по 1. ' +
        'Годы установления связей неизвестны.',
    );
  });
  it('gives the counts of ties their forms after verbs and prepositions', () => {
    const five = [...many(5, 'DE'), tie('FR', '2010-06-01'), tie('FR', '2011-06-01')];
    expect(textIn('ru', five, { since: '2010-01-01' })).toContain('С 1 января 2010 г. добавились 2 связи.');
    expect(textIn('ru', many(6, 'DE'), { since: '2001-06-01' })).toContain(
      'С 1 июня 2001 г. добавилось 5 связей.',
    );
    expect(textIn('ru', many(2, 'DE'), { since: '2001-06-01' })).toContain(
      'С 1 июня 2001 г. добавилась 1 связь.',
    );
    const unknown = [tie('DE', '2001'), tie(null, '2002'), tie(null, null), tie('FR', null)];
    const t = textIn('ru', unknown);
    expect(t).toContain('Для 2 из этих связей страна партнёра неизвестна.');
    expect(t).toContain('Для 2 связей год неизвестен.');
    expect(textIn('ru', [tie('DE', '2001'), tie('FR', null)])).toContain('Для 1 связи год неизвестен.');
    const asOf = textIn('ru', [tie('DE', '1990-05-01'), tie('FR', null), tie('IT', null)], {
      asOf: '2001-12-31',
    });
    expect(asOf).toMatch(
      /^По состоянию на 31 декабря 2001 г\. Delft поддерживает побратимские связи с 1 партнёром/,
    );
    expect(asOf).toMatch(/Не учтены 2 связи без известной даты\.$/);
  });
  it('gives the levels their own sentence', () => {
    const t = textIn('ru', [
      tie('DE', null, { localKind: 'region' }),
      tie('FR', null),
      tie('IT', null),
      tie('ES', null),
      tie('PL', null),
      tie('CZ', null),
    ]);
    expect(t).toContain('Из них 1 установлена на региональном уровне и 5 — на городском уровне.');
  });
});
