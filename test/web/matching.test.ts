import { describe, expect, it } from 'vitest';
import { REASON_KINDS, type Reason } from '../../src/domain/matching.js';
import { LANGS, messages } from '../../src/web/i18n/index.js';
import { reasonText } from '../../src/web/views/places/matching.js';
import { useTestApp } from '../helpers/app.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe('partner finder', () => {
  const ctx = useTestApp(fixtureFiles);
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('answers the API with ranked candidates and their reasons', async () => {
    const res = await get('/api/places/Q360235/suggestions?lang=de');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ids = body.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain('Q360235');
    expect(ids).toContain('Q74957');
    const anshan = body.items.find((i: { id: string }) => i.id === 'Q74957');
    expect(anshan.reasons.map((r: Reason) => r.kind)).toEqual(
      expect.arrayContaining(['population', 'distance']),
    );
    for (const r of anshan.reasons) {
      expect(r.weight).toBeGreaterThan(0);
      expect(r.text).toMatch(/\S/);
    }
    expect(anshan.reasons.find((r: Reason) => r.kind === 'language').text).toMatch(
      /^Gemeinsame Sprache: Chinesisch/,
    );
    const scores = body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves out partners and excluded countries, and takes weights', async () => {
    const anshan = (await get('/api/places/Q74957/suggestions')).json();
    const ids = anshan.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain('Q74957');
    expect(ids).not.toContain('Q79867');
    expect(ids).not.toContain('Q2211');
    const noCn = (await get('/api/places/Q2211/suggestions?excludeCountries=CN,JP')).json();
    expect(noCn.items.map((i: { country: string }) => i.country)).not.toContain('CN');
    expect(noCn.items.map((i: { country: string }) => i.country)).not.toContain('JP');
    const w = (await get('/api/places/Q2211/suggestions?w.distance=0')).json();
    expect(w.weights.distance).toBe(0);
  });

  it('refuses bad filters with 400 and unknown places with 404', async () => {
    for (const q of [
      'countries=XX',
      'countries=Germany',
      'minKm=-1',
      'minKm=500&maxKm=100',
      'kind=town',
      'w.shared=abc',
      'limit=0',
      'continents=XY',
    ]) {
      expect((await get(`/api/places/Q2211/suggestions?${q}`)).statusCode, q).toBe(400);
    }
    expect((await get('/places/Q2211/partners/find?minPop=9&maxPop=1')).statusCode).toBe(400);
    expect((await get('/api/places/Q404/suggestions')).statusCode).toBe(404);
  });

  it('shows the page in English and in Russian, linked from the profile', async () => {
    const en = await get('/places/Q360235/partners/find');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain("<h1>Find a partner for Ma'anshan</h1>");
    expect(en.body).toMatch(/<a href="\/places\/Q74957\/anshan">Anshan<\/a>/);
    expect(en.body).toContain('Common language: Chinese');
    const ru = await get('/places/Q360235/partners/find?lang=ru&excludeCountries=CN');
    expect(ru.statusCode).toBe(200);
    expect(ru.body).toContain('Поиск партнёра');
    expect(ru.body).not.toContain('/places/Q74957/anshan');
    const profile = (await get('/places/Q2211/malmo')).body;
    expect(profile).toContain('href="/places/Q2211/partners/find">Find a partner</a>');
  });

  it('has every reason as a sentence in every language', () => {
    const samples: Reason[] = [
      { kind: 'shared', count: 3, weight: 1, score: 1 },
      { kind: 'population', population: 500_000, ratio: 1, weight: 1, score: 1 },
      { kind: 'countries', count: 12, weight: 1, score: 1 },
      { kind: 'regions', count: 2, weight: 1, score: 1 },
      { kind: 'distance', km: 340, weight: 1, score: 1 },
      { kind: 'language', common: ['fr'], taught: [], weight: 1, score: 1 },
      { kind: 'openness', ties: 2, weight: 1, score: 1 },
    ];
    samples.splice(1, 0, { kind: 'profile', keywords: ['steel', 'port'], weight: 2, score: 1 });
    expect(samples.map((s) => s.kind)).toEqual([...REASON_KINDS]);
    expect(reasonText('en', samples[0]!)).toBe('3 shared partners');
    expect(reasonText('en', { kind: 'shared', count: 1, weight: 1, score: 1 })).toBe('1 shared partner');
    expect(reasonText('ru', { kind: 'shared', count: 1, weight: 1, score: 1 })).toBe('1\u00a0общий партнёр');
    expect(reasonText('ru', samples[0]!)).toBe('3\u00a0общих партнёра');
    expect(reasonText('ru', { kind: 'shared', count: 5, weight: 1, score: 1 })).toBe(
      '5\u00a0общих партнёров',
    );
    expect(reasonText('zh', samples[0]!)).toBe('3个共同伙伴');
    expect(reasonText('de', samples[0]!)).toBe('3 gemeinsame Partner');
    for (const lang of LANGS) {
      const texts = samples.map((s) => reasonText(lang, s));
      for (const [i, text] of texts.entries()) {
        expect(text, `${lang} ${samples[i]?.kind}`).toMatch(/\S/);
        if (lang !== 'en')
          expect(text, `${lang} ${samples[i]?.kind}`).not.toBe(reasonText('en', samples[i]!));
      }
      expect(messages(lang).matching.link).toMatch(/\S/);
    }
  });

  it('says why a shared profile and a listing count, in every language and never in English', () => {
    const profile = (keywords: string[]): Reason => ({ kind: 'profile', keywords, weight: 2, score: 1 });
    const listing = (fit: 'country' | 'continent' | 'anywhere' | 'elsewhere', wanted?: string): Reason => ({
      kind: 'openness',
      ties: 2,
      listing: fit,
      ...(wanted ? { wanted } : {}),
      fields: ['education'],
      weight: 2,
      score: 1,
    });
    const samples: Reason[] = [
      profile(['steel']),
      profile(['port', 'university']),
      profile(['steel', 'glass making']),
      listing('country', 'DE'),
      listing('continent', 'EU'),
      listing('anywhere'),
      listing('elsewhere'),
    ];
    expect(samples.map((s) => reasonText('en', s))).toEqual([
      'Both: steel',
      'Both: port and university',
      'Both: steel and glass making',
      'Seeking partners in Germany',
      'Seeking partners in Europe',
      'Seeking partners anywhere',
      'Seeking partners in other regions',
    ]);
    expect(samples.map((s) => reasonText('zh', s))).toEqual([
      '两地都有：钢铁',
      '两地都有：港口和大学',
      '两地都有：钢铁和glass making',
      '正在寻求德国的伙伴',
      '正在寻求欧洲的伙伴',
      '正在寻求伙伴，不限地区',
      '正在寻求其他地区的伙伴',
    ]);
    expect(reasonText('de', samples[1]!)).toBe('Beide: Hafen und Universität');
    expect(reasonText('ja', samples[3]!)).toBe('ドイツのパートナーを募集中');
    for (const lang of LANGS) {
      if (lang === 'en') continue;
      for (const s of samples) {
        const text = reasonText(lang, s);
        expect(text, `${lang} ${JSON.stringify(s)}`).toMatch(/\S/);
        expect(text, `${lang} ${JSON.stringify(s)}`).not.toBe(reasonText('en', s));
      }
      // every controlled keyword and every field has a label (some are the same word as in English: "sport")
      const t = messages(lang).seeking;
      expect(Object.keys(t.keywords)).toEqual(Object.keys(messages('en').seeking.keywords));
      for (const label of [...Object.values(t.keywords), ...Object.values(t.fields)])
        expect(label).toMatch(/\S/);
    }
  });
});
