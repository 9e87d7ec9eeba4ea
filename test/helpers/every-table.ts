import sharp from 'sharp';
import { AccountsService } from '../../src/services/accounts.js';
import { ApiKeysService } from '../../src/services/api-keys.js';
import { CommentsService } from '../../src/services/comments.js';
import { ContentService } from '../../src/services/content.js';
import { DataVersion } from '../../src/services/data-version.js';
import { EntriesService } from '../../src/services/entries.js';
import { FactsService } from '../../src/services/facts.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { SeekingService } from '../../src/services/seeking.js';
import { importFiles } from '../../src/services/import.js';
import { NotifyService } from '../../src/services/notify.js';
import { OrgsService, SYSTEM, actorOf } from '../../src/services/orgs.js';
import { PhotosService } from '../../src/services/photos.js';
import type { Store } from '../../src/store/store.js';
import { fixtureFiles } from './fixtures.js';

const BASE = 'https://twinning.example.org';

/**
 * A database with rows of every kind the site keeps, made as the site makes them: places and ties with names
 * and sources, a section with its history, accounts with sessions, failed sign-ins and a reset link, an
 * organization with roles and an invitation, a post about a place with a photo, comments, a block, follows,
 * a waiting notification, the mail all this queued, and an organization's API key.
 */
export async function fillEveryTable(store: Store): Promise<void> {
  await importFiles(store, fixtureFiles());
  // where facts come from, an old id that now leads elsewhere, and two sources that disagree
  await importFiles(store, [
    {
      name: 'sources.csv',
      content:
        'id,name,source\nQ74957,Anshan,country=https://www.wikidata.org/wiki/Q74957 | GeoNames (geonames.org)\n',
    },
    { name: 'redirects.csv', content: 'from,to,reason\nQ999001,Q74957,the same Wikidata item\n' },
    {
      name: 'disagreements.csv',
      content:
        'place,fact,kept,kept_source,other,other_source\nQ74957,country,CN,Wikidata,TW,coarse borders\n',
    },
  ]);
  const accounts = new AccountsService(store);
  const orgs = new OrgsService(store, BASE);
  const chair = await accounts.addUser({
    email: 'chair@example.org',
    password: 'chair password',
    admin: true,
  });
  const writer = await accounts.addUser({ email: 'writer@example.org', password: 'writer password' });
  const troll = await accounts.addUser({ email: 'troll@example.org', password: 'troll password' });
  const follower = await accounts.addUser({ email: 'follower@example.org', password: 'follower password' });
  await accounts.signIn('chair@example.org', 'chair password', '192.0.2.1');
  // a failed sign-in (counted, and in the audit log)
  await accounts.signIn('writer@example.org', 'a wrong guess', '192.0.2.2').catch(() => null);
  await accounts.requestReset('follower@example.org', '192.0.2.3', BASE);
  await new ContentService(store).setSection({
    subjectType: 'place',
    subjectId: 'Q74957',
    key: 'economy',
    lang: 'en',
    body: 'Steel, and the **Anshan** iron works.',
  });
  const org = await orgs.create(SYSTEM, {
    name: 'Anshan Sister Cities',
    kind: 'commission',
    homeId: 'Q74957',
  });
  await orgs.grant(SYSTEM, org, chair.email, 'editor');
  await orgs.grant(SYSTEM, org, 'invitee@example.org', 'member');
  const post = await new EntriesService(store, BASE).save(
    SYSTEM,
    org,
    'post',
    null,
    { title: 'Delegation from Birmingham', kind: 'news', body: 'They came by train.' },
    [{ type: 'place', id: 'Q79867' }],
  );
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
  await new PhotosService(store).add(SYSTEM, {
    subjectType: 'entry',
    subjectId: String(post),
    caption: 'At the station',
    bytes: jpeg,
  });
  const notify = new NotifyService(store, BASE);
  await notify.follow(await actorOf(store, follower), 'replies', String(post), 'daily');
  const comments = new CommentsService(store, BASE);
  const hello = await comments.add(await actorOf(store, writer), post, {
    body: 'Welcome!',
    followReplies: true,
  });
  await comments.moderate(SYSTEM, hello.id, 'approve');
  const rude = await comments.add(await actorOf(store, troll), post, { body: 'Boring.' });
  await comments.block(SYSTEM, rude.id);
  // profile keywords set in the facts editor, and a "seeking partners" listing
  const facts = new FactsService(store);
  await facts.editPlace(SYSTEM, 'Q74957', { ...(await facts.placeFacts('Q74957')), keywords: 'steel; port' });
  const version = new DataVersion(store);
  await new SeekingService(store, new Gazetteer(store, version), version).publish(SYSTEM, org.slug, {
    countries: 'DE',
    continents: ['EU'],
    fields: ['education'],
    note: 'Vocational training.',
    contactName: 'Li Wei',
    contactEmail: 'partners@anshan.example.cn',
  });
  // a change the Wikidata sync proposed
  await store.proposals.add(
    {
      kind: 'label',
      subjectType: 'place',
      subjectId: 'Q74957',
      fact: 'ko',
      oldValue: null,
      newValue: '안산시',
      payload: { lang: 'ko', label: '안산시' },
      qid: 'Q74957',
      wdRevision: '2301551234',
      wdModified: '2026-11-20T08:12:40Z',
      retrievedAt: '2026-12-01T09:00:00.000Z',
      editorSet: false,
    },
    '2026-12-01T09:00:00.000Z',
  );
  // an organization's API key, used once (its count in the throttle table, its last use)
  const keys = new ApiKeysService(store);
  const { secret } = await keys.create(await actorOf(store, chair), org.slug, 'Commission website');
  const keyActor = (await keys.authenticate(secret))!;
  await keys.take(keyActor, new Date(), () => undefined);
}
