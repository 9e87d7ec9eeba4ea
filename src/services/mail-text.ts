// The words of the site's mail, in the languages the site speaks. Each user gets mail in their own language.
export const MAIL_LANGS = ['en', 'zh'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

export const isMailLang = (v: unknown): v is MailLang => v === 'en' || v === 'zh';

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
    lang === 'zh'
      ? {
          subject: '设置新密码',
          body:
            `${name}，您好：\n\n有人（希望是您本人）请求为 ${email} 设置新密码。\n` +
            `请在${minutes}分钟内打开以下链接设置：\n\n${link}\n\n如果不是您本人操作，请忽略此邮件，您的密码不会改变。\n`,
        }
      : {
          subject: 'Choose a new password',
          body:
            `Hello ${name},\n\nSomeone (we hope you) asked to choose a new password for ${email}.\n` +
            `Open this link within ${minutes} minutes to choose one:\n\n${link}\n\n` +
            'If it was not you, ignore this mail: your password stays as it is.\n',
        };

export const confirmMail =
  (name: string, email: string, link: string, days: number): Localized =>
  (lang) =>
    lang === 'zh'
      ? {
          subject: '请确认您的电子邮箱',
          body:
            `${name}，您好：\n\n有人（希望是您本人）用 ${email} 注册了账户。请在${days}天内打开以下链接确认这是您的邮箱：\n\n` +
            `${link}\n\n确认之前，我们不会向此邮箱发送任何通知。如果不是您本人注册，请忽略此邮件。\n`,
        }
      : {
          subject: 'Confirm your e-mail address',
          body:
            `Hello ${name},\n\nSomeone (we hope you) made an account with ${email}. ` +
            `Open this link within ${days} days to confirm the address is yours:\n\n${link}\n\n` +
            'Until then we send this address no notifications. If it was not you, ignore this mail.\n',
        };

export const commentMail =
  (c: { postTitle: string; author: string; body: string; link: string }): Localized =>
  (lang) =>
    lang === 'zh'
      ? {
          subject: `“${c.postTitle}”有新评论`,
          body: `${c.author}写道：\n\n${c.body}\n\n阅读和回复：${c.link}\n`,
        }
      : {
          subject: `New comment on "${c.postTitle}"`,
          body: `${c.author} wrote:\n\n${c.body}\n\nRead and reply at ${c.link}\n`,
        };

const KIND: Record<MailLang, Record<string, string>> = {
  en: { post: 'News', event: 'Event', activity: 'Activity' },
  zh: { post: '新闻', event: '活动日程', activity: '交流活动' },
};

export const entryMail =
  (e: { org: string; type: string; title: string; link: string }): Localized =>
  (lang) =>
    lang === 'zh'
      ? {
          subject: `${e.org}${KIND.zh[e.type] ?? '更新'}：${e.title}`,
          body: `${e.org}发布了“${e.title}”。\n\n阅读全文：${e.link}\n`,
        }
      : {
          subject: `${KIND.en[e.type] ?? 'New'} from ${e.org}: ${e.title}`,
          body: `${e.org} published "${e.title}".\n\nRead it at ${e.link}\n`,
        };

export const digestMail = (lang: MailLang, name: string, items: Message[]): Message =>
  lang === 'zh'
    ? {
        subject: `每日摘要：${items.length}条更新`,
        body:
          `${name}，您好：\n\n以下是自上次摘要以来的更新：\n\n` +
          items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
      }
    : {
        subject: `Your daily digest: ${items.length} ${items.length === 1 ? 'update' : 'updates'}`,
        body:
          `Hello ${name},\n\nHere is what happened since your last digest:\n\n` +
          items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
      };

/** The end of every notification: why it came, and the link that stops or changes what comes. */
export const notificationFooter = (lang: MailLang, link: string): string =>
  lang === 'zh'
    ? `\n-- \n您收到此邮件是因为您在友城网关注了相关内容。停止或更改邮件通知：\n${link}\n`
    : `\n-- \nYou get this because you follow it on Twinning. To stop or change what you get:\n${link}\n`;
