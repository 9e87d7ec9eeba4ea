import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../src/services/accounts.js';
import { MailService, RETRY_MINUTES } from '../../src/services/mail.js';
import { OrgsService, SYSTEM, actorOf } from '../../src/services/orgs.js';
import { importFiles } from '../../src/services/import.js';
import { EntriesService } from '../../src/services/entries.js';
import { CommentsService } from '../../src/services/comments.js';
import { NotifyService } from '../../src/services/notify.js';
import { PhotosService } from '../../src/services/photos.js';
import sharp from 'sharp';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it receives, or refuses it while `refuse` is set. */
async function smtpSink() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        if (state.refuse)
          return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(DIALECTS)('running a program: throttling, resets, outbox, organizations on %s', (dialect) => {
  let t: TestDb;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    sink = await smtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await t?.drop();
  });

  it('counts attempts per bucket within a window', async () => {
    await t.store.users.addAttempt('signin:ip:1.2.3.4', '2026-11-24T10:00:00.000Z');
    await t.store.users.addAttempt('signin:ip:1.2.3.4', '2026-11-24T10:10:00.000Z');
    await t.store.users.addAttempt('signin:ip:5.6.7.8', '2026-11-24T10:10:00.000Z');
    expect(await t.store.users.attempts('signin:ip:1.2.3.4', '2026-11-24T09:59:00.000Z')).toBe(2);
    expect(await t.store.users.attempts('signin:ip:1.2.3.4', '2026-11-24T10:05:00.000Z')).toBe(1);
    await t.store.users.removeAttemptsBefore('2026-11-24T10:05:00.000Z');
    expect(await t.store.users.attempts('signin:ip:1.2.3.4', '2000-01-01')).toBe(1);
  });

  it('mails a reset link that works once, within the hour', async () => {
    const accounts = new AccountsService(t.store);
    await accounts.addUser({ email: 'reset@example.org', password: 'first password' });
    const now = new Date('2026-11-24T10:00:00Z');
    await accounts.requestReset('reset@example.org', '1.1.1.1', 'https://twinning.example.org/', now);
    const [mail] = await t.store.outbox.list({ limit: 1, to: 'reset@example.org' });
    const token = /https:\/\/twinning\.example\.org\/reset\/([\w-]+)/.exec(mail!.body)![1]!;
    expect(await accounts.resetTokenValid(token, new Date('2026-11-24T11:00:01Z'))).toBe(false);
    expect(await accounts.resetTokenValid(token, now)).toBe(true);
    await accounts.resetPassword(token, 'second password', now);
    await expect(accounts.resetPassword(token, 'third password', now)).rejects.toThrow(
      'This link has expired or was used already.',
    );
    expect(await accounts.checkPassword('reset@example.org', 'second password')).not.toBeNull();
  });

  it('delivers the outbox through SMTP, each mail once, even with two workers at a time', async () => {
    const mail = new MailService(t.store, { smtpUrl: sink.url, from: 'Twinning <no-reply@example.org>' });
    expect(mail.delivers).toBe(true);
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await MailService.queue(
        t.store,
        { to: `reader${i}@example.org`, subject: `News ${i}`, body: `Hello ${i}` },
        now,
      );
    const [a, b] = await Promise.all([mail.deliverDue(now), mail.deliverDue(now)]);
    expect(a.sent + b.sent).toBe(5 + 1); // and the reset mail of the test before
    const ours = sink.received.filter((r) => r.to[0]!.startsWith('reader'));
    expect(ours.map((r) => r.to[0]).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `reader${i}@example.org`));
    expect(ours[0]!.from).toBe('no-reply@example.org');
    expect(ours.find((r) => r.to[0] === 'reader3@example.org')!.raw).toMatch(/Subject: News 3[\s\S]*Hello 3/);
    expect((await t.store.outbox.counts()).sent).toBe(6);
    // nothing left to send
    expect(await mail.deliverDue(now)).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps mail and tries again later while the mail server refuses it or is down', async () => {
    const mail = new MailService(t.store, { smtpUrl: sink.url, from: 'no-reply@example.org' });
    const now = new Date('2030-01-01T00:00:00Z');
    const id = await MailService.queue(
      t.store,
      { to: 'later@example.org', subject: 'Digest', body: 'Text' },
      now,
    );
    sink.state.refuse = true;
    expect(await mail.deliverDue(now)).toEqual({ sent: 0, failed: 1 });
    let m = (await t.store.outbox.get(id))!;
    expect(m).toMatchObject({ status: 'queued', attempts: 1 });
    expect(m.lastError).toMatch(/Mailbox unavailable/);
    expect(m.nextAttemptAt).toBe('2030-01-01T00:01:00.000Z');
    // not due yet: nothing happens
    expect(await mail.deliverDue(new Date('2030-01-01T00:00:30Z'))).toEqual({ sent: 0, failed: 0 });
    sink.state.refuse = false;
    expect(await mail.deliverDue(new Date('2030-01-01T00:01:00Z'))).toEqual({ sent: 1, failed: 0 });
    expect((await t.store.outbox.get(id))!).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    // a server that is not there at all: every retry fails, then the mail is marked failed and kept
    const down = new MailService(t.store, { smtpUrl: 'smtp://127.0.0.1:9', from: 'no-reply@example.org' });
    const lost = await MailService.queue(t.store, { to: 'down@example.org', subject: 'S', body: 'B' }, now);
    let at = now;
    for (let i = 0; i <= RETRY_MINUTES.length; i++) {
      expect((await down.deliverDue(at)).failed).toBe(1);
      m = (await t.store.outbox.get(lost))!;
      at = new Date(m.nextAttemptAt);
    }
    expect(m).toMatchObject({ status: 'failed', attempts: RETRY_MINUTES.length + 1 });
    expect(m.lastError).toMatch(/ECONNREFUSED|connect/i);
    // an admin puts it back in the queue
    expect(await t.store.outbox.retry(lost, at.toISOString())).toBe(true);
    expect((await t.store.outbox.get(lost))!.status).toBe('queued');
  });

  it('keeps mail in the outbox when no mail server is configured', async () => {
    const keep = new MailService(t.store, { smtpUrl: null, from: 'no-reply@example.org' });
    expect(keep.delivers).toBe(false);
    const id = await MailService.queue(t.store, { to: 'kept@example.org', subject: 'Kept', body: 'B' });
    expect(await keep.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect((await t.store.outbox.get(id))!.status).toBe('queued');
  });

  it('keeps organizations and roles, and checks permissions against the home and its ties', async () => {
    const accounts = new AccountsService(t.store);
    const orgs = new OrgsService(t.store);
    const ed = await accounts.addUser({ email: 'ed@example.org', password: 'editor password' });
    const org = await orgs.create(SYSTEM, {
      name: 'Anshan Sister Cities',
      kind: 'commission',
      homeId: 'Q74957',
    });
    expect(org).toMatchObject({ slug: 'anshan-sister-cities', homeId: 'Q74957', about: '' });
    await expect(orgs.create(SYSTEM, { name: 'Anshan sister cities!', kind: 'commission' })).rejects.toThrow(
      'The address /orgs/anshan-sister-cities is taken',
    );
    await orgs.grant(SYSTEM, org, 'ED@example.org', 'editor');
    const actor = await actorOf(t.store, ed);
    expect(actor.roles.get(org.id)).toBe('editor');
    expect(await orgs.can.mayEditPlace(actor, 'Q74957')).toBe(true);
    expect(await orgs.can.mayEditPlace(actor, 'Q79867')).toBe(true); // a partner
    expect(await orgs.can.mayEditPlace(actor, 'Q1715')).toBe(false);
    const tie = (await t.store.twinnings.between('Q74957', 'Q79867'))!;
    const other = (await t.store.twinnings.between('Q1715', 'Q1490'))!;
    expect(await orgs.can.mayEditTie(actor, tie.id)).toBe(true);
    expect(await orgs.can.mayEditTie(actor, other.id)).toBe(false);
    await expect(orgs.create(actor, { name: 'Mine', kind: 'other' })).rejects.toThrow('Only a site admin');
    await orgs.grant(SYSTEM, org, 'ed@example.org', 'member');
    const member = await actorOf(t.store, ed);
    expect(await orgs.can.mayEditPlace(member, 'Q74957')).toBe(false);
    await orgs.revoke(SYSTEM, org, ed.id);
    expect((await t.store.orgs.rolesOf(ed.id)).size).toBe(0);
    const log = (await t.store.users.auditLog(5)).map((e) => [e.action, e.detail]);
    expect(log.slice(0, 3)).toEqual([
      ['role.revoke', 'anshan-sister-cities'],
      ['role.grant', 'anshan-sister-cities:member'],
      ['role.grant', 'anshan-sister-cities:editor'],
    ]);
  });

  it('keeps entries with what they are about, and finds them by subject, date and organization', async () => {
    const org = await new OrgsService(t.store).create(SYSTEM, {
      name: 'Entries Test',
      kind: 'other',
      homeId: 'Q74957',
    });
    const entries = new EntriesService(t.store, 'https://twinning.example.org');
    const tie = (await t.store.twinnings.between('Q74957', 'Q79867'))!;
    const a1 = await entries.save(
      SYSTEM,
      org,
      'activity',
      null,
      { title: 'Old visit', kind: 'exchange', date: '1999' },
      [{ type: 'twinning', id: String(tie.id) }],
    );
    const a2 = await entries.save(
      SYSTEM,
      org,
      'activity',
      null,
      { title: 'New visit', kind: 'exchange', date: '2024-05-02' },
      [{ type: 'place', id: 'Q79867' }],
    );
    await entries.save(
      SYSTEM,
      org,
      'activity',
      null,
      { title: 'Elsewhere', kind: 'exchange', date: '2025' },
      [{ type: 'place', id: 'Q1715' }],
    );
    const about = [
      { type: 'place' as const, ids: ['Q79867'] },
      { type: 'twinning' as const, ids: [String(tie.id)] },
    ];
    const found = await t.store.entries.latest(['activity'], { limit: 10, about });
    expect(found.map((e) => e.id)).toEqual([a2, a1]);
    expect(await t.store.entries.count(['activity'], about)).toBe(2);
    // a page further on, and nothing about no subject at all
    expect(
      (await t.store.entries.latest(['activity'], { limit: 1, offset: 1, about })).map((e) => e.id),
    ).toEqual([a1]);
    expect(
      await t.store.entries.latest(['activity'], { limit: 10, about: [{ type: 'place', ids: [] }] }),
    ).toEqual([]);
    expect(await t.store.entries.count(['activity'], [{ type: 'place', ids: [] }])).toBe(0);
    expect(found[1]!.subjects).toEqual([{ type: 'twinning', id: String(tie.id) }]);
    expect(found[1]!.data.date).toEqual({ date: '1999-01-01', precision: 'year' });

    const now = new Date('2030-06-01T00:00:00Z');
    const ev = (title: string, starts: string, ends = '') =>
      entries.save(SYSTEM, org, 'event', null, { title, starts, ends, timezone: 'America/Chicago' }, [], now);
    await ev('Past', '2030-05-01T10:00');
    await ev('Running', '2030-05-31T10:00', '2030-06-02T10:00');
    await ev('Later', '2030-07-04T18:30');
    const soon = await t.store.entries.upcoming(now.toISOString(), { limit: 10, orgId: org.id });
    expect(soon.map((e) => e.title)).toEqual(['Running', 'Later']);
    // 18:30 in Chicago in July is 23:30 UTC
    expect(soon[1]!.startsAt).toBe('2030-07-04T23:30:00Z');

    const p1 = await entries.save(
      SYSTEM,
      org,
      'post',
      null,
      { title: 'First', kind: 'news', body: 'x' },
      [],
      new Date('2030-01-01T00:00:00Z'),
    );
    const p2 = await entries.save(
      SYSTEM,
      org,
      'post',
      null,
      { title: 'Second', kind: 'news', body: 'y' },
      [],
      new Date('2030-02-01T00:00:00Z'),
    );
    expect((await t.store.entries.latest(['post'], { limit: 5, orgId: org.id })).map((e) => e.id)).toEqual([
      p2,
      p1,
    ]);
    expect(
      (await t.store.entries.latest(['post'], { limit: 5, offset: 1, orgId: org.id })).map((e) => e.id),
    ).toEqual([p1]);
    // editing keeps the publishing time
    await entries.save(
      SYSTEM,
      org,
      'post',
      p1,
      { title: 'First, edited', kind: 'news', body: 'x' },
      [],
      new Date('2031-01-01T00:00:00Z'),
    );
    expect((await t.store.entries.get(p1))!.startsAt).toBe('2030-01-01T00:00:00.000Z');
    await expect(
      entries.save(
        SYSTEM,
        org,
        'event',
        null,
        { title: 'Gap', starts: '2030-03-10T02:30', timezone: 'America/Chicago' },
        [],
      ),
    ).rejects.toThrow('2030-03-10T02:30 does not exist in America/Chicago');
    // deleting an entry takes its photos with it
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const photo = await new PhotosService(t.store).add(SYSTEM, {
      subjectType: 'entry',
      subjectId: String(a1),
      caption: 'Visit',
      bytes: jpeg,
    });
    expect(await t.store.photos.file(photo, 'thumb')).toBeDefined();
    // each organization keeps photos up to its quota, counted over every stored size
    const used = await t.store.photos.bytesOf(org.id);
    const stored = await Promise.all(['large', 'thumb'].map((v) => t.store.photos.file(photo, v)));
    expect(used).toBe(stored.reduce((n, f) => n + f!.bytes.length, 0));
    const tight = new PhotosService(t.store, undefined, used + 10);
    await expect(
      tight.add(SYSTEM, { subjectType: 'entry', subjectId: String(a1), caption: 'Another', bytes: jpeg }),
    ).rejects.toThrow(/keeps 0\.0 MB of photos; this one \(0\.0 MB\) would pass its 0\.0 MB\. Remove photos/);
    expect(await t.store.photos.bytesOf(org.id)).toBe(used);
    await entries.remove(SYSTEM, a1);
    expect(await t.store.photos.get(photo)).toBeUndefined();
    expect(await t.store.photos.file(photo, 'thumb')).toBeUndefined();
  });

  it('moderates comments and tells followers once, with digests claimed by one sender', async () => {
    const accounts = new AccountsService(t.store);
    const org = (await t.store.orgs.bySlug('entries-test'))!;
    const post = (await t.store.entries.latest(['post'], { limit: 1, orgId: org.id }))[0]!;
    const writer = await accounts.addUser({ email: 'writer@example.org', password: 'writer password' });
    const follower = await accounts.addUser({ email: 'follower@example.org', password: 'follower password' });
    const comments = new CommentsService(t.store, 'https://twinning.example.org');
    const notify = new NotifyService(t.store, 'https://twinning.example.org');
    const followerActor = await actorOf(t.store, follower);
    await notify.follow(followerActor, 'replies', String(post.id), 'daily');
    await notify.follow(followerActor, 'org', String(org.id), 'instant');
    // the stronger wish wins when one change concerns two things followed
    expect(
      await t.store.notify.subscribers([
        { type: 'replies', id: String(post.id) },
        { type: 'org', id: String(org.id) },
      ]),
    ).toEqual(new Map([[follower.id, 'instant']]));
    const c = await comments.add(await actorOf(t.store, writer), post.id, {
      body: 'Hello',
      followReplies: true,
    });
    expect(c.status).toBe('pending');
    expect(
      (await comments.queue(await actorOf(t.store, (await t.store.users.byEmail('ed@example.org'))!))).length,
    ).toBe(0);
    await comments.moderate(SYSTEM, c.id, 'approve');
    await expect(comments.moderate(SYSTEM, c.id, 'reject')).rejects.toThrow('decided on already');
    expect((await t.store.comments.ofEntry(post.id, 'approved')).map((x) => x.body)).toEqual(['Hello']);
    // the follower of replies hears in the digest; two senders at once send it once
    const [x, y] = await Promise.all([notify.sendDigests(), notify.sendDigests()]);
    expect(x + y).toBe(1);
    const digests = await t.store.outbox.list({ limit: 10, to: 'follower@example.org' });
    expect(digests.map((m) => m.subject)).toEqual(['Your daily digest: 1 update']);
    expect(digests[0]!.body).toContain('writer wrote:\n\nHello');
    // it ends with the link to the follower's settings, and goes out with a one-click List-Unsubscribe
    expect(digests[0]!.body).toMatch(
      /To stop or change what you get:\nhttps:\/\/twinning\.example\.org\/notifications\/[\w-]+\n$/,
    );
    const mail = new MailService(t.store, { smtpUrl: sink.url, from: 'Twinning <no-reply@example.org>' });
    await mail.deliverDue(new Date(Date.now() + 86_400_000));
    const raw = sink.received.find((r) => r.to[0] === 'follower@example.org')!.raw.replace(/\r\n\s+/g, ' ');
    expect(raw).toMatch(/List-Unsubscribe: <https:\/\/twinning\.example\.org\/notifications\/[\w-]+\/stop>/);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // a writer who deletes the account leaves the comment, under "Former member"
    await accounts.deleteAccount(writer, 'writer password');
    expect((await t.store.comments.ofEntry(post.id, 'approved')).map((x) => [x.userName, x.body])).toEqual([
      ['Former member', 'Hello'],
    ]);
  });

  it('keeps invitations until an account with the address is confirmed, the last role asked for winning', async () => {
    const orgs = new OrgsService(t.store, 'https://twinning.example.org');
    const org = (await t.store.orgs.bySlug('entries-test'))!;
    expect(await orgs.grant(SYSTEM, org, 'Invitee@example.org', 'member')).toBe('invited');
    expect(await orgs.grant(SYSTEM, org, 'invitee@example.org', 'editor')).toBe('invited');
    expect((await t.store.orgs.invitesOf(org.id)).map((i) => [i.email, i.role])).toEqual([
      ['invitee@example.org', 'editor'],
    ]);
    const [mail] = await t.store.outbox.list({ limit: 1, to: 'invitee@example.org' });
    expect(mail!.body).toContain('https://twinning.example.org/signup?email=invitee%40example.org');
    const invitee = await new AccountsService(t.store).addUser({
      email: 'invitee@example.org',
      password: 'invitee pw 1',
    });
    expect((await t.store.orgs.rolesOf(invitee.id)).get(org.id)).toBe('editor');
    expect(await t.store.orgs.invitesOf(org.id)).toEqual([]);
    expect(await orgs.grant(SYSTEM, org, 'invitee@example.org', 'member')).toBe('granted');
  });

  it('moves an account to a new address with the link sent there, within a day', async () => {
    const accounts = new AccountsService(t.store);
    const now = new Date('2026-11-24T10:00:00Z');
    const user = await accounts.addUser({ email: 'old@example.org', password: 'mover password' });
    const oldSecret = await t.store.users.notifyToken(user.id, 'secret-mailed-to-the-old-address');
    await accounts.requestEmailChange(
      user,
      { email: 'new@example.org', password: 'mover password' },
      'https://twinning.example.org',
      now,
    );
    const [mail] = await t.store.outbox.list({ limit: 1, to: 'new@example.org' });
    const token = /\/account\/email\/([\w-]+)/.exec(mail!.body)![1]!;
    expect(await accounts.emailChangeOf(token, new Date('2026-11-25T10:00:01Z'))).toBeNull();
    expect(await accounts.emailChangeOf(token, now)).toMatchObject({ email: 'new@example.org' });
    expect((await accounts.changeEmail(token, now)).email).toBe('new@example.org');
    await expect(accounts.changeEmail(token, now)).rejects.toThrow(
      'This link has expired or was used already.',
    );
    expect(await t.store.users.byEmail('old@example.org')).toBeUndefined();
    // the links mailed to the old address no longer open the notification settings
    expect(await t.store.users.byNotifyToken(oldSecret)).toBeUndefined();
  });

  it('confirms a signed-up address with its link, once, within the week', async () => {
    const accounts = new AccountsService(t.store);
    const now = new Date('2026-11-24T10:00:00Z');
    const user = await accounts.signUp(
      { email: 'joiner@example.org', password: 'joiner password' },
      '9.9.9.9',
      'https://twinning.example.org',
      now,
    );
    expect(user.emailConfirmedAt).toBeNull();
    const [mail] = await t.store.outbox.list({ limit: 1, to: 'joiner@example.org' });
    const token = /https:\/\/twinning\.example\.org\/confirm\/([\w-]+)/.exec(mail!.body)![1]!;
    // a confirmation link is no reset link
    expect(await accounts.resetTokenValid(token, now)).toBe(false);
    expect(await accounts.confirmationUser(token, new Date('2026-12-01T10:00:01Z'))).toBeNull();
    expect((await accounts.confirmationUser(token, now))?.email).toBe('joiner@example.org');
    const confirmed = await accounts.confirmEmail(token, now);
    expect(confirmed.emailConfirmedAt).toBe(now.toISOString());
    await expect(accounts.confirmEmail(token, now)).rejects.toThrow(
      'This link has expired or was used already.',
    );
    expect((await t.store.users.byEmail('joiner@example.org'))!.emailConfirmedAt).toBe(now.toISOString());
    // expired links are cleared away; the others stay
    await accounts.resendConfirmation(
      (await accounts.addUser(
        { email: 'late@example.org', password: 'late password' },
        null,
        now,
        'https://x',
      ))!,
      'https://x',
      now,
    );
    const before = await t.store.users.removeExpiredTokens(new Date('2026-11-25T10:00:00Z').toISOString());
    expect(before).toBeGreaterThanOrEqual(1); // the reset link of the earlier test, an hour long
    const [late] = await t.store.outbox.list({ limit: 1, to: 'late@example.org' });
    const lateToken = /\/confirm\/([\w-]+)/.exec(late!.body)![1]!;
    expect(await accounts.confirmationUser(lateToken, now)).not.toBeNull();
    // a week on: joiner's (used) link and late's two
    expect(await t.store.users.removeExpiredTokens(new Date('2026-12-02T10:00:00Z').toISOString())).toBe(3);
    expect(await accounts.confirmationUser(lateToken, now)).toBeNull();
  });
});
