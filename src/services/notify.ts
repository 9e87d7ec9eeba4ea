import { randomBytes } from 'node:crypto';
import type { User } from '../domain/accounts.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { parseRowId } from '../domain/ids.js';
import type { Organization } from '../domain/organizations.js';
import type { Place } from '../domain/places.js';
import type { NotifyMode, Subscription, TargetType } from '../store/notify-repo.js';
import { TARGET_TYPES } from '../store/notify-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from './orgs.js';
import { MailService } from './mail.js';
import { digestMail, isMailLang, notificationFooter, type Localized, type Message } from './mail-text.js';

/** The address of a user's notification settings: their secret opens it without signing in. */
export const settingsPath = (token: string) => `/notifications/${token}`;
/** Where a mail program stops every notification in one click (List-Unsubscribe). */
export const stopPath = (token: string) => `/notifications/${token}/stop`;

/** A notification mail: the message, then the link that stops or changes such mail, in the user's language. */
async function notificationMail(tx: Store, user: User, baseUrl: string, m: Message) {
  const token = await tx.users.notifyToken(user.id, randomBytes(24).toString('base64url'));
  const base = baseUrl.replace(/\/+$/, '');
  const lang = isMailLang(user.lang) ? user.lang : 'en';
  return {
    to: user.email,
    subject: m.subject,
    body: m.body.trimEnd() + '\n' + notificationFooter(lang, base + settingsPath(token)),
    listUnsubscribe: base + stopPath(token),
  };
}

/** A follow with what it follows, for a page to name it: the place, the organization, or the post. */
export interface FollowView extends Subscription {
  place?: Place;
  org?: Organization;
  post?: { id: number; title: string };
}

/** The notification settings a mailed link opens: whose they are and what they follow. */
export interface NotifySettingsView {
  email: string;
  follows: FollowView[];
}

/**
 * "Notify me": users follow a post's replies, a place or an organization's news; what happens there reaches
 * them at once (a mail through the outbox) or once a day in a digest, once they have confirmed their address.
 */
export class NotifyService {
  constructor(
    private readonly store: Store,
    /** the site's address, for the links in mail */
    private readonly baseUrl: string,
  ) {}

  async follow(
    actor: Actor,
    targetType: string,
    targetId: string,
    mode: string,
    now = new Date(),
  ): Promise<void> {
    if (!(TARGET_TYPES as readonly string[]).includes(targetType))
      throw new ValidationError(
        `"${targetType}" cannot be followed; follow replies, a place or an organization.`,
      );
    if (mode !== 'instant' && mode !== 'daily')
      throw new ValidationError(
        'Choose how to hear: "instant" (a mail each time) or "daily" (one digest a day).',
      );
    await this.checkTarget(targetType as TargetType, targetId);
    await this.store.notify.subscribe(
      actor.user.id,
      targetType as TargetType,
      targetId,
      mode,
      now.toISOString(),
    );
  }

  /** Stops one follow: of a signed-in actor, or of the user a notification link is for. */
  async unfollow(who: Pick<Actor, 'user'>, targetType: string, targetId: string): Promise<void> {
    if (!(TARGET_TYPES as readonly string[]).includes(targetType)) return;
    await this.store.notify.unsubscribe(who.user.id, targetType as TargetType, targetId);
  }

  private async checkTarget(type: TargetType, id: string): Promise<void> {
    const missing = () => new NotFoundError(`There is nothing to follow at ${type} ${id}.`);
    if (type === 'place') {
      if (!(await this.store.places.get(id))) throw missing();
    } else if (type === 'org') {
      const orgId = parseRowId(id);
      if (orgId === null || !(await this.store.orgs.byId(orgId))) throw missing();
    } else {
      const postId = parseRowId(id);
      const e = postId === null ? undefined : await this.store.entries.get(postId);
      if (!e || e.type !== 'post') throw missing();
    }
  }

