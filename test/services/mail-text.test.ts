import { describe, expect, it } from 'vitest';
import { MAIL_LANGS, mailText, confirmMail, resetMail } from '../../src/services/mail-text.js';

// The mail catalogues: every language has every message, and counts take the language's forms.

describe('mail texts', () => {
  it('has Spanish and Russian, each message with a subject and the link in its body', () => {
    expect(MAIL_LANGS).toEqual(expect.arrayContaining(['en', 'zh', 'es', 'ru']));
    for (const lang of MAIL_LANGS) {
      const m = resetMail('Ana', 'ana@example.org', 'https://x.test/r', 60)(lang);
      expect(m.subject.length).toBeGreaterThan(3);
      expect(m.body).toContain('https://x.test/r');
      expect(m.body).toContain('Ana');
    }
  });

  it('writes Spanish counts and greetings', () => {
    expect(resetMail('Ana', 'a@x.test', 'L', 60)('es').body).toMatch(/^Hola, Ana:\n/);
    expect(resetMail('Ana', 'a@x.test', 'L', 60)('es').body).toContain('en los próximos 60 minutos');
    expect(confirmMail('Ana', 'a@x.test', 'L', 1)('es').body).toContain('en el próximo día');
    expect(confirmMail('Ana', 'a@x.test', 'L', 7)('es').body).toContain('en los próximos 7 días');
    const item = { subject: 's', body: 'b' };
    expect(mailText('es').digest({ name: 'Ana', items: [item] }).subject).toBe(
      'Su resumen diario: 1 novedad',
    );
    expect(mailText('es').digest({ name: 'Ana', items: [item, item] }).subject).toBe(
      'Su resumen diario: 2 novedades',
    );
  });

  it('gives Russian counts their one, few and many forms', () => {
    const minutes = (n: number) => resetMail('Анна', 'a@x.test', 'L', n)('ru').body;
    expect(minutes(1)).toContain('в течение 1 минуты');
    expect(minutes(2)).toContain('в течение 2 минут');
    expect(minutes(21)).toContain('в течение 21 минуты');
    expect(minutes(60)).toContain('в течение 60 минут');
    expect(confirmMail('Анна', 'a@x.test', 'L', 1)('ru').body).toContain('в течение 1 дня');
    expect(confirmMail('Анна', 'a@x.test', 'L', 5)('ru').body).toContain('в течение 5 дней');
    const items = (n: number) => Array.from({ length: n }, () => ({ subject: 's', body: 'b' }));
    const digest = (n: number) => mailText('ru').digest({ name: 'Анна', items: items(n) }).subject;
    expect([1, 2, 5, 21].map(digest)).toEqual([
      'Ежедневная сводка: 1 обновление',
      'Ежедневная сводка: 2 обновления',
      'Ежедневная сводка: 5 обновлений',
      'Ежедневная сводка: 21 обновление',
    ]);
    expect(mailText('ru').invite({ org: 'Казань', by: null, role: 'editor', link: 'L' }).body).toContain(
      'в роли редактора',
    );
  });
});
