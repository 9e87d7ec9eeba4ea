import type { MailCatalogue } from './en.js';

// The site's mail in Japanese (polite style, addressed with 様).

const ROLES: Record<string, string> = { editor: '編集者', member: 'メンバー' };
const KINDS: Record<string, string> = { post: 'ニュース', event: 'イベント', activity: '交流活動' };

export const ja = {
  reset: (p) => ({
    subject: '新しいパスワードの設定',
    body:
      `${p.name} 様\n\n${p.email} のアカウントについて、新しいパスワードの設定が依頼されました（ご本人による依頼であることを願っています）。\n` +
      `${p.minutes}分以内に次のリンクを開いて、新しいパスワードを設定してください：\n\n${p.link}\n\n` +
      'お心当たりがない場合は、このメールを無視してください。パスワードは変わりません。\n',
  }),

  confirm: (p) => ({
    subject: 'メールアドレスの確認',
    body:
      `${p.name} 様\n\n${p.email} でアカウントが作成されました（ご本人によるものであることを願っています）。` +
      `${p.days}日以内に次のリンクを開いて、このアドレスがご本人のものであることを確認してください：\n\n${p.link}\n\n` +
      '確認が済むまで、このアドレスにお知らせは送りません。お心当たりがない場合は、このメールを無視してください。\n',
  }),

  emailToNew: (p) => ({
    subject: '新しいメールアドレスの確認',
    body:
      `${p.name} 様\n\nアカウントのメールアドレスを ${p.from} から ${p.to} に変更するよう依頼がありました。` +
      `${p.hours}時間以内に次のリンクを開いて確定してください：\n\n${p.link}\n\n` +
      'お心当たりがない場合は、このメールを無視してください。アカウントは変わりません。\n',
  }),

  emailToOld: (p) => ({
    subject: 'アカウントのメールアドレスが変更されようとしています',
    body:
      `${p.name} 様\n\nあなたのパスワードを使って、アカウントのメールアドレスを ${p.to} に変更する依頼がありました。` +
      '新しいアドレスが確認されると変更されます。\nお心当たりがない場合は、今すぐログインしてパスワードを変更してください。\n',
  }),

  invite: (p) => ({
    subject: `姉妹都市ネットの「${p.org}」へのご招待`,
    body:
      `${p.by ? `${p.by}さん` : 'サイト管理者'}から、姉妹都市ネットの「${p.org}」に${ROLES[p.role] ?? p.role}として招待されました。\n\n` +
      `このメールアドレスで登録して確認すると、役割が与えられます：\n\n${p.link}\n\n` +
      '送り主にお心当たりがない場合は、このメールを無視してください。\n',
  }),

  comment: (p) => ({
    subject: `「${p.postTitle}」に新しいコメント`,
    body: `${p.author}さんのコメント：\n\n${p.body}\n\n読む・返信する：${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${p.org}の${KINDS[p.type] ?? 'お知らせ'}：${p.title}`,
    body: `${p.org}が「${p.title}」を公開しました。\n\n続きを読む：${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `毎日のまとめ：更新${p.items.length}件`,
    body:
      `${p.name} 様\n\n前回のまとめ以降の更新をお知らせします。\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \n姉妹都市ネットでフォローしているため、このメールをお送りしています。配信の停止・変更はこちら：\n${link}\n`,
} satisfies MailCatalogue;
