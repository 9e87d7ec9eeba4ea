import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { AccountsService } from '../../src/services/accounts.js';
import { ContentService } from '../../src/services/content.js';
import { DataInfoService } from '../../src/services/data-info.js';
import { importFiles } from '../../src/services/import.js';
import { MergeService } from '../../src/services/merge.js';
import { actorOf, SYSTEM } from '../../src/services/orgs.js';
import { PlacesService } from '../../src/services/places.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// A duplicate of Anshan (Q74957) with ties of its own: to Tokyo (Anshan has none: moved), to Malmö (Anshan has
// one: merged into it), and to Anshan itself (removed); a district under it; a duplicate of a duplicate for
// chains of redirects.
const DUPLICATES = [
  {
    name: 'dups.csv',
    content: `id,name,kind,country,parent,names,geonames,source
Q100,An-shan,city,CN,cn-liaoning,zh:鞍山;de:Anschan,2038632,names=https://example.org/anschan | geonames=https://www.geonames.org/2038632 | population=GeoNames
cn-tiedong,Tiedong,district,CN,Q100,,,
x-a,Aheim,city,DE,,,,
x-b,Beheim,city,DE,,,,
x-c,Ceheim,city,DE,,,,
`,
  },
  {
    name: 'dup-ties.csv',
    content: `a,b,kind,signed,status,source,notes,listed_by
Q100,Q1490,sister,2001,active,tie=https://example.org/tokyo,,a
Q100,Q2211,friendship,1990,active,signed=https://example.org/malmo,From the 1989 accord,a
Q100,Q74957,sister,,active,,,both
x-a,Q1715,sister,,active,,,
`,
  },
  {
    name: 'disagreements.csv',
    content: `place,fact,kept,kept_source,other,other_source
Q100,population,,,1500000,dr5hn
`,
  },
];

