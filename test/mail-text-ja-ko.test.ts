import { describe, expect, it } from 'vitest';
import {
  MAIL_LANGS,
  commentMail,
  confirmMail,
  digestMail,
  entryMail,
  inviteMail,
  mailText,
  resetMail,
} from '../src/services/mail-text.js';

// The mail in Japanese and Korean: every message of the English catalogue, with the parts put in.

describe('mail in Japanese and Korean', () => {
  it('is offered', () => {
    expect(MAIL_LANGS).toEqual(expect.arrayContaining(['ja', 'ko']));
    expect(Object.keys(mailText('ja')).sort()).toEqual(Object.keys(mailText('en')).sort());
    expect(Object.keys(mailText('ko')).sort()).toEqual(Object.keys(mailText('en')).sort());
  });
  it('puts the name, the address, the link and the time limit in', () => {
    const ja = resetMail('山田', 'yamada@example.jp', 'https://x.test/r/1', 60)('ja');
    expect(ja.subject).toBe('新しいパスワードの設定');
    expect(ja.body).toMatch(/^山田 様\n/);
    expect(ja.body).toContain('60分以内に次のリンクを開いて');
    expect(ja.body).toContain('yamada@example.jp');
    expect(ja.body).toContain('\n\nhttps://x.test/r/1\n\n');
    const ko = confirmMail('김민지', 'minji@example.kr', 'https://x.test/c/1', 7)('ko');
    expect(ko.subject).toBe('이메일 주소를 확인해 주세요');
    expect(ko.body).toMatch(/^김민지 님, 안녕하세요\.\n/);
    expect(ko.body).toContain('7일 안에 다음 링크를 열어');
    expect(ko.body).toContain('\n\nhttps://x.test/c/1\n\n');
  });
  it('names the role and the kind of entry in the language', () => {
    const invite = { org: '横浜市国際局', by: null, role: 'editor', link: 'https://x.test/i' };
    expect(inviteMail(invite)('ja').body).toContain(
      'サイト管理者から、姉妹都市ネットの「横浜市国際局」に編集者として招待されました。',
    );
    expect(inviteMail({ ...invite, org: '부산시', by: '이수진' })('ko').body).toContain(
      '이수진 님이 자매도시넷의 부산시에 편집자로 초대했습니다.',
    );
    expect(entryMail({ org: '부산시', type: 'event', title: '항구 축제', link: 'l' })('ko')).toEqual({
      subject: '부산시 행사: 항구 축제',
      body: '부산시에서 ‘항구 축제’를 게시했습니다.\n\n읽기: l\n',
    });
    expect(
      commentMail({ postTitle: '交流会', author: '佐藤', body: 'いいですね', link: 'l' })('ja').subject,
    ).toBe('「交流会」に新しいコメント');
  });
  it('counts the digest with the counter', () => {
    const items = [
      { subject: 'a', body: 'b' },
      { subject: 'c', body: 'd' },
    ];
    expect(digestMail('ja', '山田', items).subject).toBe('毎日のまとめ：更新2件');
    expect(digestMail('ko', '김민지', items).subject).toBe('오늘의 모음: 새 소식 2건');
  });
});
