import { describe, expect, it } from 'vitest';
import { MergeService } from '../../src/services/merge.js';
import { useTestApp } from '../helpers/app.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// An id that was merged into another place leads to the current place: pages and the API answer 301.
describe('old ids of merged places', () => {
  const ctx = useTestApp(() => [
    ...fixtureFiles(),
    {
      name: 'redirects.csv',
      content: 'from,to,reason\nQ999001,Q74957,the same item\nQ999002,Q999001,older\n',
    },
  ]);
  const location = async (url: string) => {
    const res = await ctx.app.inject({ url });
    expect(res.statusCode, url).toBe(301);
    return res.headers.location;
  };

  it('send a profile, its other pages and the API to the current place', async () => {
    expect(await location('/places/Q999001')).toBe('/places/Q74957/anshan');
    expect(await location('/places/Q999001/old-name?lang=zh')).toBe('/places/Q74957/anshan?lang=zh');
    expect(await location('/places/Q999001/stats?since=2000')).toBe('/places/Q74957/stats?since=2000');
    expect(await location('/places/Q999001/network')).toBe('/places/Q74957/network');
    expect(await location('/api/places/Q999001')).toBe('/api/places/Q74957');
    expect(await location('/api/places/Q999001/twinnings')).toBe('/api/places/Q74957/twinnings');
    expect(await location('/api/places/Q999001/stats')).toBe('/api/places/Q74957/stats');
    // a chain of merges is followed to its end
    expect(await location('/places/Q999002')).toBe('/places/Q74957/anshan');
    expect((await ctx.app.inject({ url: '/places/Q999003' })).statusCode).toBe(404);
  });

  it('follow a merge made after the site started', async () => {
    await new MergeService(ctx.t.store).merge('Q2211', 'Q503361', { reason: 'test' });
    // the process learns of the write within a second (the data version is re-read at most once a second)
    await new Promise((r) => setTimeout(r, 1100));
    expect(await location('/places/Q503361/malmo-municipality')).toBe('/places/Q2211/malmo');
    expect(await location('/api/places/Q503361')).toBe('/api/places/Q2211');
  });
});

describe('the API says where facts come from', () => {
  const ctx = useTestApp(() => [
    ...fixtureFiles(),
    {
      name: 'sources.csv',
      content:
        'id,name,country,source\nQ424242,Sourceville,CN,country=https://www.wikidata.org/wiki/Q424242 | GeoNames (geonames.org)\n',
    },
  ]);

  it('with each fact of a place', async () => {
    const body = (await ctx.app.inject({ url: '/api/places/Q424242' })).json();
    expect(body.sources).toEqual([
      { fact: 'country', url: 'https://www.wikidata.org/wiki/Q424242', citation: null },
      { fact: null, url: null, citation: 'GeoNames (geonames.org)' },
    ]);
  });
});