describe.each(DIALECTS)('merging duplicate places on %s', (dialect) => {
  let t: TestDb;
  let merges: MergeService;
  let ids: {
    malmoDup: number;
    malmoKept: number;
    tokyo: number;
    self: number;
    orgId: number;
    entries: number[];
  };
  let photo: number;
  let followerId: number;
  let versionBefore: number;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, [...fixtureFiles(), ...DUPLICATES]);
    merges = new MergeService(t.store);
    const tie = async (x: string, y: string) => (await t.store.twinnings.between(x, y))!.id;
    const content = new ContentService(t.store);
    const put = (subjectType: 'place' | 'twinning', subjectId: string, key: string, body: string) =>
      content.setSection({ subjectType, subjectId, key, lang: 'en', body });
    await put('place', 'Q100', 'economy', 'Steel.');
    await put('place', 'Q100', 'tourism', 'Temples.');
    await put('place', 'Q74957', 'economy', 'Iron and steel.');
    const malmoDup = await tie('Q100', 'Q2211');
    await put('twinning', String(malmoDup), 'story', 'Signed in 1989.');
    const now = new Date().toISOString();
    const org = await t.store.orgs.create(
      { slug: 'an-shan', name: 'An-shan office', kind: 'commission', homeId: 'Q100', about: '' },
      now,
    );
    const entry = (subjects: { type: 'place' | 'twinning'; id: string }[]) =>
      t.store.entries.create(
        { title: 'Visit', startsAt: null, endsAt: null, data: {}, orgId: org.id, type: 'post', subjects },
        null,
        now,
      );
    const institution = await t.store.entries.create(
      {
        title: 'An-shan Steel University',
        startsAt: null,
        endsAt: null,
        data: { title: 'An-shan Steel University', kind: 'university', place: 'Q100' },
        orgId: org.id,
        type: 'institution',
        subjects: [],
      },
      null,
      now,
    );
    const entries = [
      institution,
      await entry([{ type: 'place', id: 'Q100' }]),
      await entry([
        { type: 'place', id: 'Q100' },
        { type: 'place', id: 'Q74957' },
      ]),
      await entry([{ type: 'twinning', id: String(malmoDup) }]),
    ];
    photo = await t.store.photos.add(
      { orgId: org.id, subjectType: 'place', subjectId: 'Q100', caption: 'Skyline', width: 1, height: 1 },
      [{ variant: 'thumb', mime: 'image/webp', bytes: Buffer.from('x') }],
      null,
      now,
    );
    const follower = await new AccountsService(t.store).addUser({
      email: 'follower@example.org',
      password: 'follower password',
    });
    followerId = follower.id;
    await t.store.notify.subscribe(follower.id, 'place', 'Q100', 'instant', now);
    ids = {
      malmoDup,
      malmoKept: await tie('Q74957', 'Q2211'),
      tokyo: await tie('Q100', 'Q1490'),
      self: await tie('Q100', 'Q74957'),
      orgId: org.id,
      entries,
    };
    versionBefore = await t.store.meta.dataVersion();
  });
  afterAll(async () => t?.drop());

  it('refuses what is not a merge of two duplicates, changing nothing', async () => {
    const refused = async (keep: string, drop: string, type: unknown, message: RegExp) => {
      const e = await merges.merge(keep, drop).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(type);
      expect((e as Error).message).toMatch(message);
    };
    await refused('Q74957', 'Q74957', ValidationError, /cannot be merged into itself/);
    await refused('Q74957', 'nowhere', NotFoundError, /There is no place with id nowhere/);
    await refused('nowhere', 'Q100', NotFoundError, /There is no place with id nowhere/);
    await refused('Q74957', 'CN', ValidationError, /China \(CN\) is a country; countries are not merged/);
    await refused('Q74957', 'cn-liaoning', ValidationError, /Liaoning \(cn-liaoning\) is above Anshan/);
    await refused('Q74957', 'Q79867', ValidationError, /is in US and Anshan \(Q74957\) in CN/);
    const user = await new AccountsService(t.store).addUser({
      email: 'nobody@example.org',
      password: 'nobody password',
    });
    const e = await merges
      .merge('Q74957', 'Q100', { actor: await actorOf(t.store, user) })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(await t.store.places.get('Q100')).toBeDefined();
    expect(await t.store.meta.dataVersion()).toBe(versionBefore);
  });

  it('previews a merge with the figures of the merge itself, changing nothing', async () => {
    const r = await merges.preview('Q74957', 'Q100', { actor: SYSTEM });
    expect(r).toMatchObject({ keep: 'Q74957', drop: 'Q100', tiesMoved: 1, tiesMerged: 1, tiesRemoved: 1 });
    expect(r.children).toBe(1);
    expect(await t.store.places.get('Q100')).toBeDefined();
    expect(await t.store.twinnings.between('Q100', 'Q74957')).toBeDefined();
    expect(await t.store.redirects.resolve('Q100')).toBeUndefined();
    expect(await t.store.revisions.of('place', 'Q74957')).toEqual([]);
    expect(await t.store.meta.dataVersion()).toBe(versionBefore);
    // refused as the merge is
    const e = await merges.preview('Q74957', 'CN').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
  });

  it('moves the ties: re-pointed in canonical order, duplicates merged, the tie between the two removed', async () => {
    const r = await merges.merge('Q74957', 'Q100', {
      actor: SYSTEM,
      reason: 'same city, two Wikidata items',
    });
    expect(r).toMatchObject({ keep: 'Q74957', drop: 'Q100', tiesMoved: 1, tiesMerged: 1, tiesRemoved: 1 });
    expect(await t.store.places.get('Q100')).toBeUndefined();
    // Q100 < Q1490 but Q1490 < Q74957: the sides swap, and "listed by a" (Q100) becomes "listed by b"
    expect(await t.store.twinnings.get(ids.tokyo)).toMatchObject({
      a: 'Q1490',
      b: 'Q74957',
      listedBy: 'b',
      signed: { date: '2001-01-01', precision: 'year' },
      sources: [{ fact: 'tie', url: 'https://example.org/tokyo', citation: null }],
    });
    // Anshan's own tie with Malmö keeps its facts, takes the notes it lacked and the other's source; each side
    // listed one of the two ties, so now both list it
    expect(await t.store.twinnings.get(ids.malmoDup)).toBeUndefined();
    expect(await t.store.twinnings.get(ids.malmoKept)).toMatchObject({
      a: 'Q2211',
      b: 'Q74957',
      kind: 'friendship',
      signed: { date: '1989-01-01', precision: 'year' },
      notes: 'From the 1989 accord',
      listedBy: 'both',
      sources: [{ fact: 'signed', url: 'https://example.org/malmo', citation: null }],
    });
    expect(await t.store.twinnings.get(ids.self)).toBeUndefined();
    const partners = (await t.store.twinnings.forPlace('Q74957')).map((x) => x.partner.id).sort();
    expect(partners).toEqual(['Q1490', 'Q2211', 'Q79867']);
  });

  it('keeps the names, fills the facts the kept place lacked, and moves children and everything else', async () => {
    const anshan = (await t.store.places.get('Q74957'))!;
    expect(anshan.names).toEqual({ zh: '鞍山', ja: '鞍山市', de: 'Anschan', und: 'An-shan' });
    expect(anshan.geonames).toBe(2038632);
    expect(anshan.population).toBe(1199275);
    // sources come along for what was taken (names, geonames), not for the population Anshan kept
    expect(anshan.sources).toEqual([
      { fact: 'names', url: 'https://example.org/anschan', citation: null },
      { fact: 'geonames', url: 'https://www.geonames.org/2038632', citation: null },
    ]);
    expect((await t.store.places.search('Anschan', {}, 5, 0)).map((h) => h.place.id)).toEqual(['Q74957']);
    expect((await t.store.places.get('cn-tiedong'))!.parent).toBe('Q74957');

    const content = new ContentService(t.store);
    const sections = await content.sections('place', 'Q74957');
    expect(sections.get('economy')?.get('en')?.body).toBe('Iron and steel.');
    expect(sections.get('tourism')?.get('en')?.body).toBe('Temples.');
    expect((await content.sections('twinning', String(ids.malmoKept))).get('story')?.get('en')?.body).toBe(
      'Signed in 1989.',
    );
    const [institution, ...others] = ids.entries;
    expect((await t.store.entries.get(institution!))!.data).toMatchObject({ place: 'Q74957' });
    const subjects = await Promise.all(others.map(async (id) => (await t.store.entries.get(id))!.subjects));
    expect(subjects).toEqual([
      [{ type: 'place', id: 'Q74957' }],
      [{ type: 'place', id: 'Q74957' }],
      [{ type: 'twinning', id: String(ids.malmoKept) }],
    ]);
    expect((await t.store.photos.get(photo))!.subjectId).toBe('Q74957');
    expect(await t.store.notify.get(followerId, 'place', 'Q74957')).toBeDefined();
    expect((await t.store.orgs.byId(ids.orgId))!.homeId).toBe('Q74957');
    expect(await new DataInfoService(t.store).disagreementsOf('Q74957')).toEqual([
      {
        place: 'Q74957',
        fact: 'population',
        kept: null,
        keptSource: null,
        other: '1500000',
        otherSource: 'dr5hn',
      },
    ]);
    expect(await t.store.meta.dataVersion()).toBe(versionBefore + 1);
  });

  it('leads the old id to the kept place, and refuses it as a new place', async () => {
    expect(await t.store.redirects.resolve('Q100')).toBe('Q74957');
    expect((await new PlacesService(t.store).movedTo('Q100'))?.name).toBe('Anshan');
    expect(await new PlacesService(t.store).movedTo('Q74957x')).toBeNull();
    expect((await t.store.redirects.from(['Q100'])).get('Q100')).toMatchObject({
      to: 'Q74957',
      reason: 'same city, two Wikidata items',
    });
    const e = await importFiles(t.store, [
      { name: 'p.csv', content: 'id,name,country\nQ100,An-shan,CN\n' },
    ]).catch((x: unknown) => x as ValidationError);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problems[0]).toMatchObject({
      line: 2,
      column: 'id',
      message: expect.stringMatching(
        /Q100 was merged into Q74957 \(same city, two Wikidata items\); use Q74957/,
      ),
    });
    const e2 = await importFiles(t.store, [{ name: 't.csv', content: 'a,b\nQ100,Q1715\n' }]).catch(
      (x: unknown) => x as ValidationError,
    );
    expect((e2 as ValidationError).problems[0]).toMatchObject({
      column: 'a',
      message: expect.stringMatching(/Q100 was merged into Q74957 .*; write Q74957/),
    });
  });

  it('keeps the history: the kept place before and after, the dropped one as it was, the audit log', async () => {
    const kept = await t.store.revisions.of('place', 'Q74957');
    expect(kept.map((r) => r.action)).toEqual(['merge', 'original']);
    expect(JSON.parse(kept[1]!.data)).toMatchObject({ population: '1199275' });
    const dropped = await t.store.revisions.of('place', 'Q100');
    expect(dropped.map((r) => r.action)).toEqual(['merged']);
    const data = JSON.parse(dropped[0]!.data);
    expect(data).toMatchObject({ into: 'Q74957', place: { id: 'Q100', name: 'An-shan', geonames: 2038632 } });
    expect(data.ties).toHaveLength(3);
    expect(data.sectionsDropped).toEqual([
      { subject: 'place/Q100', key: 'economy', lang: 'en', body: 'Steel.' },
    ]);
    expect((await t.store.revisions.of('twinning', String(ids.malmoKept))).map((r) => r.action)).toEqual([
      'merge',
      'original',
    ]);
    const audit = await t.store.users.auditLog(10);
    expect(audit.find((a) => a.action === 'place.merge')).toMatchObject({
      subject: 'place:Q74957',
      detail: expect.stringMatching(
        /Q100 \(An-shan\) merged into Q74957 \(Anshan\): 1 ties moved, 1 merged, 1 removed/,
      ),
    });
  });

  it('follows a chain of redirects after two merges, and says where a merged id went', async () => {
    await merges.merge('x-b', 'x-a');
    await merges.merge('x-c', 'x-b');
    expect(await t.store.redirects.resolve('x-a')).toBe('x-c');
    expect(await t.store.redirects.resolve('x-b')).toBe('x-c');
    expect((await t.store.twinnings.forPlace('x-c')).map((x) => x.partner.id)).toEqual(['Q1715']);
    await expect(merges.merge('Q74957', 'x-a')).rejects.toThrow('x-a was merged into x-c already');
  });
});
