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
