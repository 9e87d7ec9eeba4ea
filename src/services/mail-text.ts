import { en, type MailCatalogue } from './mail-text/en.js';
import { zh } from './mail-text/zh.js';
import { ja } from './mail-text/ja.js';
import { ko } from './mail-text/ko.js';
import { es } from './mail-text/es.js';
import { ru } from './mail-text/ru.js';
import { de } from './mail-text/de.js';
import { fr } from './mail-text/fr.js';

// The words of the site's mail: one catalogue per language in mail-text/ (English is the source; the others
// are checked against it with `satisfies MailCatalogue`). A language is added by adding its file and naming it
// here. Each user gets mail in their own language (`users.lang`).

const CATALOGUES = { en, zh, ja, ko, de, fr, es, ru } satisfies Record<string, MailCatalogue>;

export type MailLang = keyof typeof CATALOGUES;
export const MAIL_LANGS = Object.keys(CATALOGUES) as MailLang[];
export type { MailCatalogue };

export const isMailLang = (v: unknown): v is MailLang =>
  typeof v === 'string' && Object.hasOwn(CATALOGUES, v);

/** The mail texts of a language. */
export const mailText = (lang: MailLang): MailCatalogue => CATALOGUES[lang];

export interface Message {
  subject: string;
  /** plain text; the link to read more at the end */
  body: string;
}

/** A message in each language, chosen per recipient. */
export type Localized = (lang: MailLang) => Message;

export const resetMail =
  (name: string, email: string, link: string, minutes: number): Localized =>
  (lang) =>
    mailText(lang).reset({ name, email, link, minutes });

export const confirmMail =
  (name: string, email: string, link: string, days: number): Localized =>
  (lang) =>
    mailText(lang).confirm({ name, email, link, days });

/** The two mails of an address change: the link to the new address, a warning to the old one. */
export const emailChangeMails = (name: string, from: string, to: string, link: string, hours: number) => ({
  toNew: (lang: MailLang): Message => mailText(lang).emailToNew({ name, from, to, link, hours }),
  toOld: (lang: MailLang): Message => mailText(lang).emailToOld({ name, to }),
});

/** An invitation to take a role in an organization, to someone without an account yet. */
export const inviteMail =
  (i: { org: string; by: string | null; role: string; link: string }): Localized =>
  (lang) =>
    mailText(lang).invite(i);

export const commentMail =
  (c: { postTitle: string; author: string; body: string; link: string }): Localized =>
  (lang) =>
    mailText(lang).comment(c);

export const entryMail =
  (e: { org: string; type: string; title: string; link: string }): Localized =>
  (lang) =>
    mailText(lang).entry(e);

export const digestMail = (lang: MailLang, name: string, items: Message[]): Message =>
  mailText(lang).digest({ name, items });

/** The end of every notification: why it came, and the link that stops or changes what comes. */
export const notificationFooter = (lang: MailLang, link: string): string => mailText(lang).footer(link);