  /**
   * Tells the followers of any of the targets (except `except`, who caused it): instant followers get a mail in
   * the outbox now, daily ones find it in their next digest. Pass the transaction's store so it lands with the
   * change. Answers how many were told.
   */
  static async tell(
    tx: Store,
    t: {
      targets: { type: TargetType; id: string }[];
      message: Localized;
      /** who caused it, and is not told */
      except: number | null;
      /** the site's address, for the link that stops such mail */
      baseUrl: string;
    },
    now = new Date(),
  ): Promise<number> {
    const { message } = t;
    const followers = await tx.notify.subscribers(t.targets);
    if (t.except !== null) followers.delete(t.except);
    let told = 0;
    for (const [userId, mode] of followers) {
      const user = await tx.users.byId(userId);
      // nothing for a disabled account, nor for an address its owner has not confirmed: signing a stranger's
      // address up must not fill their mailbox
      if (!user || user.disabledAt || !user.emailConfirmedAt) continue;
      // in the reader's language; a digest keeps it as it was written for them
      const lang = isMailLang(user.lang) ? user.lang : 'en';
      const { subject, body } = message(lang);
      let mailedAt: string | null = null;
      if (mode === 'instant') {
        await MailService.queue(tx, await notificationMail(tx, user, t.baseUrl, { subject, body }), now);
        mailedAt = now.toISOString();
      }
      await tx.notify.addNotification({ userId, subject, body, mode, mailedAt }, now.toISOString());
      told++;
    }
    return told;
  }

  /** Puts one digest per user into the outbox with everything they were told since their last one. */
  async sendDigests(now = new Date()): Promise<number> {
    let sent = 0;
    for (const [userId, items] of await this.store.notify.pendingDigests()) {
      const user = await this.store.users.byId(userId);
      if (!user || user.disabledAt || !user.emailConfirmedAt) continue;
      await this.store.transaction(async (tx) => {
        // another server may be sending the same digest: only what this one claims goes out
        const claimed = await tx.notify.claim(
          items.map((i) => i.id),
          now.toISOString(),
        );
        const mine = items.filter((i) => claimed.includes(i.id));
        if (!mine.length) return;
        const mail = digestMail(isMailLang(user.lang) ? user.lang : 'en', user.name, mine);
        await MailService.queue(tx, await notificationMail(tx, user, this.baseUrl, mail), now);
        sent++;
      });
    }
    return sent;
  }

  /** Sends the digests once a day (at the first call a day after the last sending, on any server). */
  async sendDigestsIfDue(now = new Date()): Promise<number> {
    const last = await this.store.meta.get('digest_sent_at');
    if (last && now.getTime() - Date.parse(last) < 86_400_000) return 0;
    await this.store.meta.set('digest_sent_at', now.toISOString());
    return this.sendDigests(now);
  }

  /** The user whose notification links carry this secret; "not found" for any other. */
  async byToken(token: string): Promise<User> {
    const user = /^[\w-]{20,100}$/.test(token) ? await this.store.users.byNotifyToken(token) : undefined;
    if (!user) throw new NotFoundError('This link to notification settings is not (or no longer) good.');
    return user;
  }

  /** Stops every notification of the user whose links carry this secret (the mail's "unsubscribe"). */
  async stopAll(token: string): Promise<NotifySettingsView> {
    const user = await this.byToken(token);
    await this.store.transaction((tx) => tx.notify.unsubscribeAll(user.id));
    return { email: user.email, follows: [] };
  }

  subscriptions(actor: Actor) {
    return this.store.notify.ofUser(actor.user.id);
  }

  /** What a user follows, each with what a page needs to name it. */
  async follows(userId: number): Promise<FollowView[]> {
    return Promise.all(
      (await this.store.notify.ofUser(userId)).map(async (f): Promise<FollowView> => {
        const id = parseRowId(f.targetId);
        if (f.targetType === 'place') return { ...f, place: await this.store.places.get(f.targetId) };
        if (f.targetType === 'org')
          return { ...f, org: id === null ? undefined : await this.store.orgs.byId(id) };
        const post = id === null ? undefined : await this.store.entries.get(id);
        return { ...f, post: post && { id: post.id, title: post.title } };
      }),
    );
  }

  /** The settings page of the user whose notification links carry this secret. */
  async settings(token: string): Promise<NotifySettingsView> {
    const user = await this.byToken(token);
    return { email: user.email, follows: await this.follows(user.id) };
  }

  /** Stops one follow of the user whose notification links carry this secret; what they follow then. */
  async unfollowByToken(token: string, targetType: string, targetId: string): Promise<NotifySettingsView> {
    const user = await this.byToken(token);
    await this.unfollow({ user }, targetType, targetId);
    return { email: user.email, follows: await this.follows(user.id) };
  }

  /** What the actor follows among these targets, to show "following" on pages. */
  async following(actor: Actor | null, type: TargetType, id: string): Promise<NotifyMode | null> {
    if (!actor) return null;
    return (await this.store.notify.get(actor.user.id, type, id))?.mode ?? null;
  }
}
