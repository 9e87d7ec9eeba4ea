import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  REASON_KINDS,
  distanceKm,
  rankCandidates,
  type MatchNetwork,
  type MatchPlace,
} from '../../src/domain/matching.js';

// A small world: Lyon looks for partners among cities of similar size in Europe and beyond.
const city = (
  id: string,
  country: string,
  lat: number,
  lon: number,
  population: number,
  more: Partial<MatchPlace> = {},
) =>
  ({
    id,
    kind: 'city',
    country,
    continent: country === 'CN' ? 'AS' : 'EU',
    region: null,
    lat,
    lon,
    population,
    ties: 2,
    languages: { FR: ['fr'], DE: ['de'], IT: ['it'], CN: ['zh'], ES: ['es'] }[country] ?? [],
    ...more,
  }) satisfies MatchPlace;

const lyon = city('lyon', 'FR', 45.76, 4.84, 520_000);
const milan = city('milan', 'IT', 45.46, 9.19, 1_350_000);
const turin = city('turin', 'IT', 45.07, 7.69, 850_000);
const leipzig = city('leipzig', 'DE', 51.34, 12.37, 600_000);
const bonn = city('bonn', 'DE', 50.73, 7.1, 330_000);
const wuhan = city('wuhan', 'CN', 30.59, 114.3, 11_000_000);
const seville = city('seville', 'ES', 37.39, -5.98, 680_000);
const all = [lyon, milan, turin, leipzig, bonn, wuhan, seville];

const net = (over: Partial<MatchNetwork> = {}): MatchNetwork => ({
  partners: new Set(),
  shared: new Map(),
  countryTies: new Map(),
  regionTies: new Map(),
  ...over,
});

describe('partner matching', () => {
  it('measures distances on the globe', () => {
    expect(Math.round(distanceKm(lyon as never, milan as never))).toBe(340);
    expect(Math.round(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }))).toBe(20015);
  });

  it('never lists the place itself or its partners', () => {
    const ids = rankCandidates(lyon, all, net({ partners: new Set(['milan', 'turin']) })).map((c) => c.id);
    expect(ids).not.toContain('lyon');
    expect(ids).not.toContain('milan');
    expect(ids).not.toContain('turin');
    expect(ids).toContain('leipzig');
  });

  it('raises a candidate with shared partners', () => {
    const before = rankCandidates(lyon, all, net());
    const at = (list: typeof before, id: string) => list.findIndex((c) => c.id === id);
    const score = (list: typeof before, id: string) => list.find((c) => c.id === id)?.score ?? 0;
    const after = rankCandidates(lyon, all, net({ shared: new Map([['seville', 3]]) }));
    expect(at(after, 'seville')).toBeLessThan(at(before, 'seville'));
    expect(at(after, 'seville')).toBe(0);
    expect(score(after, 'seville')).toBeGreaterThan(score(before, 'seville'));
    const reason = after[0]?.reasons.find((r) => r.kind === 'shared');
    expect(reason).toEqual({ kind: 'shared', count: 3, score: 0.75, weight: DEFAULT_WEIGHTS.shared });
    // more shared partners rank higher
    const two = rankCandidates(
      lyon,
      all,
      net({
        shared: new Map([
          ['seville', 1],
          ['bonn', 4],
        ]),
      }),
    );
    expect(at(two, 'bonn')).toBeLessThan(at(two, 'seville'));
  });

  it('never lists excluded countries or continents, and keeps to wanted ones', () => {
    const shared = new Map([['leipzig', 5]]);
    const ids = rankCandidates(lyon, all, net({ shared }), { filters: { excludeCountries: ['DE'] } }).map(
      (c) => c.id,
    );
    expect(ids).not.toContain('leipzig');
    expect(ids).not.toContain('bonn');
    expect(ids.length).toBeGreaterThan(0);
    expect(
      rankCandidates(lyon, all, net(), { filters: { excludeContinents: ['EU'] } }).map((c) => c.id),
    ).toEqual(['wuhan']);
    expect(
      rankCandidates(lyon, all, net(), { filters: { countries: ['IT'] } })
        .map((c) => c.id)
        .sort(),
    ).toEqual(['milan', 'turin']);
  });

  it('filters by distance, population and kind', () => {
    const near = rankCandidates(lyon, all, net(), { filters: { maxKm: 500 } }).map((c) => c.id);
    expect(near.sort()).toEqual(['milan', 'turin']);
    const far = rankCandidates(lyon, all, net(), { filters: { minKm: 5000 } }).map((c) => c.id);
    expect(far).toEqual(['wuhan']);
    const pop = rankCandidates(lyon, all, net(), { filters: { minPop: 600_000, maxPop: 900_000 } }).map(
      (c) => c.id,
    );
    expect(pop.sort()).toEqual(['leipzig', 'seville', 'turin']);
    expect(rankCandidates(lyon, all, net(), { filters: { kinds: ['region'] } })).toEqual([]);
  });

  it('gives every reason its weight, score and figures, and takes weights from the query', () => {
    const [c] = rankCandidates(lyon, [lyon, bonn], net({ countryTies: new Map([['DE', 10]]) }));
    const kinds = c?.reasons.map((r) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['population', 'countries', 'distance', 'language', 'openness']),
    );
    for (const r of c?.reasons ?? []) {
      expect(REASON_KINDS).toContain(r.kind);
      expect(r.weight).toBe(DEFAULT_WEIGHTS[r.kind]);
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(c?.reasons.find((r) => r.kind === 'countries')).toMatchObject({ count: 10 });
    // German is widely taught, not spoken in Lyon
    expect(c?.reasons.find((r) => r.kind === 'language')).toMatchObject({
      common: [],
      taught: ['de'],
      score: 0.5,
    });
    const total = (c?.reasons ?? []).reduce((s, r) => s + r.weight * r.score, 0);
    expect(c?.score).toBeCloseTo(total, 2);
    // weight 0 turns a reason off; a heavy distance weight puts the nearest first
    const noDistance = rankCandidates(lyon, all, net(), { weights: { distance: 0 } });
    expect(noDistance.flatMap((x) => x.reasons).some((r) => r.kind === 'distance')).toBe(false);
    const nearFirst = rankCandidates(lyon, all, net(), { weights: { distance: 50 } });
    expect(nearFirst[0]?.id).toBe('turin');
  });

  it('prefers similar populations and places with few ties', () => {
    const ids = rankCandidates(lyon, [lyon, milan, wuhan], net(), { weights: { distance: 0, language: 0 } });
    expect(ids.map((c) => c.id)).toEqual(['milan', 'wuhan']);
    const open = rankCandidates(
      lyon,
      [lyon, { ...bonn, ties: 0 }, { ...leipzig, population: 330_000, ties: 30 }],
      net(),
      {
        weights: { distance: 0 },
      },
    );
    expect(open[0]?.id).toBe('bonn');
    // without a listing, room for more ties is half of openness (the other half is a listing)
    expect(open[0]?.reasons.find((r) => r.kind === 'openness')).toMatchObject({ ties: 0, score: 0.5 });
  });
});

