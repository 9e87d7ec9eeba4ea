import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { AccountsService } from '../../src/services/accounts.js';
import { DataVersion } from '../../src/services/data-version.js';
import { FactsService } from '../../src/services/facts.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { importFiles } from '../../src/services/import.js';
import { OrgsService, SYSTEM, actorOf } from '../../src/services/orgs.js';
import { SeekingService, type ListingForm } from '../../src/services/seeking.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const FORM: ListingForm = {
  countries: 'de, fr',
  continents: ['EU'],
  fields: ['education', 'trade'],
  note: '  Vocational training and trade fairs.  ',
  contactName: ' Li  Wei ',
  contactEmail: 'Partners@Anshan.example.cn',
};

describe.each(DIALECTS)('profile keywords and seeking listings on %s', (dialect) => {
  let t: TestDb;
  let version: DataVersion;
  let seeking: SeekingService;
  let gazetteer: Gazetteer;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    version = new DataVersion(t.store, 0);
    gazetteer = new Gazetteer(t.store, version);
    seeking = new SeekingService(t.store, gazetteer, version);
    const orgs = new OrgsService(t.store);
    await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    await orgs.create(SYSTEM, { name: 'Hanover Partners', kind: 'association', homeId: 'Q1715' });
    await orgs.create(SYSTEM, { name: 'Homeless Club', kind: 'other' });
  });
  afterAll(() => t.drop());

  it('keeps keywords per place in order, replaces them, and reads them all at once', async () => {
    await t.store.keywords.set('Q74957', ['steel', 'port', 'glass making']);
    await t.store.keywords.set('Q1715', ['automotive']);
    expect(await t.store.keywords.of('Q74957')).toEqual(['steel', 'port', 'glass making']);
    await t.store.keywords.set('Q74957', ['port', 'steel']);
    expect(await t.store.keywords.of('Q74957')).toEqual(['port', 'steel']);
    const all = await t.store.keywords.all();
    expect(Object.fromEntries(all)).toEqual({ Q1715: ['automotive'], Q74957: ['port', 'steel'] });
    await t.store.keywords.set('Q1715', []);
    expect(await t.store.keywords.of('Q1715')).toEqual([]);
  });

  it('writes keywords with the facts: a revision holding them, the data version bumped, the gazetteer updated', async () => {
    const facts = new FactsService(t.store, version);
    const before = await t.store.meta.versions();
    await facts.editPlace(SYSTEM, 'Q74957', {
      ...(await facts.placeFacts('Q74957')),
      keywords: 'Port; harbour, University, heritage site',
    });
    expect(await t.store.keywords.of('Q74957')).toEqual(['port', 'university', 'heritage']);
    expect((await t.store.meta.versions()).registry).toBeGreaterThan(before.registry);
    const [latest, original] = await t.store.revisions.of('place', 'Q74957');
    expect(JSON.parse(latest!.data)).toMatchObject({ keywords: 'port; university; heritage' });
    expect(JSON.parse(original!.data)).toMatchObject({ keywords: 'port; steel' });
    expect((await gazetteer.snapshot()).keywords.get('Q74957')).toEqual(['port', 'university', 'heritage']);
    // restoring the earlier facts puts the earlier keywords back (controlled ones in their own order)
    await facts.restore(SYSTEM, original!.id);
    expect(await t.store.keywords.of('Q74957')).toEqual(['steel', 'port']);
    // a wrong keyword writes nothing
    await expect(
      facts.editPlace(SYSTEM, 'Q74957', { ...(await facts.placeFacts('Q74957')), keywords: 'ok, x' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await t.store.keywords.of('Q74957')).toEqual(['steel', 'port']);
    // facts without keywords (a country's form, an older revision) keep them
    const { keywords: _, ...withoutKeywords } = await facts.placeFacts('Q74957');
    await facts.editPlace(SYSTEM, 'Q74957', { ...withoutKeywords, leader_name: 'Someone' });
    expect(await t.store.keywords.of('Q74957')).toEqual(['steel', 'port']);
  });

  it('publishes, changes, lists and withdraws a listing, each with its revision and audit entry', async () => {
    const published = await seeking.publish(SYSTEM, 'anshan-office', FORM, new Date('2026-12-01T10:00:00Z'));
    expect(published).toMatchObject({
      status: 'open',
      countries: ['DE', 'FR'],
      continents: ['EU'],
      fields: ['education', 'trade'],
      note: 'Vocational training and trade fairs.',
      contactName: 'Li Wei',
      contactEmail: 'partners@anshan.example.cn',
    });
    await seeking.publish(
      SYSTEM,
      'hanover-partners',
      { ...FORM, countries: '', continents: [] },
      new Date('2026-12-01T11:00:00Z'),
    );
    // newest first; anonymous readers get no contact
    const anon = await seeking.list({}, false);
    expect(anon.map((l) => l.place.id)).toEqual(['Q1715', 'Q74957']);
    expect(anon.every((l) => l.contact === null)).toBe(true);
    expect((await seeking.list({}, true))[1]!.contact).toEqual({
      name: 'Li Wei',
      email: 'partners@anshan.example.cn',
    });
    expect((await seeking.list({ continent: 'AS' }, false)).map((l) => l.place.id)).toEqual(['Q74957']);
    expect((await seeking.list({ country: 'DE' }, false)).map((l) => l.place.id)).toEqual(['Q1715']);
    expect(await seeking.list({ field: 'health' }, false)).toEqual([]);
    expect((await seeking.byPlace()).get('Q74957')?.orgSlug).toBe('anshan-office');
    // changing keeps one listing per organization
    const changed = await seeking.publish(SYSTEM, 'anshan-office', { ...FORM, fields: ['youth'] });
    expect(changed.id).toBe(published.id);
    expect(changed.createdAt).toBe(published.createdAt);
    await seeking.withdraw(SYSTEM, 'anshan-office');
    expect((await seeking.list({}, false)).map((l) => l.place.id)).toEqual(['Q1715']);
    expect((await t.store.seeking.ofOrg(published.orgId))?.status).toBe('closed');
    await expect(seeking.withdraw(SYSTEM, 'anshan-office')).rejects.toBeInstanceOf(NotFoundError);
    const revs = await t.store.revisions.of('seeking', String(published.id));
    expect(revs.map((r) => r.action)).toEqual(['withdraw', 'edit', 'create']);
    const audit = JSON.stringify(await t.store.users.auditLog(50));
    expect(audit).toContain('seeking.publish');
    expect(audit).toContain('seeking.withdraw');
    // publishing again reopens it
    await seeking.publish(SYSTEM, 'anshan-office', FORM);
    expect((await seeking.list({}, false)).map((l) => l.place.id).sort()).toEqual(['Q1715', 'Q74957']);
  });

  it('refuses listings that are wrong, of organizations without a home, and of other editors', async () => {
    const bad = await seeking
      .publish(SYSTEM, 'anshan-office', { ...FORM, countries: 'XX', fields: [], contactEmail: 'nope' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).problems.map((p) => p.column)).toEqual([
      'countries',
      'fields',
      'contactEmail',
    ]);
    await expect(seeking.publish(SYSTEM, 'homeless-club', FORM)).rejects.toThrow(/has no home place/);
    await expect(seeking.publish(SYSTEM, 'no-such-org', FORM)).rejects.toBeInstanceOf(NotFoundError);
    const accounts = new AccountsService(t.store);
    const user = await accounts.addUser({
      email: `editor-${dialect}@example.org`,
      password: 'a long password',
    });
    const hanover = (await t.store.orgs.bySlug('hanover-partners'))!;
    await new OrgsService(t.store).grant(SYSTEM, hanover, user.email, 'editor');
    const editor = await actorOf(t.store, user);
    await expect(seeking.publish(editor, 'anshan-office', FORM)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(seeking.withdraw(editor, 'anshan-office')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(seeking.editor(editor, 'anshan-office')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await seeking.editor(editor, 'hanover-partners')).home?.id).toBe('Q1715');
  });

  it('moves keywords to the place kept when places merge, and drops them with a removed place', async () => {
    await t.store.keywords.set('Q503361', ['port', 'fishing']);
    await t.store.keywords.set('Q2211', ['port', 'university']);
    await t.store.transaction((tx) => tx.merges.moveRefs('place', 'Q503361', 'Q2211'));
    expect(await t.store.keywords.of('Q2211')).toEqual(['port', 'university', 'fishing']);
    await t.store.keywords.set('Q1000001', ['wine']);
    await t.store.places.remove('Q1000001');
    expect(await t.store.keywords.of('Q1000001')).toEqual([]);
  });
});
