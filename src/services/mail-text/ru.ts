import type { MailCatalogue } from './en.js';

// The site's mail in Russian (on «вы», as program offices write to the public). Counts take the form the
// numeral asks for: 1 минута, 2 минуты, 5 минут, 21 минута.

const ROLES: Record<string, string> = { editor: 'редактора', member: 'участника' };
const KINDS: Record<string, string> = { post: 'Новость', event: 'Событие', activity: 'Мероприятие' };
const rules = new Intl.PluralRules('ru');
const num = new Intl.NumberFormat('ru');
/** n with the noun in its form: one (1, 21), few (2–4, 22), many (5–20, 25); fractions as few */
const count = (n: number, one: string, few: string, many: string) =>
  `${num.format(n)} ${{ one, few, many }[rules.select(n) as 'one' | 'few' | 'many'] ?? few}`;

export const ru = {
  reset: (p) => ({
    subject: 'Новый пароль',
    body:
      `Здравствуйте, ${p.name}!\n\nКто-то (надеемся, что вы) попросил задать новый пароль для ${p.email}.\n` +
      `Откройте эту ссылку в течение ${count(p.minutes, 'минуты', 'минут', 'минут')}, чтобы задать его:\n\n${p.link}\n\n` +
      'Если это были не вы, просто не обращайте внимания на это письмо: пароль останется прежним.\n',
  }),

  confirm: (p) => ({
    subject: 'Подтвердите адрес электронной почты',
    body:
      `Здравствуйте, ${p.name}!\n\nКто-то (надеемся, что вы) создал учётную запись с адресом ${p.email}. ` +
      `Откройте эту ссылку в течение ${count(p.days, 'дня', 'дней', 'дней')}, чтобы подтвердить, что адрес ваш:\n\n${p.link}\n\n` +
      'До этого мы не будем присылать на этот адрес уведомления. Если это были не вы, не обращайте внимания на это письмо.\n',
  }),

  emailToNew: (p) => ({
    subject: 'Подтвердите новый адрес электронной почты',
    body:
      `Здравствуйте, ${p.name}!\n\nВы попросили перенести учётную запись с ${p.from} на ${p.to}. ` +
      `Откройте эту ссылку в течение ${count(p.hours, 'часа', 'часов', 'часов')}, чтобы подтвердить:\n\n${p.link}\n\n` +
      'Если это были не вы, не обращайте внимания на это письмо: учётная запись останется прежней.\n',
  }),

  emailToOld: (p) => ({
    subject: 'Адрес почты вашей учётной записи скоро изменится',
    body:
      `Здравствуйте, ${p.name}!\n\nКто-то с вашим паролем попросил перенести учётную запись на ${p.to}; ` +
      'она перейдёт туда, как только этот адрес будет подтверждён.\nЕсли это были не вы, войдите и немедленно смените пароль.\n',
  }),

  invite: (p) => ({
    subject: `Приглашение в организацию «${p.org}» на Twinning`,
    body:
      `${p.by ?? 'Администрация сайта'} приглашает вас в организацию «${p.org}» на Twinning в роли ${ROLES[p.role] ?? p.role}.\n\n` +
      `Зарегистрируйтесь с этим адресом и подтвердите его — и роль станет вашей:\n\n${p.link}\n\n` +
      'Если вы не знаете, кто это прислал, не обращайте внимания на письмо.\n',
  }),

  comment: (p) => ({
    subject: `Новый комментарий к «${p.postTitle}»`,
    body: `${p.author} пишет:\n\n${p.body}\n\nЧитать и ответить: ${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${KINDS[p.type] ?? 'Новое'} — ${p.org}: ${p.title}`,
    body: `${p.org}: опубликовано «${p.title}».\n\nЧитать: ${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `Ежедневная сводка: ${count(p.items.length, 'обновление', 'обновления', 'обновлений')}`,
    body:
      `Здравствуйте, ${p.name}!\n\nВот что произошло со времени прошлой сводки:\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \nВы получили это письмо, потому что подписаны на это на Twinning. Отписаться или изменить подписку:\n${link}\n`,
} satisfies MailCatalogue;
