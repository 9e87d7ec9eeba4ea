import { mkdirSync } from 'node:fs';
import { createContext } from '../src/context.js';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { AccountsService } from '../src/services/accounts.js';
import { importFiles } from '../src/services/import.js';
import { OrgsService, SYSTEM } from '../src/services/orgs.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { fixtureFiles } from '../test/helpers/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

const shots = join(import.meta.dirname, '..', 'var', 'screenshots');
const PASSWORD = 'correct horse battery';

// The main flows of running a program, in Chromium, against a server that delivers its mail to a real SMTP
// server (smtp-server) every fraction of a second.
describe('running a program in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let smtp: SMTPServer;
  const received: { to: string[]; raw: string }[] = [];
  let tie = 0;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    t = await createTestDb('sqlite');
    await importFiles(t.store, fixtureFiles());
    const accounts = new AccountsService(t.store);
    await accounts.addUser({
      email: 'admin@example.org',
      name: 'Ada Admin',
      password: PASSWORD,
      admin: true,
    });
    await accounts.addUser({ email: 'reader@example.org', name: 'Rita Reader', password: PASSWORD });
    await new OrgsService(t.store).create(SYSTEM, {
      name: 'Anshan Sister Cities',
      kind: 'commission',
      homeId: 'Q74957',
    });
    tie = (await t.store.twinnings.between('Q74957', 'Q79867'))!.id;
    app = await buildApp(
      createContext(
        loadConfig({
          TWINNING_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          TWINNING_MAIL_FROM: 'Anshan <office@example.org>',
        }),
        t.store,
      ),
      { mailIntervalMs: 200 },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await t?.drop();
  });

  /** The path of the first link matching `path` in a mail that reached the SMTP server for `to`. */
  async function mailedLink(to: string, path: RegExp): Promise<string> {
    let link = '';
    await expect
      .poll(
        () => {
          for (const m of received.filter((r) => r.to.includes(to))) {
            // quoted-printable may wrap the long link: undo soft line breaks first
            const found = new RegExp(`http://localhost:3000(${path.source})`).exec(
              m.raw.replace(/=\r?\n/g, ''),
            );
            if (found) return (link = found[1]!);
          }
          return '';
        },
        { timeout: 10_000 },
      )
      .not.toBe('');
    return link;
  }

  async function signedIn(email: string, password = PASSWORD): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${base}/signin`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/account`);
    return page;
  }

  it('signs up, and an admin makes the new account an editor of the organization', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('E-mail address').fill('li.wei@example.org');
    await page.getByLabel('Your name').fill('Li Wei');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create an account' }).click();
    // the browser itself refuses a password under the minimum length
    expect(page.url()).toBe(`${base}/signup`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.waitForURL(`${base}/account?done=signup`);
    await expect(page.getByRole('link', { name: 'Li Wei' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('You hold no role in an organization yet.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Please confirm your address').isVisible()).resolves.toBe(true);
    await screenshot(page, join(shots, 'account-unconfirmed.png'));
    // the link to confirm the address arrives by mail; opening it asks for a click
    const link = await mailedLink('li.wei@example.org', /\/confirm\/[\w-]+/);
    await page.goto(base + link);
    await page.getByRole('button', { name: 'Confirm the address' }).click();
    await page.waitForURL(`${base}/account?done=confirmed`);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(
      'Thank you: your address is confirmed.',
    );
    await expect(page.getByText('Please confirm your address').count()).resolves.toBe(0);
    await context.close();

    const admin = await signedIn('admin@example.org');
    await admin.getByRole('link', { name: 'Admin area' }).click();
    await admin.getByRole('link', { name: 'Organizations' }).click();
    await admin.getByRole('link', { name: 'Manage' }).click();
    await admin.getByLabel('E-mail address').fill('li.wei@example.org');
    await admin.getByLabel('Role').selectOption('editor');
    await admin.getByRole('button', { name: 'Add a person' }).click();
    await expect(admin.getByRole('cell', { name: 'li.wei@example.org' }).isVisible()).resolves.toBe(true);
    await screenshot(admin, join(shots, 'org-manage.png'));
    await admin.context().close();
  });

  it("picks an organization's home place from the suggestions while typing its name", async () => {
    const admin = await signedIn('admin@example.org');
    await admin.goto(`${base}/admin/orgs`);
    await admin.getByLabel('Name', { exact: true }).fill('Birmingham Sister Cities');
    const home = admin.getByRole('combobox', { name: 'Home place' });
    await home.pressSequentially('Birm');
    const suggested = admin.getByRole('listbox', { name: 'Suggested places' }).getByRole('option');
    await expect(suggested.first().textContent()).resolves.toContain('Birmingham');
    await home.press('ArrowDown');
    await home.press('Enter');
    // choosing fills the field, and the page stays
    await expect(home.inputValue()).resolves.toBe('Birmingham (Q79867)');
    expect(admin.url()).toBe(`${base}/admin/orgs`);
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(`${base}/orgs/birmingham-sister-cities/manage`);
    expect((await t.store.orgs.bySlug('birmingham-sister-cities'))!.homeId).toBe('Q79867');
    await admin.context().close();
  });

  it('edits a profile section, and the public page shows it', async () => {
    const page = await signedIn('li.wei@example.org', 'a long enough password');
    await page.goto(`${base}/places/Q74957/anshan`);
    await page.getByRole('link', { name: 'Edit these sections' }).click();
    await page.getByRole('link', { name: 'Economy' }).click();
    await page
      .getByLabel('Text (Markdown)')
      .fill('Steel and **machinery**.\n\n- Angang Steel\n- jade carving');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Saved.');
    await screenshot(page, join(shots, 'edit-section.png'));
    const anon = await browser.newPage();
    await anon.goto(`${base}/places/Q74957/anshan`);
    await expect(anon.locator('section.prose strong').first().textContent()).resolves.toBe('machinery');
    await anon.close();
    await page.context().close();
  });

  it("adds an activity on a tie, and it appears in the tie's dated log", async () => {
    const page = await signedIn('li.wei@example.org', 'a long enough password');
    await page.goto(`${base}/orgs/anshan-sister-cities/manage`);
    await page.getByRole('link', { name: 'Activities' }).click();
    await page.getByRole('link', { name: 'Add an activity' }).click();
    await page.getByLabel('Title').fill('Steel delegation to Birmingham');
    await page.getByLabel('Kind').selectOption('delegation-out');
    await page.getByLabel('Date', { exact: true }).fill('2026-10-12');
    await page.getByLabel('Last day').fill('2026-10-09');
    await page.getByLabel('Other participants').fill('Angang Steel\nMayor Zhang');
    await page.getByLabel('Anshan – Birmingham').check();
    await page.getByRole('button', { name: 'Save' }).click();
    // the last day before the first: said beside the field, the rest kept
    await expect(page.getByText('Last day: is before the first day').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Steel delegation to Birmingham');
    await page.getByLabel('Last day').fill('2026-10-16');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Saved.');
    await screenshot(page, join(shots, 'activity-form.png'));
    await page.goto(`${base}/ties/${tie}`);
    const log = page.locator('section[aria-labelledby="h-activities"] li');
    await expect(log.first().textContent()).resolves.toContain('Oct. 12, 2026 – Oct. 16, 2026');
    await expect(log.first().textContent()).resolves.toContain('Steel delegation to Birmingham');
    await page.context().close();
  });

  it('comments, moderates and replies; the reply reaches the reader through the outbox and SMTP', async () => {
    const editor = await signedIn('li.wei@example.org', 'a long enough password');
    await editor.goto(`${base}/orgs/anshan-sister-cities/entries/post/new`);
    await editor.getByLabel('Title').fill('Thirty years with Birmingham');
    await editor.getByLabel('Kind').selectOption('news');
    await editor.getByLabel('Text (Markdown)').fill('Signed on **Nov. 5, 1996**.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByRole('status').textContent()).resolves.toBe('Saved.');
    const postUrl = await editor.getByRole('link', { name: 'Back' }).getAttribute('href');

    const reader = await signedIn('reader@example.org');
    await reader.goto(base + postUrl!);
    await reader.getByLabel('Write a comment').fill('Congratulations from Birmingham!');
    await expect(reader.getByLabel('Notify me of replies by e-mail').isChecked()).resolves.toBe(true);
    await reader.getByRole('button', { name: 'Send' }).click();
    await expect(reader.getByRole('status').textContent()).resolves.toBe(
      'Thank you. Your comment will appear once an editor has read it.',
    );

    await editor.goto(`${base}/moderation`);
    await expect(editor.getByText('Congratulations from Birmingham!').isVisible()).resolves.toBe(true);
    await screenshot(editor, join(shots, 'moderation.png'));
    await editor.getByRole('button', { name: 'Approve' }).click();
    await expect(editor.getByText('Nothing is waiting.').isVisible()).resolves.toBe(true);
    await editor.goto(base + postUrl!);
    await editor.getByText('Reply', { exact: true }).click();
    await editor.getByLabel('Reply to Rita Reader').fill('Thank you, Rita!');
    await editor.getByRole('button', { name: 'Send' }).first().click();
    await expect(editor.getByRole('status').textContent()).resolves.toBe('Your comment is published.');
    await screenshot(editor, join(shots, 'post-comments.png'));

    // the mail server receives the notification (the worker runs every 200 ms), as a mail client reads it
    await expect
      .poll(() => received.filter((m) => m.to.includes('reader@example.org')).length, { timeout: 10_000 })
      .toBe(1);
    const mail = await simpleParser(received.find((m) => m.to.includes('reader@example.org'))!.raw);
    expect(mail.subject).toBe('New comment on "Thirty years with Birmingham"');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Anshan', address: 'office@example.org' });
    expect(mail.text).toContain('Li Wei wrote:\n\nThank you, Rita!');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/news\/\d+#comment-\d+/);
    // and an admin sees it in the outbox, delivered
    const admin = await signedIn('admin@example.org');
    await admin.goto(`${base}/admin/outbox`);
    const row = admin.getByRole('row', { name: /reader@example\.org New comment/ });
    await expect(row.textContent()).resolves.toContain('sent');
    await screenshot(admin, join(shots, 'outbox.png'));
    for (const p of [editor, reader, admin]) await p.context().close();
    // three browsers, eight pages and a mail delivery: ~9 s alone, past 30 s once beside the whole suite
  }, 60_000);

  it('resets a forgotten password with the link that arrives by mail', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill('reader@example.org');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'a link to choose a new password is on its way',
    );
    const link = await mailedLink('reader@example.org', /\/reset\/[\w-]+/);
    await page.goto(base + link);
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(`${base}/signin?reset=1`);
    await page.getByLabel('E-mail address').fill('reader@example.org');
    await page.getByLabel('Password').fill('a brand new password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/account`);
    await context.close();
  });
});
