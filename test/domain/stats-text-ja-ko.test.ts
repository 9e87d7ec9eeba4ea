import { describe, expect, it } from 'vitest';
import { computeStats, type StatTie } from '../../src/domain/stats.js';
import { statsParagraph } from '../../src/domain/stats-text/index.js';
import { josa } from '../../src/domain/korean.js';

// The same fixtures as the English paragraph's tests (stats.test.ts), written in Japanese and Korean.

let nextId = 1;
function tie(partnerCountry: string | null, signed: string | null, extra: Partial<StatTie> = {}): StatTie {
  return {
    id: nextId++,
    kind: 'sister',
    status: 'active',
    signed: signed
      ? {
          date: signed.length === 4 ? `${signed}-01-01` : signed,
          precision: signed.length === 4 ? 'year' : 'day',
        }
      : null,
    ended: null,
    localId: 'home',
    localKind: 'city',
    localCountry: 'NL',
    partnerId: `p${nextId}`,
    partnerCountry,
    ...extra,
  };
}
const names = (lang: 'ja' | 'ko') => {
  const dn = new Intl.DisplayNames([lang], { type: 'region' });
  return (c: string) => dn.of(c) ?? c;
};
const text = (lang: 'ja' | 'ko', placeName: string, ties: StatTie[], opts = {}) =>
  statsParagraph({ placeName, stats: computeStats(ties, opts), countryName: names(lang) }, lang);
const ja = (ties: StatTie[], opts = {}) => text('ja', 'デルフト', ties, opts);
const ko = (ties: StatTie[], opts = {}) => text('ko', '델프트', ties, opts);

describe('the Japanese paragraph', () => {
  it('says when there is nothing', () => {
    expect(ja([])).toBe('デルフトの提携は知られていません。');
  });
  it('counts with 件, か所 and か国', () => {
    expect(ja([tie('DE', '2001')])).toBe(
      'デルフトは1か国の1か所と提携しています。提携先はすべてヨーロッパにあります。最初の提携は2001年に結ばれました。',
    );
  });
  it('says the number grew every year only when it did', () => {
    expect(ja([tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')])).toContain(
      '2001年に最初の提携が結ばれて以来、毎年増えています。',
    );
    expect(ja([tie('DE', '2001'), tie('FR', '2003')])).toContain(
      '最初の提携は2001年に結ばれました。その後2003年までに、新たな提携が結ばれた年がほかに1年あります。',
    );
  });
  it('names the continents and countries, equal counts together', () => {
    expect(ja([tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      'デルフトは3か国の4か所と提携しています。大陸別では、北アメリカが2件、アジアとヨーロッパが各1件です。' +
        '国別では、アメリカ合衆国が2件、イギリスと日本が各1件です。提携を結んだ年はいずれも不明です。',
    );
  });
  it('leaves out the smaller countries beyond the limit', () => {
    const ties = [tie('DE', null), tie('DE', null), tie('FR', null), tie('IT', null)];
    const t = statsParagraph(
      { placeName: 'デルフト', stats: computeStats(ties), countryName: names('ja'), maxCountries: 1 },
      'ja',
    );
    expect(t).toContain('国別では、ドイツが2件で、残りはほかの2か国にあります。');
  });
  it("says for how many ties the partner's country or year is not known", () => {
    const t = ja([tie('DE', '2001'), tie(null, '2002'), tie(null, null)]);
    expect(t).toContain('デルフトは1か国の3か所と提携しています。');
    expect(t).toContain('このうち2件は提携先の国が不明です。');
    expect(t).toContain('1件は締結年が不明です。');
    expect(ja([tie(null, null)])).toContain('提携先の国はいずれも不明です。');
  });
  it('writes the day of a picture and of "since" in full', () => {
    const t = ja([tie('DE', '1990-05-01'), tie('FR', null)], { asOf: '2000-04-30', since: '1995-01-01' });
    expect(t).toMatch(/^2000年4月30日時点で、デルフトは1か国の1か所と提携していました。/);
    expect(t).toContain('1995年1月1日以降、新たな提携はありません。');
    expect(t).toContain('日付が不明な1件は含めていません。');
  });
});

describe('the Korean paragraph', () => {
  it('says when there is nothing', () => {
    expect(ko([])).toBe('델프트가 결연을 맺은 곳은 알려져 있지 않습니다.');
  });
  it('counts with 건, 곳 and 개국', () => {
    expect(ko([tie('DE', '2001')])).toBe(
      '델프트는 1개국 1곳과 결연을 맺고 있습니다. 결연 도시는 모두 유럽에 있습니다. 첫 결연은 2001년에 맺었습니다.',
    );
  });
  it('says the number grew every year only when it did', () => {
    expect(ko([tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')])).toContain(
      '2001년 첫 결연 이후 해마다 늘었습니다.',
    );
    expect(ko([tie('DE', '2001'), tie('FR', '2003')])).toContain(
      '첫 결연은 2001년에 맺었습니다. 그 뒤 2003년까지 새 결연을 맺은 해가 1번 더 있었습니다.',
    );
  });
  it('names the continents and countries with the particles their sounds take', () => {
    expect(ko([tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      '델프트는 3개국 4곳과 결연을 맺고 있습니다. 대륙별로는 북아메리카가 2건, 아시아와 유럽이 각각 1건입니다. ' +
        '국가별로는 미국이 2건, 영국과 일본이 각각 1건입니다. 결연을 맺은 연도는 모두 알 수 없습니다.',
    );
  });
  it('leaves out the smaller countries beyond the limit', () => {
    const ties = [tie('DE', null), tie('DE', null), tie('FR', null), tie('IT', null)];
    const t = statsParagraph(
      { placeName: '델프트', stats: computeStats(ties), countryName: names('ko'), maxCountries: 1 },
      'ko',
    );
    expect(t).toContain('국가별로는 독일이 2건이며, 나머지는 다른 2개국에 있습니다.');
  });
  it("says for how many ties the partner's country or year is not known", () => {
    const t = ko([tie('DE', '2001'), tie(null, '2002'), tie(null, null)]);
    expect(t).toContain('델프트는 1개국 3곳과 결연을 맺고 있습니다.');
    expect(t).toContain('이 가운데 2건은 상대 국가를 알 수 없습니다.');
    expect(t).toContain('1건은 체결 연도를 알 수 없습니다.');
    expect(ko([tie(null, null)])).toContain('결연 도시의 국가는 모두 알 수 없습니다.');
  });
  it('writes the day of a picture and of "since" in full', () => {
    const t = ko([tie('DE', '1990-05-01'), tie('FR', null)], { asOf: '2000-04-30', since: '1995-01-01' });
    expect(t).toMatch(/^2000년 4월 30일 기준으로 델프트는 1개국 1곳과 결연을 맺고 있었습니다\./);
    expect(t).toContain('1995년 1월 1일 이후로는 새 결연이 없습니다.');
    expect(t).toContain('날짜를 알 수 없는 1건은 넣지 않았습니다.');
  });
  it('takes the subject particle by the sound of the name', () => {
    expect(text('ko', '서울', [tie('DE', null)])).toMatch(/^서울은 /);
    expect(text('ko', 'Delft', [tie('DE', null)])).toMatch(/^Delft은\(는\) /);
    expect(josa('부산', '과')).toBe('부산과');
    expect(josa('대구', '이')).toBe('대구가');
    expect(josa('서울', '으로')).toBe('서울로');
    expect(josa('인천', '으로')).toBe('인천으로');
    expect(josa('3', '을')).toBe('3을');
  });
});
