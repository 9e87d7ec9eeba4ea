import type { Kysely, Selectable } from 'kysely';
import type { DB, OutboxTable } from './schema.js';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface Mail {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** for the List-Unsubscribe header of a notification */
  listUnsubscribe: string | null;
}

const toMail = (r: Selectable<OutboxTable>): Mail => ({
  id: r.id,
  to: r.to_addr,
  subject: r.subject,
  body: r.body,
  createdAt: r.created_at,
  status: r.status as MailStatus,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
  listUnsubscribe: r.list_unsubscribe,
});

/** Mail waiting to be delivered, and what was delivered. */
export class OutboxRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(
    m: { to: string; subject: string; body: string; listUnsubscribe?: string },
    now: string,
  ): Promise<number> {
    const r = await this.db
      .insertInto('outbox')
      .values({
        to_addr: m.to,
        subject: m.subject,
        body: m.body,
        list_unsubscribe: m.listUnsubscribe ?? null,
        created_at: now,
        status: 'queued',
        next_attempt_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async list(opts: { limit: number; to?: string; status?: MailStatus }): Promise<Mail[]> {
    let q = this.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(opts.limit);
    if (opts.to) q = q.where('to_addr', '=', opts.to);
    if (opts.status) q = q.where('status', '=', opts.status);
    return (await q.execute()).map(toMail);
  }

  async get(id: number): Promise<Mail | undefined> {
    const r = await this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toMail(r) : undefined;
  }

  /** Ids of queued mail due at `now`, oldest first. */
  async due(now: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Takes a queued mail for sending; undefined if another worker took it first. A mail left in `sending` by a
   * crashed worker is put back by `requeueStale`.
   */
  async claim(id: number, now: string): Promise<Mail | undefined> {
    const r = await this.db
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: now }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    return r ? toMail(r) : undefined;
  }

  async markSent(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: now, last_error: null })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: number, error: string, retryAt: string | null): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        status: retryAt ? 'queued' : 'failed',
        last_error: error.slice(0, 1000),
        ...(retryAt ? { next_attempt_at: retryAt } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Mail a worker claimed before `before` and never finished (it stopped): back in the queue. */
  async requeueStale(before: string): Promise<number> {
    const r = await this.db
      .updateTable('outbox')
      .set({ status: 'queued' })
      .where('status', '=', 'sending')
      .where('next_attempt_at', '<=', before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Puts failed mail back in the queue (an admin's "retry"). */
  async retry(id: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('outbox')
      .set({ status: 'queued', next_attempt_at: now })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async counts(): Promise<Record<MailStatus, number>> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const r of rows) out[r.status as MailStatus] = Number(r.n);
    return out;
  }
}
