import { describe, expect, it } from 'vitest';
import { continentOf, parseContinentOverrides } from '../../src/domain/countries.js';
import {
  effectiveFacts,
  parentCycles,
  parentCyclesByIndex,
  validatePlaceRecord,
} from '../../src/domain/places.js';
import { canonicalTwinning, validateTwinningRecord } from '../../src/domain/twinnings.js';

describe('place records', () => {
  it('reads a full record', () => {
    const { value, issues } = validatePlaceRecord({
      id: 'Q74957',
      name: 'Anshan',
      kind: 'City',
      country: 'cn',
      parent: 'cn-liaoning',
      lat: '41.1',
      lon: '122.9',
      population: '1199275',
      wikidata: '',
      names: 'zh:鞍山;ja:鞍山市',
    });
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      id: 'Q74957',
      kind: 'city',
      country: 'CN',
      parent: 'cn-liaoning',
      lat: 41.1,
      population: 1199275,
      wikidata: 'Q74957',
      names: { zh: '鞍山', ja: '鞍山市' },
    });
  });

  it('leaves out fields the file does not carry, so they keep their stored values', () => {
    const { value } = validatePlaceRecord({ id: 'x', name: 'X' });
    expect(value).toEqual({ id: 'x', name: 'X' });
  });

  it('lists every problem with its column', () => {
    const { issues } = validatePlaceRecord({
      id: 'has space',
      name: '',
      kind: 'town',
      country: 'XX',
      lat: '95',
      lon: 'east',
      population: '-5',
      wikidata: 'L1',
      names: 'Anshan',
      timezone: 'Mars/Olympus',
      currency: 'EURO',
    });
    const columns = issues.map((i) => i.column).sort();
    expect(columns).toEqual(
      [
        'country',
        'currency',
        'id',
        'kind',
        'lat',
        'lon',
        'name',
        'names',
        'population',
        'timezone',
        'wikidata',
      ].sort(),
    );
    expect(issues.find((i) => i.column === 'kind')?.message).toMatch(
      /country, region, city, district, other/,
    );
    expect(issues.find((i) => i.column === 'names')?.message).toMatch(/lang:name/);
  });

  it('wants both coordinates or neither', () => {
    expect(validatePlaceRecord({ id: 'x', name: 'X', lat: '1', lon: '' }).issues).toEqual([
      { column: 'lon', message: 'give both lat and lon, or neither' },
    ]);
  });

  it("wants a country's id to be its code", () => {
    expect(
      validatePlaceRecord({ id: 'china', name: 'China', kind: 'country', country: 'CN' }).issues[0],
    ).toEqual({
      column: 'id',
      message: "a country's id is its code: write CN",
    });
  });

  it('rejects unknown columns', () => {
    expect(validatePlaceRecord({ id: 'x', name: 'X', mayor: 'Y' }).issues[0]?.column).toBe('mayor');
  });

  it('finds each cycle of parents once, starting where the given order first meets it', () => {
    const parents: Record<string, string> = { a: 'b', b: 'c', c: 'a', d: 'a', e: 'f', f: 'e', g: 'h' };
    expect(parentCycles(['d', 'b', 'g', 'f', 'e'], (id) => parents[id])).toEqual([
      ['b', 'c', 'a'],
      ['f', 'e'],
    ]);
    expect(parentCycles(['a'], () => null)).toEqual([]);
  });

  it('walks a chain of parents thousands deep once, whichever end the places are given from', () => {
    const n = 100_000;
    for (const order of ['child first', 'parent first']) {
      let calls = 0;
      const parentOf = (id: string) => {
        calls++;
        const i = Number(id.slice(1));
        return i + 1 < n ? `p${i + 1}` : null;
      };
      const ids = Array.from({ length: n }, (_, i) => `p${order === 'child first' ? i : n - 1 - i}`);
      expect(parentCycles(ids, parentOf)).toEqual([]);
      // walking up from every place would ask n²/2 = 5·10⁹ times
      expect(calls, order).toBeLessThanOrEqual(2 * n);
    }
    let steps = 0;
    const cycles = parentCyclesByIndex(
      n,
      (i) => (steps++, i + 1 < n ? i + 1 : 0),
      (i) => i,
    );
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
    expect(steps).toBe(n);
  });
});

