// Examples for the OpenAPI document: what each answer looks like, shown by the reference page at /api.
// They are small but real in shape: every one is checked against its route's response schema by the tests.

const ref = (id: string, name: string, country: string, ties: number, kind = 'city') => ({
  id,
  name,
  nameZh: null,
  names: {},
  kind,
  country,
  ties,
});

export const EXAMPLES = {
  placeSummary: {
    items: [
      {
        id: 'Q1490',
        name: 'Tokyo',
        kind: 'city',
        country: 'JP',
        lat: 35.6895,
        lon: 139.6917,
        population: 14047594,
        names: { ja: '東京', zh: '东京' },
        ties: 12,
      },
    ],
    next: 'bzoyMA',
  },
  suggest: {
    items: [
      {
        id: 'Q1490',
        name: 'Tokyo',
        label: 'Tokyo',
        detail: 'City · Japan · 12 ties',
        url: '/places/jp/Q1490',
      },
    ],
  },
  duplicates: {
    items: [
      {
        id: 'Q1490',
        name: 'Tokyo',
        label: 'Tokyo',
        country: 'JP',
        ties: 12,
        reasons: ['wikidata', 'name'],
        km: null,
        detail: 'Japan · 12 ties · same Wikidata item, same name',
        url: '/places/jp/Q1490',
      },
    ],
  },
  placeDetail: {
    id: 'Q1490',
    name: 'Tokyo',
    kind: 'city',
    country: 'JP',
    continent: 'AS',
    parent: 'JP',
    ancestors: [{ id: 'JP', name: 'Japan', kind: 'country' }],
    lat: 35.6895,
    lon: 139.6917,
    population: 14047594,
    populationYear: 2020,
    timezone: 'Asia/Tokyo',
    languages: ['ja'],
    currency: 'JPY',
    leader: { title: 'Governor', name: 'Yuriko Koike', since: '2016-08-02' },
    wikidata: 'Q1490',
    geonames: 1850147,
    names: { ja: '東京', zh: '东京' },
    sources: [{ fact: null, url: 'https://www.wikidata.org/wiki/Q1490', citation: null }],
    ties: 12,
    updatedAt: '2026-11-30T08:00:00.000Z',
  },
  placeTwinnings: {
    place: { id: 'Q1490', name: 'Tokyo' },
    items: [
      {
        id: 42,
        kind: 'sister',
        signed: '1960-02-29',
        ended: null,
        status: 'active',
        listedBy: 'both',
        notes: null,
        sources: [{ fact: null, url: 'https://www.metro.tokyo.lg.jp/', citation: null }],
        listedByPlace: true,
        listedByPartner: true,
        partner: {
          id: 'Q60',
          name: 'New York City',
          kind: 'city',
          country: 'US',
          lat: 40.7128,
          lon: -74.006,
          population: 8804190,
        },
      },
    ],
  },
  twinnings: {
    items: [
      {
        a: 'Q1490',
        b: 'Q60',
        id: 42,
        kind: 'sister',
        signed: '1960-02-29',
        ended: null,
        status: 'active',
        listedBy: 'both',
        notes: null,
        sources: [{ fact: null, url: 'https://www.metro.tokyo.lg.jp/', citation: null }],
      },
    ],
    next: null,
  },
  stats: {
    place: { id: 'JP', name: 'Japan', kind: 'country' },
    total: 1720,
    countries: 68,
    byLevel: { city: 1650, region: 70 },
    byContinent: { NA: 520, AS: 640, EU: 430, OC: 130 },
    byCountry: { US: 450, CN: 380, KR: 160 },
    byYear: [
      { year: 1955, new: 1, cumulative: 1 },
      { year: 1956, new: 3, cumulative: 4 },
    ],
    unknownYear: 12,
    unknownCountry: 0,
    firstYear: 1955,
    text: 'Japan and the places in it have 1720 ties with places in 68 countries.',
    lang: 'en',
    dataDate: { date: '2026-11-30', kind: 'sync' },
  },
  rankings: {
    places: [{ ...ref('Q1490', 'Tokyo', 'JP', 12), count: 12 }],
    countries: [{ code: 'JP', name: 'Japan', nameZh: '日本', count: 1720 }],
  },
  path: {
    path: [
      ref('Q1490', 'Tokyo', 'JP', 12),
      ref('Q60', 'New York City', 'US', 10),
      ref('Q64', 'Berlin', 'DE', 17),
    ],
  },
  around: {
    place: ref('Q1490', 'Tokyo', 'JP', 12),
    cousins: [{ ...ref('Q64', 'Berlin', 'DE', 17), via: [ref('Q60', 'New York City', 'US', 10)] }],
    openTriangles: [[ref('Q60', 'New York City', 'US', 10), ref('Q90', 'Paris', 'FR', 2)]],
    componentSize: 5120,
  },
  network: {
    status: 'ready',
    computedAt: '2026-11-30T08:00:05.000Z',
    places: 18230,
    ties: 24610,
    components: 1210,
    largestComponents: [{ size: 15020, hub: ref('Q64', 'Berlin', 'DE', 17) }],
    mostConnected: [ref('Q64', 'Berlin', 'DE', 17)],
    mostCentral: [{ ...ref('Q64', 'Berlin', 'DE', 17), betweenness: 1204511 }],
  },
  computing: {
    status: 'computing',
    error: 'Service Unavailable',
    message: 'The network figures are being computed. Ask again in 5 seconds.',
  },
  quality: {
    oneSided: {
      count: 1,
      items: [
        {
          twinning: 42,
          listedBy: ref('Q1490', 'Tokyo', 'JP', 12),
          notListedBy: ref('Q60', 'New York City', 'US', 10),
        },
      ],
    },
    withoutCountry: { count: 0, items: [] },
    withoutCoordinates: { count: 1, items: [ref('Q99', 'Springfield', 'US', 1)] },
    duplicateCandidates: {
      count: 1,
      items: [[ref('Q1490', 'Tokyo', 'JP', 12), ref('T123', 'Tokyo', 'JP', 0)]],
    },
  },
  badRequest: {
    error: 'Bad Request',
    message: 'Invalid request: limit must be <= 100',
  },
  notFound: { error: 'Not Found', message: 'There is no place with id Q0.' },
  unavailable: {
    error: 'Service Unavailable',
    message: 'The database cannot be reached just now. Try again in 5 seconds.',
  },
};

