import { describe, expect, it } from 'vitest';
import { computeStats, type StatsOptions, type StatTie } from '../../src/domain/stats.js';
import { statsParagraph } from '../../src/domain/stats-text/index.js';
import { countrySubjectFr, inCountryFr } from '../../src/domain/stats-text/fr.js';

// The German and French paragraphs, on the fixtures of stats.test.ts; country names as Intl gives them.
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
const writer = (lang: 'de' | 'fr', place?: string) => {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return (ties: StatTie[], opts: StatsOptions = {}) =>
    statsParagraph(
      {
        placeName: place ? names.of(place)! : 'Delft',
        placeCountry: place,
        stats: computeStats(ties, opts),
        countryName: (c) => names.of(c) ?? c,
      },
      lang,
    );
};
// a picture on a day, with a tie at the regional level, one signed since 2000 and one without a date
const dated = () => [
  tie('CH', '1990', { localKind: 'region' }),
  tie('IR', '2001-05-01'),
  tie('PH', '1995-03-01'),
  tie('TR', null),
  tie('DE', '1960'),
];

describe('the German paragraph', () => {
  const text = writer('de');
  it('says when there is nothing, on a day too', () => {
    expect(text([])).toBe('Für Delft ist keine Partnerschaft bekannt.');
    expect(text([tie('DE', '2001')], { asOf: '1990-05-01' })).toBe(
      'Am 1. Mai 1990 war für Delft keine Partnerschaft bekannt.',
    );
  });
  it('uses the singular for one', () => {
    expect(text([tie('DE', '2001')])).toBe(
      'Delft unterhält eine Partnerschaft mit 1 Ort in 1 Land. Er liegt in Europa. ' +
        'Die erste Partnerschaft wurde 2001 geschlossen.',
    );
  });
  it('says the number grew every year only when it did', () => {
    const grew = text([tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')]);
    expect(grew).toContain('Seit der ersten Partnerschaft 2001 ist ihre Zahl jedes Jahr gewachsen.');
    const gap = text([tie('DE', '2001'), tie('FR', '2003')]);
    expect(gap).toContain(
      'Die erste Partnerschaft wurde 2001 geschlossen; neue folgten in einem weiteren Jahr bis 2003.',
    );
  });
  it('puts the article and the dative where German needs them', () => {
    expect(text([tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      'Delft unterhält Partnerschaften mit 4 Orten in 3 Ländern. ' +
        '2 liegen in Nordamerika und je 1 in Asien und in Europa. ' +
        '2 liegen in den Vereinigten Staaten und je 1 im Vereinigten Königreich und in Japan. ' +
        'Die Jahre, in denen die Partnerschaften geschlossen wurden, sind nicht bekannt.',
    );
  });
  it('writes a picture on a day: levels, the figures since a day and the ties left out', () => {
    expect(text(dated(), { since: '2000-01-01', asOf: '2024-11-01' })).toBe(
      'Am 1. November 2024 unterhielt Delft Partnerschaften mit 4 Orten in 4 Ländern. ' +
        '1 davon wurde auf regionaler Ebene geschlossen und 3 auf städtischer Ebene. ' +
        'Je 2 liegen in Asien und in Europa. ' +
        'Je 1 liegt in der Schweiz, in Deutschland, im Iran und auf den Philippinen. ' +
        'Die erste Partnerschaft wurde 1960 geschlossen; neue folgten in 3 weiteren Jahren bis 2001. ' +
        'Seit dem 1. Januar 2000 ist eine Partnerschaft hinzugekommen. ' +
        'Eine Partnerschaft ohne bekanntes Datum ist nicht mitgezählt.',
    );
  });
  it("says for how many ties the partner's country or the year is not known", () => {
    const t = text([tie('DE', '2001'), tie(null, '2002'), tie(null, '2003'), tie('DE', null)]);
    expect(t).toContain('Delft unterhält Partnerschaften mit 4 Orten in 1 Land.');
    expect(t).toContain('Bei 2 dieser Partnerschaften ist das Land des Partners nicht bekannt.');
    expect(t).toContain('Bei einer Partnerschaft ist das Jahr nicht bekannt.');
    expect(text([tie(null, null)])).toContain('Das Land des Partners ist nicht bekannt.');
  });
  it('names the rest of the countries, and writes large numbers the German way', () => {
    const many = ['DE', 'DE', 'FR', 'IT', 'ES', 'PL', 'CZ', 'AT', 'BE', 'DK', 'SE'].map((c) => tie(c, null));
    expect(text(many, { since: '2020-01-01' })).toContain(
      '2 liegen in Deutschland, die übrigen in 9 weiteren Ländern. Seit dem 1. Januar 2020 ist keine hinzugekommen.',
    );
    const big = Array.from({ length: 1200 }, () => tie('DE', '2001'));
    expect(text(big)).toContain('Partnerschaften mit 1.200 Orten in 1 Land');
  });
});

describe('the French paragraph', () => {
  const text = writer('fr');
  it('says when there is nothing, on a day too', () => {
    expect(text([])).toBe('Aucun jumelage n’est connu pour Delft.');
    expect(text([tie('DE', '2001')], { asOf: '1990-05-01' })).toBe(
      'Au 1er mai 1990, aucun jumelage n’était connu pour Delft.',
    );
  });
  it('uses the singular for one', () => {
    expect(text([tie('DE', '2001')])).toBe(
      'Delft compte 1 partenaire dans 1 pays. Il se trouve en Europe. Le premier jumelage a été conclu en 2001.',
    );
  });
  it('says the number grew every year only when it did', () => {
    const grew = text([tie('DE', '2001'), tie('FR', '2002'), tie('US', '2003')]);
    expect(grew).toContain('Leur nombre a augmenté chaque année depuis le premier jumelage, en 2001.');
    const gap = text([tie('DE', '2001'), tie('FR', '2003')]);
    expect(gap).toContain(
      'Le premier jumelage a été conclu en 2001\u202f; d’autres ont suivi au cours d’une autre année, jusqu’en 2003.',
    );
  });
  it('gives each country its preposition: en, au, aux', () => {
    expect(text([tie('US', null), tie('US', null), tie('GB', null), tie('JP', null)])).toBe(
      'Delft compte 4 partenaires dans 3 pays. ' +
        'On en compte 2 en Amérique du Nord et 1 chacun en Asie et en Europe. ' +
        'Par pays\u00a0: 2 aux États-Unis et 1 chacun au Royaume-Uni et au Japon. ' +
        'Les années de conclusion des liens ne sont pas connues.',
    );
    const names = new Intl.DisplayNames(['fr'], { type: 'region' });
    const inFr = (c: string) => inCountryFr(c, names.of(c)!);
    expect(['FR', 'IR', 'MX', 'NL', 'CU', 'IL', 'HK', 'EC'].map(inFr)).toEqual([
      'en France',
      'en Iran',
      'au Mexique',
      'aux Pays-Bas',
      'à Cuba',
      'en Israël',
      'à Hong Kong',
      'en Équateur',
    ]);
  });
  it('writes a picture on a day: levels, the figures since a day and the ties left out', () => {
    expect(text(dated(), { since: '2000-01-01', asOf: '2024-11-01' })).toBe(
      'Au 1er novembre 2024, Delft comptait 4 partenaires dans 4 pays. ' +
        'Parmi ces liens, 1 a été noué au niveau régional et 3 au niveau municipal. ' +
        'On en compte 2 chacun en Asie et en Europe. ' +
        'Par pays\u00a0: 1 chacun en Suisse, en Allemagne, en Iran et aux Philippines. ' +
        'Le premier jumelage a été conclu en 1960\u202f; d’autres ont suivi au cours de 3 autres années, jusqu’en 2001. ' +
        'Depuis le 1er janvier 2000, 1 lien a été ajouté. ' +
        'Un lien sans date connue n’est pas compté.',
    );
  });
  it("says for how many ties the partner's country or the year is not known", () => {
    const t = text([tie('DE', '2001'), tie(null, '2002'), tie(null, '2003'), tie('DE', null)]);
    expect(t).toContain('Delft compte 4 partenaires dans 1 pays.');
    expect(t).toContain('Pour 2 de ces liens, le pays du partenaire n’est pas connu.');
    expect(t).toContain('Pour un lien, l’année n’est pas connue.');
    expect(text([tie(null, null)])).toContain('Le pays du partenaire n’est pas connu.');
  });
  it('names the rest of the countries, and writes large numbers the French way', () => {
    const many = ['DE', 'DE', 'FR', 'IT', 'ES', 'PL', 'CZ', 'AT', 'BE', 'DK', 'SE'].map((c) => tie(c, null));
    expect(text(many, { since: '2020-01-01' })).toContain(
      'Par pays\u00a0: 2 en Allemagne, le reste dans 9 autres pays. Aucun lien n’a été ajouté depuis le 1er janvier 2020.',
    );
    const big = Array.from({ length: 1200 }, () => tie('DE', '2001'));
    expect(text(big)).toContain('Delft compte 1\u202f200 partenaires dans 1 pays.');
  });
});

describe('a country as the subject', () => {
  it('takes its article and, when plural, a plural verb', () => {
    const ties = [tie('JP', '2001'), tie('DE', '2002')];
    expect(writer('de', 'CH')(ties)).toMatch(
      /^Die Schweiz unterhält Partnerschaften mit 2 Orten in 2 Ländern\./,
    );
    expect(writer('de', 'US')(ties)).toMatch(
      /^Die Vereinigten Staaten unterhalten Partnerschaften mit 2 Orten/,
    );
    expect(writer('de', 'US')(ties, { asOf: '2010-01-01' })).toMatch(
      /^Am 1\. Januar 2010 unterhielten die Vereinigten Staaten Partnerschaften/,
    );
    expect(writer('de', 'CN')(ties)).toMatch(/^China unterhält /);
    expect(writer('fr', 'CN')(ties)).toMatch(/^La Chine compte 2 partenaires dans 2 pays\./);
    expect(writer('fr', 'US')(ties)).toMatch(/^Les États-Unis comptent 2 partenaires/);
    expect(writer('fr', 'IT')(ties, { asOf: '2010-01-01' })).toMatch(
      /^Au 1er janvier 2010, l’Italie comptait /,
    );
    expect(writer('fr', 'JP')([])).toBe('Aucun jumelage n’est connu pour le Japon.');
    const names = new Intl.DisplayNames(['fr'], { type: 'region' });
    expect(['CU', 'IL', 'NL', 'IR'].map((c) => countrySubjectFr(c, names.of(c)!))).toEqual([
      'Cuba',
      'Israël',
      'les Pays-Bas',
      'l’Iran',
    ]);
  });
});
