import type { MailCatalogue } from './en.js';

// The site's mail in Chinese (Simplified script).

const ROLES: Record<string, string> = { editor: '编辑', member: '成员' };
const KINDS: Record<string, string> = { post: '新闻', event: '活动日程', activity: '交流活动' };

export const zh = {
  reset: (p) => ({
    subject: '设置新密码',
    body:
      `${p.name}，您好：\n\n有人（希望是您本人）请求为 ${p.email} 设置新密码。\n` +
      `请在${p.minutes}分钟内打开以下链接设置：\n\n${p.link}\n\n如果不是您本人操作，请忽略此邮件，您的密码不会改变。\n`,
  }),

  confirm: (p) => ({
    subject: '请确认您的电子邮箱',
    body:
      `${p.name}，您好：\n\n有人（希望是您本人）用 ${p.email} 注册了账户。请在${p.days}天内打开以下链接确认这是您的邮箱：\n\n` +
      `${p.link}\n\n确认之前，我们不会向此邮箱发送任何通知。如果不是您本人注册，请忽略此邮件。\n`,
  }),

  emailToNew: (p) => ({
    subject: '确认新的电子邮箱',
    body:
      `${p.name}，您好：\n\n您请求把账户的邮箱从 ${p.from} 改为 ${p.to}。请在${p.hours}小时内打开以下链接确认：\n\n` +
      `${p.link}\n\n如果不是您本人操作，请忽略此邮件，账户不会改变。\n`,
  }),

  emailToOld: (p) => ({
    subject: '账户邮箱即将更改',
    body:
      `${p.name}，您好：\n\n有人用您的密码请求把账户邮箱改为 ${p.to}；新邮箱确认后即生效。\n` +
      '如果不是您本人操作，请立即登录并修改密码。\n',
  }),

  invite: (p) => ({
    subject: `邀请您加入${p.org}`,
    body:
      `${p.by ?? '网站管理员'}邀请您以${ROLES[p.role] ?? p.role}身份加入友城网上的${p.org}。\n\n` +
      `请用本邮箱注册账户并确认邮箱，角色随即生效：\n\n${p.link}\n\n如果您不认识邀请人，请忽略此邮件。\n`,
  }),

  comment: (p) => ({
    subject: `“${p.postTitle}”有新评论`,
    body: `${p.author}写道：\n\n${p.body}\n\n阅读和回复：${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${p.org}${KINDS[p.type] ?? '更新'}：${p.title}`,
    body: `${p.org}发布了“${p.title}”。\n\n阅读全文：${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `每日摘要：${p.items.length}条更新`,
    body:
      `${p.name}，您好：\n\n以下是自上次摘要以来的更新：\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) => `\n-- \n您收到此邮件是因为您在友城网关注了相关内容。停止或更改邮件通知：\n${link}\n`,
} satisfies MailCatalogue;