/** Examples of the write API: requests and answers with an organization's API key. */
export const WRITE_EXAMPLES = {
  addTie: {
    partner: 'Q79867',
    kind: 'sister',
    signed: '1996-11-05',
    status: 'active',
    sources: ['https://www.anshan.gov.cn/sister-cities'],
  },
  patchTie: { signed: '1996-11-05', notes: 'Renewed in 2016.' },
  tie: {
    a: 'Q74957',
    b: 'Q79867',
    id: 42,
    kind: 'sister',
    signed: '1996-11-05',
    ended: null,
    status: 'active',
    listedBy: null,
    notes: null,
    sources: [{ fact: null, url: 'https://www.anshan.gov.cn/sister-cities', citation: null }],
  },
  patchPlace: { population: 3325372, population_year: 2020, leader_title: 'Mayor', languages: ['zh'] },
  placeFacts: {
    id: 'Q74957',
    type: 'place',
    facts: {
      population: '3325372',
      population_year: '2020',
      leader_title: 'Mayor',
      leader_name: '',
      leader_since: '',
      languages: 'zh',
      currency: '',
      timezone: '',
    },
  },
  section: { body: 'Steel, and the **Anshan** iron works.' },
  sectionAnswer: { subject: 'place:Q74957', key: 'economy', lang: 'en', outcome: 'saved' },
  addEntry: {
    type: 'post',
    fields: { title: 'Delegation from Birmingham', kind: 'news', body: 'They came by train.' },
    subjects: ['place:Q79867'],
  },
  patchEntry: { fields: { summary: 'Three days of visits.' } },
  entry: {
    id: 7,
    type: 'post',
    org: 'anshan-sister-cities',
    title: 'Delegation from Birmingham',
    startsAt: '2026-11-30T08:00:00.000Z',
    endsAt: null,
    fields: {
      title: 'Delegation from Birmingham',
      kind: 'news',
      summary: 'Three days of visits.',
      body: 'They came by train.',
    },
    subjects: ['place:Q79867'],
    url: '/news/7',
    updatedAt: '2026-11-30T08:00:00.000Z',
  },
  invalid: {
    error: 'Bad Request',
    message: 'The tie cannot be saved: signed is not a date (YYYY, YYYY-MM or YYYY-MM-DD).',
    problems: [{ column: 'signed', message: 'is not a date (YYYY, YYYY-MM or YYYY-MM-DD)' }],
  },
  unauthorized: {
    error: 'Unauthorized',
    message: 'Writing needs an API key: send it as "Authorization: Bearer tw_…".',
  },
  forbidden: {
    error: 'Forbidden',
    message: 'You may add ties of your organization’s home place only; ask a site admin for other ties.',
  },
  tooMany: {
    error: 'Too Many Requests',
    message:
      'Too many writes with this API key in a short time: at most 60 in a minute. Try again in 12 seconds.',
  },
};
