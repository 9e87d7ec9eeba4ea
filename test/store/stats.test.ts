import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/services/import.js';
import { DataVersion } from '../../src/services/data-version.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { StatsService } from '../../src/services/stats.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { provinceFiles } from '../helpers/province.js';

// from the database (the command line) and from the app's gazetteer (the server): the same figures
const WAYS = DIALECTS.flatMap((d) => [[d, 'the database'] as const, [d, 'the gazetteer'] as const]);

describe.each(WAYS)('statistics of a province on %s, from %s', (dialect, way) => {
  let t: TestDb;
  let stats: StatsService;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, provinceFiles());
    stats = new StatsService(
      t.store,
      {},
      way === 'the gazetteer' ? new Gazetteer(t.store, new DataVersion(t.store)) : undefined,
    );
  });
  afterAll(async () => t?.drop());

  it('rolls up the province, its cities and its district, each tie once, partners outside only', async () => {
    const { stats: s } = await stats.forPlace('anhui', { international: true, since: '2018-01-01' });
    expect(s.total).toBe(59);
    expect(s.countries).toBe(15);
    expect(s.byLevel).toEqual({ region: 12, city: 45, district: 2 });
    expect(s.byContinent).toEqual({ AS: 18, EU: 17, NA: 10, OC: 7, SA: 4, AF: 3 });
    expect(s.byCountry).toEqual({
      JP: 10,
      US: 8,
      KR: 7,
      AU: 5,
      DE: 5,
      IT: 5,
      FR: 4,
      BR: 3,
      RU: 3,
      CA: 2,
      NZ: 2,
      ZA: 2,
      AR: 1,
      EG: 1,
      TR: 1,
    });
    expect(s.unknownYear).toBe(4);
    expect(s.firstYear).toBe(1980);
    expect(s.sinceCount).toBe(3);
    expect(s.byYear[0]).toEqual({ year: 1980, new: 1, cumulative: 1 });
    expect(s.byYear.find((y) => y.year === 1985)).toEqual({ year: 1985, new: 0, cumulative: 1 });
    expect(s.byYear[s.byYear.length - 1]).toEqual({ year: 2020, new: 1, cumulative: 55 });
  });

  it('counts domestic ties unless asked for international ones only', async () => {
    const all = (await stats.forPlace('anhui')).stats;
    expect(all.total).toBe(60);
    expect(all.byCountry.CN).toBe(1);
    const domestic = (await stats.forPlace('anhui', { international: false })).stats;
    expect(domestic.total).toBe(1);
    // seen from Hefei alone, the tie with Wuhu crosses its boundary and counts
    const hefei = (await stats.forPlace('hefei', { international: false })).stats;
    // Nanjing, Wuhu and Anhui itself with Hefei, and Bengbu with Hefei's district Baohe
    expect(hefei.total).toBe(4);
  });

  it('counts ended and proposed ties only when asked', async () => {
    expect((await stats.forPlace('anhui', { status: ['ended'] })).stats.total).toBe(2);
    expect((await stats.forPlace('anhui', { status: ['proposed'] })).stats.total).toBe(35);
    expect((await stats.forPlace('anhui', { status: ['active', 'ended', 'proposed'] })).stats.total).toBe(97);
    expect(await t.store.twinnings.count()).toBe(100);
  });

  it('shows the picture on a past date: ties signed by then and not yet ended', async () => {
    const { stats: s } = await stats.forPlace('anhui', { asOf: '2000-12-31' });
    // 23 active international ties signed by 2000, and the tie with pe1 (1985–2005); the tie with pe2 ended
    // on an unknown date and cannot be placed; the 4 without a year are left out and reported.
    expect(s.total).toBe(24);
    expect(s.excludedUndated).toBe(4);
    expect((await stats.forPlace('anhui', { asOf: '2006-01-01' })).stats.total).toBe(23 + 2 * 5 + 1);
    // a year-precision date counts once the whole year has passed
    expect((await stats.forPlace('anhui', { asOf: '1980-06-30' })).stats.total).toBe(0);
    expect((await stats.forPlace('anhui', { asOf: '1980-12-31' })).stats.total).toBe(1);
  });

  it('filters by kind', async () => {
    expect((await stats.forPlace('anhui', { kind: 'friendship' })).stats.total).toBe(0);
  });

  it('writes the paragraph in English, sentence by sentence', async () => {
    const r = await stats.forPlace('anhui', { international: true, since: '2018-01-01' });
    const text = await stats.paragraph(r, 'en');
    const sentences = text.split(/(?<=\.) /);
    expect(sentences).toEqual([
      'Anhui is twinned with 59 places in 15 countries.',
      '12 were established at the regional level, 45 at the city level, and 2 at the district level.',
      '18 are in Asia, 17 in Europe, 10 in North America, 7 in Oceania, 4 in South America, and 3 in Africa.',
      '10 are in Japan, 8 in the United States, 7 in South Korea, 5 in Australia, Germany, and Italy each, ' +
        '4 in France, and the rest in 8 other countries.',
      'The first tie was made in 1980; new ties followed in 29 other years up to 2020.',
      'Since January 1, 2018, 3 ties have been added.',
      'For 4 ties the year is not known.',
    ]);
  });

  it('writes the paragraph in Simplified Chinese', async () => {
    const r = await stats.forPlace('anhui', { international: true, since: '2018-01-01' });
    expect(await stats.paragraph(r, 'zh')).toBe(
      '安徽省共有59个友好城市，分布在15个国家。' +
        '其中省级12个，市级45个，区级2个。' +
        '亚洲18个，欧洲17个，北美洲10个，大洋洲7个，南美洲4个，非洲3个。' +
        '日本10个，美国8个，韩国7个，澳大利亚、德国和意大利各5个，法国4个，其余分布在另外8个国家。' +
        '第一对友好关系建立于1980年。' +
        '2018年1月1日以来新增3个。' +
        '其中4个的建立年份不详。',
    );
  });
});
