import { createRequire } from 'node:module';
import isoCountries from 'i18n-iso-countries';
import { countryName } from '../../src/domain/countries.js';

// A province with cities and a district, and 100 ties, built to test statistics sentence by sentence.
// Counted by hand (international, active): 59 ties in 15 countries; 12 at the province itself, 45 at its
// cities, 2 at its district; first in 1980, ties in 30 different years, 3 since 2018, 4 without a year.
// Besides: 1 domestic tie, 3 inside the province, 2 ended and 35 proposed.
export const PARTNER_COUNTRIES: [string, number][] = [
  ['JP', 10],
  ['US', 8],
  ['KR', 7],
  ['DE', 5],
  ['AU', 5],
  ['IT', 5],
  ['FR', 4],
  ['RU', 3],
  ['BR', 3],
  ['CA', 2],
  ['NZ', 2],
  ['ZA', 2],
  ['TR', 1],
  ['EG', 1],
  ['AR', 1],
];

const YEARS: number[] = [1980];
for (let y = 1990; y <= 2014; y++) YEARS.push(y, y);
YEARS.push(2015, 2018, 2019, 2020);

const CITIES = ['hefei', 'wuhu', 'bengbu', 'huangshan'];

const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

export function provinceFiles(): { name: string; content: string }[] {
  const countries = ['CN', ...PARTNER_COUNTRIES.map(([c]) => c)];
  const places = [
    'id,name,kind,country,parent,names',
    ...countries.map((c) => `${c},${countryName(c)},country,${c},,zh:${isoCountries.getName(c, 'zh')}`),
    'anhui,Anhui,region,CN,CN,zh:安徽省',
    'jiangsu,Jiangsu,region,CN,CN,',
    ...CITIES.map((c) => `${c},${c[0]!.toUpperCase()}${c.slice(1)},city,CN,anhui,`),
    'baohe,Baohe,district,CN,hefei,',
    'nanjing,Nanjing,city,CN,jiangsu,',
    'pe1,Ended One,city,FR,,',
    'pe2,Ended Two,city,US,,',
    'pp,Proposed,city,JP,,',
  ];
  const ties = ['a,b,signed,ended,status'];
  let i = 0;
  for (const [country, n] of PARTNER_COUNTRIES) {
    for (let k = 0; k < n; k++, i++) {
      places.push(`p${i},Partner ${i},city,${country},,`);
      const local = i < 12 ? 'anhui' : i < 57 ? CITIES[i % 4] : 'baohe';
      const year = i < 4 ? '' : String(YEARS[i - 4]);
      ties.push(`${local},p${i},${year},,active`);
    }
  }
  ties.push(
    'hefei,nanjing,2001,,active', // domestic: counted unless international=true
    'hefei,wuhu,1999,,active', // both inside: never counted
    'baohe,bengbu,2003,,active',
    'anhui,hefei,2004,,active',
    'wuhu,pe1,1985,2005,ended',
    'bengbu,pe2,1990,,ended', // ended, date unknown
    'hefei,pp,,,proposed',
  );
  // 34 ties still under discussion, with partners around the world: never counted unless asked for.
  for (let k = 0; k < 34; k++) {
    const [country] = PARTNER_COUNTRIES[k % PARTNER_COUNTRIES.length]!;
    places.push(`q${k},Prospect ${k},city,${country},,`);
    ties.push(`${CITIES[k % 4]},q${k},,,proposed`);
  }
  return [
    { name: 'places.csv', content: places.join('\n') + '\n' },
    { name: 'twinnings.csv', content: ties.join('\n') + '\n' },
  ];
}
