import { isDeleted, type User } from '../domain/accounts.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Organization } from '../domain/organizations.js';
import type { SubjectType } from '../domain/sections.js';
import type { Mail, MailStatus } from '../store/outbox-repo.js';
import type { Revision } from '../store/revisions-repo.js';
import type { Store } from '../store/store.js';
import { subjectsOf, type EditSubject } from './editor.js';
import type { MailService } from './mail.js';
import type { Acting } from './orgs.js';
import { SYSTEM } from './orgs.js';

/** A line of the audit log with its people named by address. */
export interface AuditLine {
  at: string;
  /** the acting account's address; null for the command line or nobody signed in */
  who: string | null;
  action: string;
  /** what it was done to: an account's address, or the subject as recorded ("org:3", "email:…") */
  subject: string;
  detail: string | null;
}

/** What an edit in the history was of, named so that a person can tell (and open its history). */
export type EditTarget =
  | { kind: 'section'; subject: EditSubject; key: string; lang: string }
  | { kind: 'facts'; subject: EditSubject }
  | { kind: 'entry'; id: number; title: string }
  | { kind: 'org'; slug: string; name: string }
  /** gone since, or of a kind this list does not know: as recorded */
  | { kind: 'other'; entity: string; entityId: string };

export interface EditLine {
  revision: Revision;
  target: EditTarget;
}

/** Sections' revision ids: "twinning/12/story/en". */
const SECTION_ID = /^(place|country|twinning)\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** The admin area's pages, each in one call; for site admins only. */
export class AdminService {
  constructor(
    private readonly store: Store,
    private readonly mail: MailService,
  ) {}

  private check(actor: Acting): void {
    if (actor !== SYSTEM && !actor.user.isAdmin)
      throw new ForbiddenError('Only a site admin may open the admin area.');
  }

  async overview(actor: Acting): Promise<{ outbox: Record<MailStatus, number> }> {
    this.check(actor);
    return { outbox: await this.store.outbox.counts() };
  }

  async users(actor: Acting): Promise<User[]> {
    this.check(actor);
    return this.store.users.list();
  }

  /** An account that still exists (for the page that deletes it). */
  async user(actor: Acting, id: number): Promise<User> {
    this.check(actor);
    const user = await this.store.users.byId(id);
    if (!user || isDeleted(user)) throw new NotFoundError(`There is no user ${id}.`);
    return user;
  }

  async orgs(actor: Acting): Promise<Organization[]> {
    this.check(actor);
    return this.store.orgs.list();
  }

  /** The newest mail, and whether it leaves the outbox at all (without a mail server it is kept). */
  async outbox(actor: Acting): Promise<{ mails: Mail[]; delivers: boolean }> {
    this.check(actor);
    return { mails: await this.store.outbox.list({ limit: 200 }), delivers: this.mail.delivers };
  }

  async mailView(actor: Acting, id: number): Promise<{ mail: Mail; delivers: boolean }> {
    this.check(actor);
    const mail = await this.store.outbox.get(id);
    if (!mail) throw new NotFoundError(`There is no mail ${id} in the outbox.`);
    return { mail, delivers: this.mail.delivers };
  }

  /** Queues a mail whose delivery failed once more. */
  async retryMail(actor: Acting, id: number, now = new Date()): Promise<void> {
    await this.mailView(actor, id);
    if (!(await this.store.outbox.retry(id, now.toISOString())))
      throw new ValidationError('Only a mail whose delivery failed can be tried again.');
  }

  /** The newest entries of the audit log, with accounts named by their addresses. */
  async audit(actor: Acting, limit = 300): Promise<AuditLine[]> {
    this.check(actor);
    const [rows, users] = await Promise.all([
      this.store.users.auditLog(limit),
      this.store.users.list(10_000),
    ]);
    const emails = new Map(users.map((u) => [u.id, u.email]));
    const who = (id: number) => emails.get(id) ?? `#${id}`;
    return rows.map((r) => {
      const user = r.subject && /^user:(\d+)$/.exec(r.subject);
      return {
        at: r.at,
        who: r.actor_id === null ? null : who(r.actor_id),
        action: r.action,
        subject: user ? who(Number(user[1])) : (r.subject ?? ''),
        detail: r.detail,
      };
    });
  }

  /** The newest edits anywhere, each with what it was of, named (not "section twinning/12/story/en"). */
  async edits(actor: Acting, limit = 200): Promise<EditLine[]> {
    this.check(actor);
    const revisions = await this.store.revisions.recent(limit);
    const subjectRefs: { type: SubjectType; id: string }[] = [];
    const entryIds = new Set<number>();
    const orgIds = new Set<number>();
    for (const r of revisions) {
      const s = r.entity === 'section' ? SECTION_ID.exec(r.entityId) : null;
      if (s) subjectRefs.push({ type: s[1] as SubjectType, id: s[2]! });
      else if (r.entity === 'place')
        subjectRefs.push({ type: 'place', id: r.entityId }, { type: 'country', id: r.entityId });
      else if (r.entity === 'twinning') subjectRefs.push({ type: 'twinning', id: r.entityId });
      else if (r.entity === 'entry' && /^\d+$/.test(r.entityId)) entryIds.add(Number(r.entityId));
      else if (r.entity === 'org' && /^\d+$/.test(r.entityId)) orgIds.add(Number(r.entityId));
    }
    const [subjects, entries, orgs] = await Promise.all([
      subjectsOf(this.store, subjectRefs),
      Promise.all([...entryIds].map((id) => this.store.entries.get(id))),
      Promise.all([...orgIds].map((id) => this.store.orgs.byId(id))),
    ]);
    const entryOf = new Map(entries.flatMap((e) => (e ? [[e.id, e] as const] : [])));
    const orgOf = new Map(orgs.flatMap((o) => (o ? [[o.id, o] as const] : [])));
    const targetOf = (r: Revision): EditTarget | undefined => {
      const s = r.entity === 'section' ? SECTION_ID.exec(r.entityId) : null;
      if (s) {
        const subject = subjects.get(`${s[1]}:${s[2]}`);
        return subject && { kind: 'section', subject, key: s[3]!, lang: s[4]! };
      }
      if (r.entity === 'place' || r.entity === 'twinning') {
        const subject = subjects.get(`${r.entity}:${r.entityId}`) ?? subjects.get(`country:${r.entityId}`);
        return subject && { kind: 'facts', subject };
      }
      if (r.entity === 'entry') {
        const e = entryOf.get(Number(r.entityId));
        return e && { kind: 'entry', id: e.id, title: e.title };
      }
      if (r.entity === 'org') {
        const o = orgOf.get(Number(r.entityId));
        return o && { kind: 'org', slug: o.slug, name: o.name };
      }
      return undefined;
    };
    return revisions.map((revision) => ({
      revision,
      target: targetOf(revision) ?? { kind: 'other', entity: revision.entity, entityId: revision.entityId },
    }));
  }
}
