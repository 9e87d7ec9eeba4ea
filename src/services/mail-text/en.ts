import type { Message } from '../mail-text.js';

// The site's mail in English: the source the other languages are checked against (`satisfies MailCatalogue`).
// Each text is a whole message made from its parts, so a translation may put them in any order.

const ROLES: Record<string, string> = { editor: 'an editor', member: 'a member' };
const KINDS: Record<string, string> = { post: 'News', event: 'Event', activity: 'Activity' };

export const en = {
  /** the link to choose a new password */
  reset: (p: { name: string; email: string; link: string; minutes: number }): Message => ({
    subject: 'Choose a new password',
    body:
      `Hello ${p.name},\n\nSomeone (we hope you) asked to choose a new password for ${p.email}.\n` +
      `Open this link within ${p.minutes} minutes to choose one:\n\n${p.link}\n\n` +
      'If it was not you, ignore this mail: your password stays as it is.\n',
  }),

  /** the link to confirm a new account's address */
  confirm: (p: { name: string; email: string; link: string; days: number }): Message => ({
    subject: 'Confirm your e-mail address',
    body:
      `Hello ${p.name},\n\nSomeone (we hope you) made an account with ${p.email}. ` +
      `Open this link within ${p.days} days to confirm the address is yours:\n\n${p.link}\n\n` +
      'Until then we send this address no notifications. If it was not you, ignore this mail.\n',
  }),

  /** an address change: the link, to the new address */
  emailToNew: (p: { name: string; from: string; to: string; link: string; hours: number }): Message => ({
    subject: 'Confirm your new e-mail address',
    body:
      `Hello ${p.name},\n\nYou asked to move your account from ${p.from} to ${p.to}. ` +
      `Open this link within ${p.hours} hours to confirm:\n\n${p.link}\n\n` +
      'If it was not you, ignore this mail: the account stays as it is.\n',
  }),

  /** an address change: the warning, to the old address */
  emailToOld: (p: { name: string; to: string }): Message => ({
    subject: 'Your account’s e-mail address is about to change',
    body:
      `Hello ${p.name},\n\nSomeone with your password asked to move your account to ${p.to}; ` +
      'it moves once that address is confirmed.\nIf it was not you, sign in and change your password now.\n',
  }),

  /** an invitation to take a role in an organization, to someone without an account yet */
  invite: (p: { org: string; by: string | null; role: string; link: string }): Message => ({
    subject: `You are invited to ${p.org} on Twinning`,
    body:
      `${p.by ?? 'The site’s admins'} invited you to ${p.org} on Twinning as ${ROLES[p.role] ?? p.role}.\n\n` +
      `Sign up with this address and confirm it, and the role is yours:\n\n${p.link}\n\n` +
      'If you do not know who sent this, ignore it.\n',
  }),

  /** a new comment under a post one follows */
  comment: (p: { postTitle: string; author: string; body: string; link: string }): Message => ({
    subject: `New comment on "${p.postTitle}"`,
    body: `${p.author} wrote:\n\n${p.body}\n\nRead and reply at ${p.link}\n`,
  }),

  /** a new post, event or activity of an organization or about a place one follows */
  entry: (p: { org: string; type: string; title: string; link: string }): Message => ({
    subject: `${KINDS[p.type] ?? 'New'} from ${p.org}: ${p.title}`,
    body: `${p.org} published "${p.title}".\n\nRead it at ${p.link}\n`,
  }),

  /** the day's notifications in one mail */
  digest: (p: { name: string; items: Message[] }): Message => ({
    subject: `Your daily digest: ${p.items.length} ${p.items.length === 1 ? 'update' : 'updates'}`,
    body:
      `Hello ${p.name},\n\nHere is what happened since your last digest:\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  /** the end of every notification: why it came, and the link that stops or changes what comes */
  footer: (link: string): string =>
    `\n-- \nYou get this because you follow it on Twinning. To stop or change what you get:\n${link}\n`,
};

export type MailCatalogue = typeof en;
