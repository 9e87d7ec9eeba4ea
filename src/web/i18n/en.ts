import { entryTypes } from './entry-types.js';
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
  orgs: {
    title: 'Organizations',
    none: 'No organization yet.',
    home: 'Home:',
    manage: 'Manage',
    news: 'News',
    events: 'Upcoming events',
    activities: 'Activities',
    people: 'People',
    committees: 'Committees',
    institutions: 'Partner institutions',
    memberships: 'Memberships',
    nothing: 'Nothing yet.',
    since: (year: string) => `since ${year}`,
    feedTitle: (org: string) => `${org}: news`,
    calendarTitle: (org: string) => `${org}: events`,
  },

  // ---- entries ----
  entries: {
    types: entryTypes({
      post: {
        one: 'post',
        many: 'News and articles',
        add: 'Write a post',
        fields: {
          title: { label: 'Title' },
          kind: { label: 'Kind' },
          summary: { label: 'Summary', hint: 'One or two sentences for lists and feeds.' },
          body: {
            label: 'Text (Markdown)',
            hint: 'Paragraphs are separated by an empty line; **bold**, *italic*, [links](https://example.org), lists with "- ".',
          },
        },
      },
      event: {
        one: 'event',
        many: 'Events',
        add: 'Add an event',
        fields: {
          title: { label: 'Title' },
          starts: { label: 'Starts', hint: 'Local time where it happens.' },
          ends: { label: 'Ends' },
          timezone: { label: 'Time zone', hint: 'An IANA name such as Asia/Shanghai or America/Chicago.' },
          venue: { label: 'Venue' },
          description: { label: 'Description (Markdown)' },
        },
      },
      activity: {
        one: 'activity',
        many: 'Activities',
        add: 'Add an activity',
        fields: {
          title: { label: 'Title' },
          kind: { label: 'Kind' },
          date: { label: 'Date', hint: 'YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is known.' },
          endDate: { label: 'Last day' },
          venue: { label: 'Venue' },
          summary: { label: 'What happened (Markdown)' },
          people: { label: 'Our people taking part' },
          institutions: { label: 'Partner institutions taking part' },
          participants: { label: 'Other participants', hint: 'One per line: people and institutions.' },
          outcome: { label: 'Outcome' },
          amount: { label: 'Amount', hint: 'For business outcomes: the value agreed.' },
          currency: { label: 'Currency', hint: 'ISO 4217, e.g. CNY, USD, EUR.' },
          seeking: { label: 'Seeking participants' },
          contact: { label: 'Contact', hint: 'Whom to contact to take part.' },
        },
      },
      committee: {
        one: 'committee',
        many: 'Committees',
        add: 'Add a committee',
        fields: {
          title: { label: 'Name' },
          country: { label: 'Partner country', hint: 'ISO code, e.g. JP.' },
          about: { label: 'About' },
        },
      },
      person: {
        one: 'person',
        many: 'People',
        add: 'Add a person',
        fields: {
          title: { label: 'Name' },
          role: { label: 'Role' },
          position: { label: 'Position', hint: 'e.g. Director of International Affairs.' },
          committee: { label: 'Committee' },
          email: { label: 'E-mail' },
          phone: { label: 'Phone' },
          public: { label: 'Show e-mail and phone to the public' },
        },
      },
      institution: {
        one: 'institution',
        many: 'Partner institutions',
        add: 'Add an institution',
        fields: {
          title: { label: 'Name' },
          kind: { label: 'Kind' },
          place: { label: 'Place id', hint: 'Where it is, e.g. Q79867 (optional).' },
          url: { label: 'Website' },
        },
      },
      membership: {
        one: 'membership',
        many: 'Memberships',
        add: 'Add a membership',
        fields: {
          title: { label: 'Association' },
          since: { label: 'Member since (year)' },
          url: { label: 'Website' },
        },
      },
    }),
    /** the kinds of posts, activities and institutions, and the roles of people */
    choices: {
      news: 'news',
      article: 'article',
      'delegation-in': 'inbound delegation',
      'delegation-out': 'outbound delegation',
      exchange: 'exchange',
      program: 'program',
      festival: 'festival',
      conference: 'conference',
      business: 'business outcome',
      'co-chair': 'co-chair',
      chair: 'chair',
      director: 'director',
      secretary: 'secretary',
      treasurer: 'treasurer',
      contact: 'contact',
      member: 'member',
      university: 'university',
      school: 'school',
      company: 'company',
      agency: 'agency',
      hospital: 'hospital',
      museum: 'museum',
      other: 'other',
    } as Record<string, string>,
    choose: 'Choose…',
    manage: (org: string) => `Manage: ${org}`,
    listTitle: (many: string, org: string) => `${many} · ${org}`,
    addTitle: (add: string, org: string) => `${add} · ${org}`,
    edit: (title: string) => `Edit: ${title}`,
    save: 'Save',
    saved: 'Saved.',
    deleted: 'Deleted.',
    del: 'Delete',
    cannot: 'That did not work',
    /** a problem of one field, at the top of the form */
    fieldProblem: (label: string, message: string) => `${label}: ${message}`,
    aboutField: 'What it is about',
    none: 'Nothing yet.',
    history: 'History',
    historyTitle: (title: string) => `History: ${title}`,
    back: 'Back',
    viewOnSite: 'View it on the site',
    about: 'About',
    aboutLower: 'about',
    when: 'When',
    published: 'Published',
    venue: 'Venue',
    participants: 'Participants',
    outcome: 'Outcome',
    amount: 'Amount',
    seeking: 'Seeking participants.',
    seekingTag: 'seeking participants',
    contactTo: (contact: string) => `To take part, contact: ${contact}`,
    allActivities: 'Activities of every program',
    activitiesIntro:
      'Delegations, exchanges, programs, festivals, conferences and business outcomes that sister-city programs recorded, newest first.',
    activitiesAbout: (x: string) => `Activities about ${x}`,
    activityCount: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} activity`, other: `${kit.num(n)} activities` }),
    backTo: (x: string) => `Back to ${x}`,
    newer: 'Newer',
    older: 'Older',
  },

  // ---- posts ----
  posts: {
    news: 'News',
    allNews: 'News from every program',
    newsIntro: 'What sister-city programs publish: news and articles about their places and partners.',
    newsAbout: (x: string) => `News about ${x}`,
    postCount: (n: number) => kit.plural(n, { one: `${kit.num(n)} post`, other: `${kit.num(n)} posts` }),
    feed: 'Atom feed',
    feedTitle: 'Twinning: news from sister-city programs',
    feedAbout: (x: string) => `Twinning: news about ${x}`,
  },

  // ---- events ----
  events: {
    title: 'Upcoming events',
    intro:
      'Events of sister-city programs that have not ended yet, soonest first. Times are local to each event.',
    calendar: 'Calendar (iCalendar)',
    addToCalendar: 'Add to a calendar (.ics)',
    calendarTitle: 'Twinning: sister-city events',
    /** the first line of an event's description in calendars */
    by: (org: string) => `${org}.`,
  },

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