describe('twinning records', () => {
  it('applies defaults: sister, active', () => {
    const { value, issues } = validateTwinningRecord({ a: 'x', b: 'y', kind: '', status: '' });
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ kind: 'sister', status: 'active' });
  });

  it('makes a tie with an end date ended unless told it is suspended', () => {
    expect(validateTwinningRecord({ a: 'x', b: 'y', ended: '2001' }).value.status).toBe('ended');
    expect(validateTwinningRecord({ a: 'x', b: 'y', ended: '2001', status: 'suspended' }).issues).toEqual([]);
    expect(
      validateTwinningRecord({ a: 'x', b: 'y', ended: '2001', status: 'active' }).issues[0]?.column,
    ).toBe('status');
  });

  it('rejects self ties, bad dates, end before start and bad sources', () => {
    const { issues } = validateTwinningRecord({
      a: 'x',
      b: 'x',
      signed: '2001-02-30',
      source: 'ftp://example.org/x',
    });
    expect(issues.map((i) => i.column).sort()).toEqual(['b', 'signed', 'source']);
    expect(validateTwinningRecord({ a: 'x', b: 'y', signed: '2001', ended: '1999' }).issues[0]).toEqual({
      column: 'ended',
      message: 'is before the signing date',
    });
  });

  it('splits sources into URLs and citations', () => {
    const { value } = validateTwinningRecord({
      a: 'x',
      b: 'y',
      source: 'https://example.org/a | Minutes, 1996',
    });
    expect(value.sources).toEqual([
      { fact: null, url: 'https://example.org/a', citation: null },
      { fact: null, url: null, citation: 'Minutes, 1996' },
    ]);
  });

  it('is undirected: canonical order swaps the sides and who lists the tie', () => {
    expect(canonicalTwinning({ a: 'Q9', b: 'Q10', listedBy: 'a' })).toEqual({
      a: 'Q10',
      b: 'Q9',
      listedBy: 'b',
    });
    expect(canonicalTwinning({ a: 'Q10', b: 'Q9', listedBy: 'a' })).toEqual({
      a: 'Q10',
      b: 'Q9',
      listedBy: 'a',
    });
  });
});

describe('continents', () => {
  it('follows UN M49 by default', () => {
    expect(continentOf('RU')).toBe('EU');
    expect(continentOf('TR')).toBe('AS');
    expect(continentOf('GE')).toBe('AS');
    expect(continentOf('CY')).toBe('AS');
    expect(continentOf('MX')).toBe('NA');
    expect(continentOf('BR')).toBe('SA');
    expect(continentOf('AQ')).toBe('AN');
  });
  it('is configurable', () => {
    const overrides = parseContinentOverrides('RU=AS, cy=eu');
    expect(continentOf('RU', overrides)).toBe('AS');
    expect(continentOf('CY', overrides)).toBe('EU');
    expect(() => parseContinentOverrides('RU=XX')).toThrow(/COUNTRY=CONTINENT/);
  });
});

describe('effective facts', () => {
  it('takes the time zone from the location, and languages and currency from the country', () => {
    const facts = effectiveFacts(
      { country: 'US', lat: 33.53, lon: -86.82, timezone: null, languages: [], currency: null },
      { languages: ['en'], currency: 'USD' },
    );
    expect(facts).toEqual({
      continent: 'NA',
      timezone: 'America/Chicago',
      languages: ['en'],
      currency: 'USD',
    });
  });
  it("prefers the place's own facts", () => {
    const facts = effectiveFacts(
      { country: 'CN', lat: null, lon: null, timezone: 'Asia/Urumqi', languages: ['ug'], currency: 'CNY' },
      null,
    );
    expect(facts).toMatchObject({ timezone: 'Asia/Urumqi', languages: ['ug'], currency: 'CNY' });
  });
  it("falls back to a country's only time zone", () => {
    const facts = (country: string) =>
      effectiveFacts({ country, lat: null, lon: null, timezone: null, languages: [], currency: null }, null);
    expect(facts('SE').timezone).toBe('Europe/Stockholm');
    // China has two IANA zones: without a location there is no telling which
    expect(facts('CN').timezone).toBeNull();
  });
});
