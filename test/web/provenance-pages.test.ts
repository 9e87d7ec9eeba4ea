import { beforeAll, describe, expect, it } from 'vitest';
import { factOrigins, type FactsState } from '../../src/domain/provenance.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { useTestApp } from '../helpers/app.js';
import type { Visitor } from '../helpers/client.js';
import { csrfOf, mainText, signedInVisitors } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

describe('factOrigins', () => {
  const shown = {
    population: { sourceFacts: ['population'], fields: ['population', 'population_year'] },
    kind: { sourceFacts: ['kind', '*'], fields: [] },
  };
  const sources = [
    { fact: 'population', url: null, citation: 'GeoNames 2023' },
    { fact: 'population', url: 'https://example.org/census', citation: null },
    { fact: null, url: null, citation: 'A country list' },
  ];

  it('names each fact’s own sources, and record-wide ones only where asked', () => {
    const o = factOrigins(sources, [], shown);
    expect(o.population).toEqual({ sources: ['GeoNames 2023', 'https://example.org/census'], edited: null });
    expect(o.kind).toEqual({ sources: ['A country list'], edited: null });
  });

  it('names the person who last changed a fact, not one who changed another', () => {
    const states: FactsState[] = [
      {
        at: '2026-01-01T00:00:00Z',
        by: null,
        byPerson: false,
        data: { population: '100', population_year: '' },
      },
      {
        at: '2026-02-01T00:00:00Z',
        by: 'Ana',
        byPerson: true,
        data: { population: '120', population_year: '' },
      },
      {
        at: '2026-03-01T00:00:00Z',
        by: 'Bo',
        byPerson: true,
        data: { population: '120', population_year: '2025' },
      },
      {
        at: '2026-04-01T00:00:00Z',
        by: 'Cy',
        byPerson: true,
        data: { population: '120', population_year: '2025', x: '1' },
      },
    ];
    const o = factOrigins(sources, states, shown);
    expect(o.population!.edited).toEqual({ by: 'Bo', at: '2026-03-01T00:00:00Z' });
    expect(o.kind!.edited).toBeNull();
  });
});

