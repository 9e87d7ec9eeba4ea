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

/** The two mails of an address change: the link to the new address, a warning to the old one. */
export const emailChangeMails = (name: string, from: string, to: string, link: string, hours: number) => ({
  toNew: (lang: MailLang): Message =>
    lang === 'zh'
      ? {
          subject: '确认新的电子邮箱',
          body:
            `${name}，您好：\n\n您请求把账户的邮箱从 ${from} 改为 ${to}。请在${hours}小时内打开以下链接确认：\n\n` +
            `${link}\n\n如果不是您本人操作，请忽略此邮件，账户不会改变。\n`,
        }
      : {
          subject: 'Confirm your new e-mail address',
          body:
            `Hello ${name},\n\nYou asked to move your account from ${from} to ${to}. ` +
            `Open this link within ${hours} hours to confirm:\n\n${link}\n\n` +
            'If it was not you, ignore this mail: the account stays as it is.\n',
        },
  toOld: (lang: MailLang): Message =>
    lang === 'zh'
      ? {
          subject: '账户邮箱即将更改',
          body:
            `${name}，您好：\n\n有人用您的密码请求把账户邮箱改为 ${to}；新邮箱确认后即生效。\n` +
            '如果不是您本人操作，请立即登录并修改密码。\n',
        }
      : {
          subject: 'Your account’s e-mail address is about to change',
          body:
            `Hello ${name},\n\nSomeone with your password asked to move your account to ${to}; ` +
            'it moves once that address is confirmed.\nIf it was not you, sign in and change your password now.\n',
        },
});

const ROLE_NAMES: Record<MailLang, Record<string, string>> = {
  en: { editor: 'an editor', member: 'a member' },
  zh: { editor: '编辑', member: '成员' },
};

/** An invitation to take a role in an organization, to someone without an account yet. */
export const inviteMail =
  (i: { org: string; by: string | null; role: string; link: string }): Localized =>
  (lang) =>
    lang === 'zh'
      ? {
          subject: `邀请您加入${i.org}`,
          body:
            `${i.by ?? '网站管理员'}邀请您以${ROLE_NAMES.zh[i.role] ?? i.role}身份加入友城网上的${i.org}。\n\n` +
            `请用本邮箱注册账户并确认邮箱，角色随即生效：\n\n${i.link}\n\n如果您不认识邀请人，请忽略此邮件。\n`,
        }
      : {
          subject: `You are invited to ${i.org} on Twinning`,
          body:
            `${i.by ?? 'The site’s admins'} invited you to ${i.org} on Twinning as ${ROLE_NAMES.en[i.role] ?? i.role}.\n\n` +
            `Sign up with this address and confirm it, and the role is yours:\n\n${i.link}\n\n` +
            'If you do not know who sent this, ignore it.\n',
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
