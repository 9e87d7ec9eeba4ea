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
  places: {
    kinds: { country: 'Country', region: 'Region', city: 'City', district: 'District', other: 'Place' },
    facts: 'Facts',
    population: 'Population',
    leader: 'Leader',
    since: 'since',
    languages: 'Languages',
    currency: 'Currency',
    timezone: 'Time zone',
    coordinates: 'Coordinates',
    wikidata: 'Wikidata',
    unknown: 'not known',
    partners: (n: number) => `Partners (${kit.num(n)})`,
    noPartners: 'No twinnings are known for this place yet.',
    mapTitle: (name: string) => `${name} and its partners`,
    mapDesc: (name: string, n: number, shown: number) =>
      `World map with ${name} and lines to ${shown} of its ${n} partners whose location is known.`,
    noMap: 'The location of this place is not known, so there is no map.',
    profile: 'Profile',
    profileEmpty:
      'Nothing has been written about this place yet: programs, economy, places to see, climate, sports and local food.',
    tieEmpty: (home: string) => `The story of the tie with ${home} has not been written yet.`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `Partner of ${home} since ${signed}.` : `Partner of ${home}.`,
    aboutTie: 'About the tie',
    agreementSigned: 'Agreement signed',
    tieKind: 'Kind of tie',
    signedYear: (y: string) => `signed ${y}`,
    noCountry: 'Country not known',
    json: 'This place as JSON',
    more: 'More',
    statistics: 'Statistics',
    network: 'Cousins and open triangles',
    hierarchy: 'Part of',
    directoryTitle: 'Countries and territories',
    directoryIntro: (n: number) =>
      `All ${n} countries and territories of ISO 3166, with their ties in force.`,
    byName: 'A to Z',
    byContinent: 'By continent',
    ties: (n: number) => kit.plural(n, { one: `${kit.num(n)} tie`, other: `${kit.num(n)} ties` }),
    countryFacts: 'About the country',
    continent: 'Continent',
    timezones: 'Time zones',
    topPlaces: 'Places with the most ties',
    partnerCountries: 'Ties by partner country',
    culture: 'Culture',
    cultureEmpty: 'No culture notes yet: language, cuisine, sports, festivals and climate.',
    tiesWith: (c: string, n: number) =>
      kit.plural(n, { one: `${kit.num(n)} tie with ${c}`, other: `${kit.num(n)} ties with ${c}` }),
    place: 'Place',
    country: 'Country',
    count: 'Ties',
  },

  // ---- countries ----
  countries: {},

  // ---- search ----
  search: {
    title: 'Search places',
    label: 'Name, in any language',
    country: 'Country code',
    kind: 'Kind',
    any: 'any',
    ties: 'Ties',
    withTies: 'with ties',
    withoutTies: 'without ties',
    search: 'Search',
    results: (q: string) => `Places matching “${q}”`,
    none: 'No place matches. Try the beginning of the name, in any language.',
    next: 'More results',
  },

  // ---- home ----
  home: {
    title: "The world's sister cities",
    intro: (places: number, ties: number) =>
      `An open registry of town twinnings: ${kit.num(places)} places and ${kit.num(ties)} ties between them, from Wikidata and the program offices that keep them.`,
    mapTitle: 'The busiest places and the ties between them',
    mapDesc: (n: number, links: number, top: string) =>
      `World map of the ${n} places with the most ties, dots sized by their number of ties, and the ${links} ties among them. The busiest: ${top}.`,
    busiest: 'Most ties',
    recent: 'Recent changes',
    news: 'News',
    events: 'Upcoming events',
    noNews: 'No news yet.',
    noEvents: 'No event coming up.',
    allNews: 'All news',
    allEvents: 'All events',
    recentNone: 'Nothing has changed yet.',
    explore: 'Explore',
    rankings: 'Which places and countries have the most ties',
    ties: 'Ties by country pair, kind, status and decade',
    network: 'The network: groups of places and its most central cities',
    path: 'How two places are linked through a chain of ties',
    quality: 'What the data still lacks',
    countries: 'All countries and territories',
    api: 'Data and API',
    tieCount: (n: number) => kit.plural(n, { one: `${kit.num(n)} tie`, other: `${kit.num(n)} ties` }),
    placeTies: (place: string, n: number) =>
      kit.plural(n, { one: `${place}: ${kit.num(n)} tie`, other: `${place}: ${kit.num(n)} ties` }),
    tieLink: (a: string, b: string) => `${a} – ${b}`,
    // home mode
    homeTitle: (home: string) => `${home} and its sister cities`,
    homeIntro: (home: string, n: number, countries: number) =>
      `${home} is tied to ${kit.plural(n, { one: '1 place', other: `${kit.num(n)} places` })} in ${kit.plural(countries, { one: '1 country', other: `${kit.num(countries)} countries` })}: sister cities, friendship cities and partners. Find out who they are, what we do together and how to take part.`,
    homeNone: (home: string) => `No ties of ${home} are recorded yet.`,
    homeMap: (home: string) => `${home} and its partners on the map`,
    homeMapDesc: (home: string, n: number, shown: number) =>
      `World map with lines from ${home} to ${shown} of its ${n} partners whose location is known.`,
    partners: 'Our partners',
    signed: (d: string) => `Agreement signed ${d}`,
    signedUnknown: 'Date of signing not recorded',
    aboutHome: (home: string) => `About ${home}`,
    homeStats: (home: string) => `${home}'s ties in figures and charts`,
    // the search box (suggest.js fills {n})
    search: {
      label: 'Find a place, in any language',
      placeholder: 'Malmö, 鞍山, Mailand…',
      submit: 'Search',
      list: 'Suggested places',
      none: 'No place starts like that.',
      count: '{n} places suggested; use the arrow keys to choose.',
    },
  },

  // ---- ties ----
  ties: {
    title: 'Explore ties',
    between: (a: string, b: string) => `Ties between ${a} and ${b}`,
    of: (a: string) => `Ties of ${a}`,
    intro:
      'Every tie in the registry: choose a country, or two for the ties between them, the kind of tie, its status and the decade it was signed in.',
    country: 'Country',
    partnerCountry: 'Partner country',
    kind: 'Kind',
    status: 'Status',
    decade: 'Signed in',
    any: 'any',
    decadeLabel: (d: number) => `the ${d}s`,
    apply: 'Show',
    count: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} tie matches.`, other: `${kit.num(n)} ties match.` }),
    none: 'No tie matches these filters.',
    place: 'Place',
    partner: 'Partner',
    signed: 'Signed',
    details: 'Details',
    detailsOf: (a: string, b: string) => `Details: ${a} – ${b}`,
    inCountry: (country: string) => ` · ${country}`,
    next: 'Next page',
    prev: 'Previous page',
    // one tie
    tieTitle: (a: string, b: string) => `${a} and ${b}`,
    facts: 'The tie',
    ended: 'Ended',
    listedBy: 'Listed by',
    listedBoth: 'both sides',
    notes: 'Notes',
    sources: 'Sources',
    sourceFact: (fact: string) => ` (${fact})`,
    unknown: 'not known',
    profile: 'Story and programs',
    empty: 'The story of this tie and its programs have not been written yet.',
    mapTitle: (a: string, b: string) => `${a} and ${b} on the map`,
    mapDesc: (a: string, b: string) => `World map with a line from ${a} to ${b}.`,
    sides: 'The two places',
  },

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
    barEntry: (label: string, n: number) => `${label} ${kit.num(n)}`,
    chartTitle: (what: string, place: string) => `${what} · ${place}`,
    statusList: (statuses: string[]) => statuses.join(', '),
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

  // ---- rankings ----
  rankings: {
    title: 'Rankings',
    intro: 'Places and countries with the most ties in force. Choose a period to see the fastest growing.',
    continent: 'Continent',
    all: 'All continents',
    from: 'Signed from',
    to: 'to',
    apply: 'Apply',
    periodNote: 'Only ties with a known signing date in the period count.',
    places: 'Places with the most ties',
    countries: 'Countries with the most ties',
    rank: '#',
    place: 'Place',
    country: 'Country',
    count: 'Ties',
    none: 'Nothing matches.',
  },

  // ---- network ----
  network: {
    pathTitle: 'Chain of ties',
    pathIntro: 'How are two places linked? The shortest chain of ties in force between them.',
    fromPlace: 'From',
    toPlace: 'To',
    find: 'Find the chain',
    steps: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} tie apart`, other: `${kit.num(n)} ties apart` }),
    noChain: 'No chain of ties links these places.',
    bothEnds: 'Give both places: from and to.',
    which: (text: string) => `Which “${text}”?`,
    whichHint: 'Several places have this name. Choose the one you mean:',
    choiceTies: (n: number) => kit.plural(n, { one: `${kit.num(n)} tie`, other: `${kit.num(n)} ties` }),
    choose: 'Find the chain',
    networkTitle: 'The twinning network',
    networkIntro: 'Places are linked by ties in force (not ended or merely proposed).',
    places: 'Places with ties',
    ties: 'Ties',
    components: 'Separate groups',
    largest: 'Largest groups',
    size: 'Places',
    hub: 'Best connected place',
    mostConnected: 'Most connected places',
    mostCentral: 'Most central places',
    centralNote: 'Betweenness: how often a place lies on the shortest chains between others (estimated).',
    betweenness: 'Betweenness',
    computing: 'The network figures are being computed; this page will show them in a minute.',
    reloadHint: 'Reload the page in a minute:',
    reload: 'show the network figures',
    previous: (when: string) =>
      `Meanwhile, the figures computed on ${when} are shown; the places and ties have changed since.`,
    aroundTitle: (n: string) => `Network of ${n}`,
    cousins: 'Cousin cities',
    cousinsNote: 'Places that share a partner but are not tied: candidates for a new tie.',
    sharedPartners: 'Shared partners',
    triangles: 'Open triangles',
    trianglesNote: 'Two partners not tied to each other: a trilateral tie could close the triangle.',
    componentSize: (n: number) =>
      kit.plural(n, {
        one: `Reaches ${kit.num(n)} place through chains of ties.`,
        other: `Reaches ${kit.num(n)} places through chains of ties.`,
      }),
    qualityTitle: 'Data quality',
    qualityIntro: 'What editors should look at first.',
    dataTitle: 'About the data',
    dataAsOf: (date: string) => `The bundled data describes the world as of ${date}, as its sources knew it.`,
    dataSources: 'Built from:',
    dataPartial:
      'Ties that none of these sources records are missing, and some recorded ones may have ended: program offices know their own ties best and can correct them here.',
    oneSided: 'Ties listed by one side only',
    listedBy: 'Listed by',
    notListedBy: 'Not listed by',
    withoutCountry: 'Places without a country',
    withoutCoordinates: 'Places without coordinates',
    duplicates: 'Possible duplicates',
    disagreements: 'Where sources disagree',
    disagreementsNote: 'The value kept, and what another source says.',
    fact: 'Fact',
    kept: 'Kept',
    other: 'Other source says',
    showing: (shown: number, total: number) =>
      `${kit.num(total)} in all; the first ${kit.num(shown)} are shown.`,
    place: 'Place',
    country: 'Country',
    ties2: 'Ties',
    stats: 'statistics',
    none: 'None.',
  },

  // ---- program ----
  program: {
    activities: 'Activities',
    news: 'News',
    events: 'Upcoming events',
    photos: 'Photos',
    about: 'about',
    follow: 'Follow',
    noActivities: 'No activity recorded yet.',
    allNews: 'All news about it',
    allActivities: (n: number) => `All ${kit.num(n)} activities`,
    removePhoto: 'Remove',
  },

  // ---- orgs ----
  orgs: {},

  // ---- entries ----
  entries: {},

  // ---- posts ----
  posts: {},

  // ---- events ----
  events: {},

  // ---- community ----
  community: {
    comments: 'Comments',
    noComments: 'No comments yet.',
    write: 'Write a comment',
    reply: 'Reply',
    replyTo: (name: string) => `Reply to ${name}`,
    send: 'Send',
    followReplies: 'Notify me of replies by e-mail',
    signInToComment: 'Sign in to comment',
    waiting: 'Thank you. Your comment will appear once an editor has read it.',
    published: 'Your comment is published.',
    yours: 'Your comment is waiting for an editor.',
    blocked: 'You may not comment on this organization’s posts.',
    moderation: 'Comments to moderate',
    moderationIntro:
      'Comments on your organizations’ posts wait here until an editor approves or rejects them.',
    nothing: 'Nothing is waiting.',
    approve: 'Approve',
    reject: 'Reject',
    block: 'Block the writer',
    on: 'on',
    done: 'Done.',
    follow: 'Follow',
    following: (mode: string) => `You follow this (${mode}).`,
    unfollow: 'Stop following',
    instant: 'a mail each time',
    daily: 'a daily digest',
    how: 'How to hear of news',
    signInToFollow: 'Sign in to follow',
    followHint: 'Hear of new posts, events and activities by e-mail.',
    confirmFirst: 'Mail starts once you have confirmed your e-mail address:',
    removed: 'This comment was removed.',
    removedDone: 'The comment is removed.',
    removeOwn: 'Delete my comment',
    removeOther: 'Remove',
    repliesTo: 'Replies to',
    settingsTitle: 'Your notifications',
    settingsIntro: (e: string) => `What the site mails to ${e}.`,
    followNothing: 'You follow nothing: no notifications are sent to you.',
    stop: 'Stop',
    stopAll: 'Stop all notifications',
    stopAsk: (e: string) => `Stop every notification to ${e}? You can follow again from any page.`,
    stopped: 'Done: you will get no more notifications. Follow again from any page when you like.',
    unfollowed: 'Done: that no longer reaches you.',
    changeMode: 'To choose between a mail each time and a daily digest, sign in:',
    yourAccount: 'your account',
    photos: 'Photos',
    addPhoto: 'Add a photo',
    file: 'Photo (JPEG, PNG, WebP, GIF or AVIF; up to 15 MB)',
    caption: 'Caption (what it shows)',
    upload: 'Upload',
    remove: 'Remove',
    cannot: 'That did not work',
    blockedList: 'Blocked from commenting',
    unblock: 'Unblock',
  },

  // ---- account ----
  account: {},

  // ---- admin ----
  admin: {},

  // ---- edit ----
  edit: {},

  // ---- history ----
  history: {
    by: 'by',
    commandLine: 'the command line',
    current: 'current',
    restore: 'Restore this version',
    empty: 'No edits yet.',
    actions: {
      create: 'created',
      edit: 'edited',
      remove: 'removed',
      restore: 'restored an older version',
      delete: 'deleted',
    } as Record<string, string>,
  },

  // ---- mail ----
  mail: {},
};

export type Catalogue = typeof en;