// Anshan (Q74957) is tied to Birmingham (Q79867) in the fixtures.
describe('pages say where their facts come from', () => {
  const ctx = useTestApp(() => [
    ...fixtureFiles(),
    {
      name: 'sourced.csv',
      content:
        'id,name,kind,country,lat,lon,population,source\n' +
        'Q424242,Sourceville,city,CN,30.1,120.2,50000,population=GeoNames 2023 | coordinates=Natural Earth 4.0.0 | country=https://www.wikidata.org/wiki/Q424242\n',
    },
    {
      name: 'sourced-ties.csv',
      content:
        'a,b,kind,signed,status,source\n' +
        'Q424242,Q74957,friendship,2001,active,signed=City records 2001 | https://example.org/sourceville-anshan\n',
    },
    {
      name: 'manifest.json',
      content: JSON.stringify({
        asOf: '2026-08-08',
        builtBy: 'test',
        sources: [
          {
            id: 'gn',
            title: 'GeoNames cities',
            date: '2023',
            licence: 'CC BY 4.0',
            url: 'https://www.geonames.org/',
          },
        ],
        coverage: { ties: 10, tiesWithBothCountries: 9, tiedPlaces: 8, tiedPlacesWithCoordinates: 8 },
        rules: [
          {
            rule: 'unique-name',
            description: 'a unique name in the country',
            matched: 12,
            precision: 0.991,
            used: true,
          },
        ],
      }),
    },
  ]);
  const as: Record<string, Visitor> = {};

  beforeAll(async () => {
    Object.assign(
      as,
      await signedInVisitors(() => ctx.app, ctx.t.store, ['editor'], { password: PASSWORD, net: '10.31.0' }),
    );
    const orgs = new OrgsService(ctx.t.store);
    const org = await orgs.create(SYSTEM, { name: 'Sourceville Office', kind: 'office', homeId: 'Q424242' });
    await orgs.grant(SYSTEM, org, 'editor@example.org', 'editor');
  });

  it('on a profile: each fact’s sources, then the editor who changed one and when', async () => {
    const before = mainText((await ctx.app.inject({ url: '/places/Q424242/sourceville' })).body);
    expect(before).toContain('50,000 Source: GeoNames 2023');
    expect(before).toContain('30.100, 120.200 Source: Natural Earth 4.0.0');
    expect(before).toContain('Source: https://www.wikidata.org/wiki/Q424242');

    const form = await as.editor!.get('/edit/place/Q424242');
    const saved = await as.editor!.post('/edit/place/Q424242/facts', {
      _csrf: csrfOf(form.body),
      population: '52000',
      population_year: '2025',
    });
    expect(saved.statusCode).toBe(303);
    await new Promise((r) => setTimeout(r, 1100)); // the data version is re-read at most once a second
    const after = mainText((await ctx.app.inject({ url: '/places/Q424242/sourceville' })).body);
    expect(after).toMatch(/52,000 \(2025\) Set by editor, \w+\.? \d+, \d{4}, \d\d:\d\d UTC/);
    // a fact nobody edited keeps its source
    expect(after).toContain('30.100, 120.200 Source: Natural Earth 4.0.0');
    const zh = mainText((await ctx.app.inject({ url: '/places/Q424242/sourceville?lang=zh' })).body);
    expect(zh).toContain('由editor于');
  });

  it('on a tie’s page: its sources, then the editor who set its signing date', async () => {
    const tie = (await ctx.t.store.twinnings.between('Q424242', 'Q74957'))!.id;
    const before = mainText((await ctx.app.inject({ url: `/ties/${tie}` })).body);
    expect(before).toContain('2001 Source: City records 2001');
    const form = await as.editor!.get(`/edit/tie/${tie}`);
    const saved = await as.editor!.post(`/edit/tie/${tie}/facts`, {
      _csrf: csrfOf(form.body),
      kind: 'friendship',
      signed: '2001-05-04',
      ended: '',
      status: 'active',
      source: 'City records 2001\nhttps://example.org/sourceville-anshan',
      notes: '',
    });
    expect(saved.statusCode).toBe(303);
    await new Promise((r) => setTimeout(r, 1100));
    const after = mainText((await ctx.app.inject({ url: `/ties/${tie}` })).body);
    expect(after).toMatch(/May 4, 2001 Set by editor, /);
    // the kind was left as it was: it keeps no editor's name
    expect(after).toMatch(/Kind friendship Status active Signed May 4, 2001 Set by editor/);
  });

  it('an About page with the data’s date, sources, licences and matching rules, linked from every page', async () => {
    const home = (await ctx.app.inject({ url: '/' })).body;
    expect(home).toMatch(/<footer[\s\S]*href="\/about"/);
    const about = await ctx.app.inject({ url: '/about' });
    expect(about.statusCode).toBe(200);
    const text = mainText(about.body);
    expect(text).toContain('as of Aug. 8, 2026');
    expect(text).toContain('GeoNames cities 2023 CC BY 4.0');
    expect(text).toContain('a unique name in the country 12 99.1%');
    // on a phone each source and rule is a card: the dates stay whole, the rules' figures carry their labels
    expect(about.body).toContain('<table class="sources">');
    expect(about.body).toContain('<td class="n" data-label="Places matched">12</td>');
    expect(text).toMatch(/Ties with a known country on both sides 9 of 10 \(90%\)/);
    expect(mainText((await ctx.app.inject({ url: '/about?lang=zh' })).body)).toContain('关于数据');
  });

  it('statistics state the date of their data: page, widget and API', async () => {
    expect(mainText((await ctx.app.inject({ url: '/places/Q74957/stats' })).body)).toContain(
      'Data as of Aug. 8, 2026.',
    );
    expect((await ctx.app.inject({ url: '/embed/places/Q74957/stats' })).body).toContain(
      'Data as of Aug. 8, 2026.',
    );
    const api = (await ctx.app.inject({ url: '/api/places/Q74957/stats' })).json();
    expect(api.dataDate).toEqual({ date: '2026-08-08', kind: 'snapshot' });
  });
});
