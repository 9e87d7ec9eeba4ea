import { describe, expect, it } from 'vitest';
import { htmlLang, isLang, messages } from '../../src/web/i18n/index.js';

// Japanese and Korean write dates and counts their own way; Korean particles follow the sound of the name.

describe('Japanese and Korean catalogues', () => {
  it('are languages of the site, tagged as such', () => {
    expect(isLang('ja') && isLang('ko')).toBe(true);
    expect([htmlLang('ja'), htmlLang('ko')]).toEqual(['ja', 'ko']);
    expect([messages('ja').nativeName, messages('ko').nativeName]).toEqual(['日本語', '한국어']);
  });
  it('write dates as the language does, as precise as they are known', () => {
    const ja = messages('ja');
    const ko = messages('ko');
    expect(ja.date({ date: '1996-11-05', precision: 'day' })).toBe('1996年11月5日');
    expect(ja.date({ date: '1996-11-01', precision: 'month' })).toBe('1996年11月');
    expect(ja.date({ date: '1996-01-01', precision: 'year' })).toBe('1996年');
    expect(ko.date({ date: '1996-11-05', precision: 'day' })).toBe('1996년 11월 5일');
    expect(ko.date({ date: '1996-11-01', precision: 'month' })).toBe('1996년 11월');
    expect(ja.time('2026-11-24T10:36:00Z')).toBe('2026年11月24日 10:36 UTC');
    expect(ko.time('2026-11-24T10:36:00Z')).toBe('2026년 11월 24일 10:36 UTC');
  });
  it('count with counters, numbers by Intl', () => {
    expect(messages('ja').places.ties(1234)).toBe('1,234件');
    expect(messages('ja').home.homeIntro('横浜市', 8, 7)).toMatch(/^横浜市は7か国の8か所と/);
    expect(messages('ko').places.ties(1)).toBe('1건');
    expect(messages('ko').ties.count(20298)).toBe('결연 20,298건이 해당합니다.');
  });
  it('put the Korean particle that the name takes', () => {
    const ko = messages('ko');
    expect(ko.home.homeIntro('부산', 2, 1)).toMatch(/^부산은 1개국 2곳과/);
    expect(ko.home.homeIntro('대구', 2, 1)).toMatch(/^대구는 /);
    expect(ko.ties.tieTitle('서울', '도쿄')).toBe('서울과 도쿄');
    expect(ko.ties.tieTitle('부산', '시모노세키')).toBe('부산과 시모노세키');
    expect(ko.ties.tieTitle('대구', '히로시마')).toBe('대구와 히로시마');
    expect(ko.places.tiesWith('일본', 154)).toBe('일본과의 결연 154 건');
    expect(ko.sections.writtenIn('영어')).toBe('영어로 작성되었습니다.');
    expect(ko.sections.writtenIn('중국어')).toBe('중국어로 작성되었습니다.');
    expect(ko.entries.backTo('부산')).toBe('부산으로 돌아가기');
  });
});
