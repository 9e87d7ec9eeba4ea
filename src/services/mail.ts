import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

// loaded only when mail is delivered (TWINNING_SMTP_URL): ~14 MB a server keeping mail in the outbox need not hold
const require = createRequire(import.meta.url);
import type { Mail } from '../store/outbox-repo.js';
import type { Store } from '../store/store.js';

export interface MailConfig {
  /** smtp://user:pass@host:port (or smtps://); null keeps mail in the outbox, where admins read it */
  smtpUrl: string | null;
  from: string;
}

/** Minutes to wait before each retry; after the last one the mail is marked failed (an admin can retry it). */
export const RETRY_MINUTES = [1, 5, 15, 60, 240, 720];
/** a mail claimed longer ago than this by a worker that never finished goes back to the queue */
const STALE_MS = 10 * 60_000;

/**
 * Mail goes through the outbox table: written in the same transaction as what caused it, delivered by a worker
 * with retries, so nothing is lost while the mail server is down and nothing is sent for a change that was
 * rolled back. Several app servers may run workers: each mail is claimed by exactly one.
 */
export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly store: Store,
    readonly config: MailConfig,
    transport?: Transporter,
  ) {
    this.transport =
      transport ??
      (config.smtpUrl
        ? (require('nodemailer') as typeof Nodemailer).createTransport(config.smtpUrl, { from: config.from })
        : null);
  }

  /** Whether mail leaves the outbox at all: without a mail server it stays there for admins to read. */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /** Queues a mail; pass the transaction's store so it lands with the change that caused it. */
  static queue(
    tx: Store,
    m: { to: string; subject: string; body: string; listUnsubscribe?: string },
    now = new Date(),
  ): Promise<number> {
    return tx.outbox.add(m, now.toISOString());
  }

  /** Sends what is due; answers how many were sent and how many failed this round. */
  async deliverDue(now = new Date(), batch = 20): Promise<{ sent: number; failed: number }> {
    const out = { sent: 0, failed: 0 };
    if (!this.transport) return out;
    await this.store.outbox.requeueStale(new Date(now.getTime() - STALE_MS).toISOString());
    for (const id of await this.store.outbox.due(now.toISOString(), batch)) {
      const mail = await this.store.outbox.claim(id, now.toISOString());
      if (!mail) continue; // another worker has it
      if (await this.send(mail, now)) out.sent++;
      else out.failed++;
    }
    return out;
  }

  private async send(mail: Mail, now: Date): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        from: this.config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        // notifications can be stopped from the mail program in one click (RFC 2369, RFC 8058)
        ...(mail.listUnsubscribe && {
          list: { unsubscribe: mail.listUnsubscribe },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }),
      });
      await this.store.outbox.markSent(mail.id, new Date().toISOString());
      return true;
    } catch (e) {
      const wait = RETRY_MINUTES[mail.attempts - 1];
      const retryAt = wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
      await this.store.outbox.markFailed(mail.id, (e as Error).message || String(e), retryAt);
      return false;
    }
  }

  /** Delivers due mail every `intervalMs` until stopped; a failing round is logged and the next one tries again. */
  start(intervalMs: number, log: (e: unknown) => void): () => void {
    if (!this.transport) return () => {};
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.deliverDue()
        .catch(log)
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.transport?.close();
    };
  }
}