describe('shared profile and seeking listings', () => {
  // two candidates alike in size, language and ties: one close to Lyon, one far but also a steel city
  const steelLyon = { ...lyon, keywords: ['steel', 'university'] };
  const near = city('near', 'FR', 45.9, 5.2, 520_000);
  const far = city('far', 'FR', 43.3, -0.37, 520_000, { keywords: ['steel', 'wine'] });

  it('ranks a shared-industry candidate above one that is merely close', () => {
    const ranked = rankCandidates(steelLyon, [steelLyon, near, far], net());
    expect(ranked.map((c) => c.id)).toEqual(['far', 'near']);
    const profile = ranked[0]?.reasons.find((r) => r.kind === 'profile');
    expect(profile).toEqual({
      kind: 'profile',
      keywords: ['steel'],
      weight: DEFAULT_WEIGHTS.profile,
      score: 0.5,
    });
    // the close one is closer: distance alone would have put it first
    const byDistance = rankCandidates(lyon, [lyon, near, far], net());
    expect(byDistance.map((c) => c.id)).toEqual(['near', 'far']);
    // more shared keywords count more
    const two = rankCandidates(steelLyon, [steelLyon, { ...far, keywords: ['university', 'steel'] }], net());
    expect(two[0]?.reasons.find((r) => r.kind === 'profile')).toMatchObject({
      keywords: ['university', 'steel'],
      score: 0.667,
    });
    // no keywords on either side: no such reason
    expect(rankCandidates(lyon, [lyon, far], net())[0]?.reasons.some((r) => r.kind === 'profile')).toBe(
      false,
    );
  });

  it("ranks a candidate whose listing wants the asker's region above an otherwise equal one", () => {
    const twin = (id: string) => city(id, 'DE', 50.73, 7.1, 330_000);
    const [a, b, c, d] = [twin('a-wants-fr'), twin('b-wants-eu'), twin('c-anywhere'), twin('d-none')];
    const e = twin('e-wants-asia');
    const listings = new Map([
      ['a-wants-fr', { countries: ['FR'], continents: [], fields: ['youth'] }],
      ['b-wants-eu', { countries: [], continents: ['EU'], fields: ['culture'] }],
      ['c-anywhere', { countries: [], continents: [], fields: ['trade'] }],
      ['e-wants-asia', { countries: [], continents: ['AS'], fields: ['trade'] }],
    ]);
    const ranked = rankCandidates(lyon, [lyon, d, e, c, b, a], net({ listings }));
    expect(ranked.map((x) => x.id)).toEqual([
      'a-wants-fr',
      'b-wants-eu',
      'c-anywhere',
      'e-wants-asia',
      'd-none',
    ]);
    const openness = (id: string) =>
      ranked.find((x) => x.id === id)?.reasons.find((r) => r.kind === 'openness');
    expect(openness('a-wants-fr')).toMatchObject({ listing: 'country', wanted: 'FR', fields: ['youth'] });
    expect(openness('b-wants-eu')).toMatchObject({ listing: 'continent', wanted: 'EU' });
    expect(openness('c-anywhere')).toMatchObject({ listing: 'anywhere' });
    expect(openness('e-wants-asia')).toMatchObject({ listing: 'elsewhere' });
    expect(openness('d-none')).not.toHaveProperty('listing');
    // a listing counts even for a place with many ties already
    const busy = rankCandidates(lyon, [lyon, { ...a, ties: 30 }], net({ listings }));
    expect(busy[0]?.reasons.find((r) => r.kind === 'openness')).toMatchObject({ ties: 30, score: 0.5 });
  });

  it('never lists excluded countries, not even those whose listing wants the asker', () => {
    const keen = city('keen', 'DE', 50.73, 7.1, 520_000, { keywords: ['steel', 'university'] });
    const listings = new Map([['keen', { countries: ['FR'], continents: [], fields: ['youth'] }]]);
    const ids = rankCandidates(steelLyon, [...all, keen], net({ listings, shared: new Map([['keen', 5]]) }), {
      filters: { excludeCountries: ['DE'] },
    }).map((c) => c.id);
    expect(ids).not.toContain('keen');
    expect(ids).not.toContain('bonn');
    expect(ids.length).toBeGreaterThan(0);
  });
});
