import { intlKit, type PartialDate } from './intl.js';

// The interface in English: every text a page, a form or a mail shows. The other languages' catalogues are
// checked against this one (`satisfies Catalogue`): a missing key or a wrong signature does not compile, and
// test/web/i18n.test.ts compares the keys at run time too. Place and country names come from the data.

const kit = intlKit('en');

// Month names as newspapers abbreviate them ("Nov. 5, 1996"); short months are written out.
const MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

function date(p: PartialDate): string {
  const y = Number(p.date.slice(0, 4));
  const m = Number(p.date.slice(5, 7));
  const d = Number(p.date.slice(8, 10));
  if (p.precision === 'year') return String(y);
  if (p.precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export const en = {
  ...kit,
  /** the language's name in itself, for the language switch */
  nativeName: 'English',
  date,
  /** a moment (ISO timestamp): "Nov. 24, 2026, 10:36 UTC" */
  time: (iso: string) => `${date({ date: iso.slice(0, 10), precision: 'day' })}, ${iso.slice(11, 16)} UTC`,

  // ---- site ----
  site: {
    errorTitle: 'Something went wrong',
    errorText: 'Something went wrong on our side. Please try again later.',
    notFoundTitle: 'Not found',
    checkTitle: 'Please check the request',
    forbiddenTitle: 'Not allowed',
    unavailableTitle: 'Briefly unavailable',
    unavailableText: 'The database cannot be reached just now. Please try again in a few seconds.',
    siteName: 'Twinning',
    tagline: "The world's sister cities",
    homeSiteName: (home: string) => `${home} Sister Cities`,
    homeTagline: 'International relations',
    navHome: 'Home',
    account: 'Account',
    signIn: 'Sign in',
    editSections: 'Edit these sections',
    navCountries: 'Countries',
    navTies: 'Ties',
    navSearch: 'Search',
    navRankings: 'Rankings',
    navNetwork: 'Network',
    navNews: 'News',
    navEvents: 'Events',
    navPath: 'Chain of ties',
    navQuality: 'Data quality',
    navApi: 'API',
    language: 'Language',
    skip: 'Skip to content',
    footerData:
      'Data: Wikidata (CC0), Natural Earth, GeoNames (CC BY 4.0), countries-states-cities-database by dr5hn (ODbL).',
  },

  // ---- labels ----
  labels: {
    continents: {
      AF: 'Africa',
      AN: 'Antarctica',
      AS: 'Asia',
      EU: 'Europe',
      NA: 'North America',
      OC: 'Oceania',
      SA: 'South America',
    },
    levels: { country: 'National', region: 'Regional', city: 'City', district: 'District', other: 'Other' },
    tieKinds: {
      sister: 'sister city',
      friendship: 'friendship',
      partnership: 'partnership',
      cooperation: 'cooperation',
    },
    statuses: {
      proposed: 'proposed',
      active: 'active',
      dormant: 'dormant',
      suspended: 'suspended',
      ended: 'ended',
    },
    formerMember: 'Former member',
  },

  // ---- places ----
  places: {},

  // ---- countries ----
  countries: {},

  // ---- search ----
  search: {},

  // ---- home ----
  home: {},

  // ---- ties ----
  ties: {},

  // ---- stats ----
  stats: {
    statsTitle: (name: string) => `Statistics of ${name}`,
    statsIntro: 'Ties of the place and everything under it with partners outside, each tie counted once.',
    filters: 'Filters',
    since: 'Also count since',
    asOf: 'Picture on',
    kind: 'Kind',
    status: 'Statuses',
    statusDefault: 'active (default)',
    partners: 'Partners',
    allPartners: 'all',
    international: 'in other countries',
    domestic: 'in the same country',
    any: 'any',
    apply: 'Apply',
    total: 'Ties',
    countries: 'Partner countries',
    firstYear: 'First tie',
    sinceCount: (d: string) => `Since ${d}`,
    growth: 'Growth',
    growthDesc: (first: number, last: number, total: number) =>
      `New ties per year from ${first} to ${last}, and the running total, reaching ${total}.`,
    perYear: 'New per year',
    cumulative: 'Total',
    byContinent: 'By continent',
    byCountry: 'By country',
    byLevel: 'By level of the local side',
    map: 'Partner countries on the map',
    mapDesc: (n: number) => `World map shading the ${n} countries with partners by number of ties.`,
    mapLegend: 'Ties per country',
    barsDesc: (what: string, first: string) => `${what}, largest first: ${first}.`,
    download: 'Download',
    dataTable: 'Data table',
    noYears: 'No tie has a known signing year, so there is no growth chart.',
    noTies: 'No ties are counted with these filters.',
    embed: 'Embed on your site',
    embedHelp: 'Copy this into a page of your site to show the paragraph and the growth chart.',
    year: 'Year',
    newTies: 'New',
    country: 'Country',
    level: 'Level',
    count: 'Ties',
    unknownYearNote: (n: number) => `${n} without a known year are not in the chart.`,
    sourceNote: 'Figures from the Twinning registry.',
  },

  // ---- network ----
  network: {},

  // ---- orgs ----
  orgs: {},

  // ---- entries ----
  entries: {},

  // ---- posts ----
  posts: {},

  // ---- events ----
  events: {},

  // ---- community ----
  community: {},

  // ---- account ----
  account: {},

  // ---- admin ----
  admin: {},

  // ---- edit ----
  edit: {},

  // ---- mail ----
  mail: {},
};

export type Catalogue = typeof en;
