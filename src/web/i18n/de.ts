import { entryTypes } from './entry-types.js';
import { intlDates, intlKit } from './intl.js';
import type { Catalogue } from './en.js';

// The interface in German, with the words German twinning programs use: Städtepartnerschaft, Partnerstadt,
// Freundschaft; the reader is addressed with „Sie“.

const kit = intlKit('de');

// "1996", "Nov. 1996", "5. Nov. 1996": Intl's abbreviations (März, Mai, Juni and Juli stay whole)
const date = intlDates('de');

// a formatted date after a preposition: "am 5. Nov. 1996", "im Nov. 1996", "1996"; "seit dem 5. Nov. 1996"
const isDay = (d: string) => /^\d{1,2}\.\s/.test(d);
const on = (d: string) => (isDay(d) ? `am ${d}` : /^\d+$/.test(d) ? d : `im ${d}`);
const since = (d: string) => (isDay(d) ? `seit dem ${d}` : `seit ${d}`);

/** "1 Partnerschaft", "1.200 Partnerschaften" */
const ties = (n: number) => kit.plural(n, { one: '1 Partnerschaft', other: `${kit.num(n)} Partnerschaften` });

export const de = {
  ...kit,
  nativeName: 'Deutsch',
  date,
  time: (iso: string) =>
    `${date({ date: iso.slice(0, 10), precision: 'day' })}, ${iso.slice(11, 16)} Uhr UTC`,

  // ---- site ----
  site: {
    errorTitle: 'Etwas ist schiefgegangen',
    errorText: 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal.',
    notFoundTitle: 'Nicht gefunden',
    checkTitle: 'Bitte prüfen Sie die Anfrage',
    forbiddenTitle: 'Nicht erlaubt',
    unavailableTitle: 'Kurz nicht erreichbar',
    unavailableText:
      'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Sekunden erneut.',
    siteName: 'Twinning',
    tagline: 'Die Städtepartnerschaften der Welt',
    homeSiteName: (home: string) => `Partnerstädte von ${home}`,
    homeTagline: 'Internationale Beziehungen',
    navHome: 'Start',
    account: 'Konto',
    signIn: 'Anmelden',
    editSections: 'Diese Abschnitte bearbeiten',
    navCountries: 'Länder',
    navTies: 'Partnerschaften',
    navSearch: 'Suche',
    navRankings: 'Ranglisten',
    navNetwork: 'Netzwerk',
    navNews: 'Aktuelles',
    navEvents: 'Termine',
    navPath: 'Verbindungskette',
    navQuality: 'Datenqualität',
    navApi: 'API',
    navProgram: 'Unser Programm',
    language: 'Sprache',
    skip: 'Zum Inhalt springen',
    footerData:
      'Daten: Wikidata (CC0), Natural Earth, GeoNames (CC BY 4.0), countries-states-cities-database von dr5hn (ODbL).',
  },

  // ---- where facts come from, and the data as a whole ----
  provenance: {
    sources: (items: readonly string[]) =>
      `${kit.plural(items.length, { one: 'Quelle', other: 'Quellen' })}: ${items.join(', ')}`,
    edited: (by: string, when: string) => `Eingetragen von ${by}, ${when}`,
    editedAnonymously: (when: string) => `Auf dieser Website eingetragen, ${when}`,
    kindOfPlace: 'Art des Ortes',
    aboutLink: 'Über die Daten und ihren Stand',
    aboutTitle: 'Über die Daten',
    aboutIntro:
      'Twinning sammelt die Städtepartnerschaften und Freundschaften der Welt aus offenen Quellen; wer die Partnerschaften betreut, berichtigt und ergänzt sie hier. Zu jeder Angabe steht, woher sie stammt: eine Quelle oder die Person, die sie eingetragen hat, und wann.',
    snapshot: (date: string) =>
      `Die mitgelieferten Daten beschreiben die Welt zum Stand ${date}, wie ihre Quellen sie kannten.`,
    synced: (date: string) => `Zuletzt am ${date} aus Wikidata aktualisiert.`,
    noManifest: 'Dieses Verzeichnis wurde ohne Beschreibung seiner Quellen importiert.',
    figuresTitle: 'Was das Verzeichnis enthält',
    places: 'Orte',
    ties: 'Partnerschaften',
    tiesWithCountries: 'Partnerschaften mit bekanntem Land auf beiden Seiten',
    tiedPlacesLocated: 'Partnerorte mit Koordinaten',
    datedTies: 'Partnerschaften mit bekanntem Unterzeichnungsdatum',
    sourcesTitle: 'Quellen und Lizenzen',
    source: 'Quelle',
    date: 'Datum',
    licence: 'Lizenz',
    rulesTitle: 'Wie Orte zugeordnet wurden',
    rulesIntro:
      'Wo eine Quelle Land oder Lage eines Ortes nicht nannte, wurde er beim Erstellen der Daten nach diesen Regeln zugeordnet; jede Regel wurde nur verwendet, wenn ihre Genauigkeit, blind gemessen an Orten, deren Land eine andere Quelle nennt, mindestens 98 % betrug.',
    rule: 'Regel',
    matched: 'Zugeordnete Orte',
    precision: 'Gemessene Genauigkeit',
    partial:
      'Die Daten sind unvollständig: Viele Partnerschaften fehlen, und Unterzeichnungsdaten sind selten bekannt. Partnerschaftsbüros können ihre Partnerschaften hier ergänzen und berichtigen; die Seite zur Datenqualität zeigt, was zuerst anzusehen ist.',
    qualityLink: 'Datenqualität: was den Daten noch fehlt',
    statsData: (date: string) => `Datenstand: ${date}.`,
    share: (part: string, whole: string, percent: string) => `${part} von ${whole} (${percent})`,
  },

  // ---- labels ----
  labels: {
    continents: {
      AF: 'Afrika',
      AN: 'Antarktis',
      AS: 'Asien',
      EU: 'Europa',
      NA: 'Nordamerika',
      OC: 'Ozeanien',
      SA: 'Südamerika',
    },
    levels: { country: 'National', region: 'Regional', city: 'Stadt', district: 'Bezirk', other: 'Andere' },
    tieKinds: {
      sister: 'Städtepartnerschaft',
      friendship: 'Freundschaft',
      partnership: 'Partnerschaft',
      cooperation: 'Kooperation',
    },
    statuses: {
      proposed: 'geplant',
      active: 'aktiv',
      dormant: 'ruhend',
      suspended: 'ausgesetzt',
      ended: 'beendet',
    },
    formerMember: 'Ehemaliges Mitglied',
  },

  // ---- places ----
  places: {
    kinds: { country: 'Land', region: 'Region', city: 'Stadt', district: 'Bezirk', other: 'Ort' },
    facts: 'Fakten',
    population: 'Einwohner',
    leader: 'Oberhaupt',
    since: 'seit',
    languages: 'Sprachen',
    currency: 'Währung',
    timezone: 'Zeitzone',
    coordinates: 'Koordinaten',
    wikidata: 'Wikidata',
    unknown: 'unbekannt',
    partners: (n: number) => `Partner (${kit.num(n)})`,
    noPartners: 'Für diesen Ort ist noch keine Partnerschaft bekannt.',
    mapTitle: (name: string) => `${name} und seine Partner`,
    mapDesc: (name: string, n: number, shown: number) =>
      `Weltkarte mit ${name} und Linien zu ${shown} seiner ${n} Partner, deren Lage bekannt ist.`,
    noMap: 'Die Lage dieses Ortes ist nicht bekannt, daher gibt es keine Karte.',
    profile: 'Porträt',
    profileEmpty:
      'Über diesen Ort wurde noch nichts geschrieben: Programme, Wirtschaft, Sehenswertes, Klima, Sport und regionale Küche.',
    tieEmpty: (home: string) => `Die Geschichte der Partnerschaft mit ${home} ist noch nicht geschrieben.`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `Partner von ${home} ${since(signed)}.` : `Partner von ${home}.`,
    aboutTie: 'Über die Partnerschaft',
    ourProgramWith: (place: string) => `Unser Programm mit ${place}`,
    ourProgram: 'Unser Partnerschaftsprogramm',
    runBy: 'Getragen von',
    committee: 'Ausschuss',
    committees: 'Ausschüsse',
    whomToAsk: 'Ansprechpersonen',
    allContacts: (org: string) => `Alle Ausschüsse und Ansprechpersonen von ${org}`,
    agreementSigned: 'Vertrag unterzeichnet',
    tieKind: 'Art der Beziehung',
    signedYear: (y: string) => `unterzeichnet ${y}`,
    noCountry: 'Land unbekannt',
    json: 'Dieser Ort als JSON',
    more: 'Mehr',
    statistics: 'Statistik',
    network: 'Cousinstädte und offene Dreiecke',
    hierarchy: 'Gehört zu',
    directoryTitle: 'Länder und Gebiete',
    directoryIntro: (n: number) =>
      `Alle ${n} Länder und Gebiete nach ISO 3166, mit ihren bestehenden Partnerschaften.`,
    byName: 'A bis Z',
    byContinent: 'Nach Kontinent',
    ties: (n: number) => ties(n),
    countryFacts: 'Über das Land',
    continent: 'Kontinent',
    timezones: 'Zeitzonen',
    topPlaces: 'Orte mit den meisten Partnerschaften',
    partnerCountries: 'Partnerschaften nach Partnerland',
    culture: 'Kultur',
    cultureEmpty: 'Noch keine Notizen zur Kultur: Sprache, Küche, Sport, Feste und Klima.',
    tiesWith: (c: string, n: number) => `${ties(n)} mit ${c}`,
    place: 'Ort',
    country: 'Land',
    count: 'Partnerschaften',
  },

  // ---- countries ----
  countries: {},

  // ---- search ----
  search: {
    suggestKinds: {
      country: 'Land',
      region: 'Region',
      city: 'Stadt',
      district: 'Bezirk',
      other: 'Ort',
    } as Record<string, string>,
    suggestTies: (n: number) => ties(n),
    title: 'Orte suchen',
    label: 'Name, in jeder Sprache',
    country: 'Ländercode',
    kind: 'Art',
    any: 'alle',
    ties: 'Partnerschaften',
    withTies: 'mit Partnerschaften',
    withoutTies: 'ohne Partnerschaften',
    search: 'Suchen',
    results: (q: string) => `Orte zu „${q}“`,
    none: 'Kein Ort passt. Versuchen Sie den Anfang des Namens, in beliebiger Sprache.',
    next: 'Weitere Treffer',
  },

  // ---- home ----
  home: {
    title: 'Die Städtepartnerschaften der Welt',
    intro: (places: number, n: number) =>
      `Ein offenes Verzeichnis der Städtepartnerschaften: ${kit.num(places)} Orte und ${kit.plural(n, { one: '1 Partnerschaft', other: `${kit.num(n)} Partnerschaften` })} zwischen ihnen, aus Wikidata und von den Partnerschaftsbüros, die sie pflegen.`,
    mapTitle: 'Die Orte mit den meisten Partnerschaften und ihre Verbindungen',
    mapDesc: (n: number, links: number, top: string) =>
      `Weltkarte der ${n} Orte mit den meisten Partnerschaften, Punkte nach Anzahl der Partnerschaften bemessen, und der ${links} Partnerschaften zwischen ihnen. An der Spitze: ${top}.`,
    busiest: 'Meiste Partnerschaften',
    recent: 'Letzte Änderungen',
    news: 'Aktuelles',
    events: 'Kommende Termine',
    noNews: 'Noch keine Neuigkeiten.',
    noEvents: 'Keine Termine in Sicht.',
    allNews: 'Alle Neuigkeiten',
    allEvents: 'Alle Termine',
    recentNone: 'Bisher hat sich nichts geändert.',
    seeded: (places: number | null, ties: number | null) =>
      places !== null && ties !== null
        ? `Mitgelieferte Daten geladen: ${kit.num(places)} Orte und ${kit.num(ties)} Partnerschaften`
        : 'Mitgelieferte Daten geladen',
    seededLink: 'Über die mitgelieferten Daten',
    explore: 'Entdecken',
    rankings: 'Welche Orte und Länder die meisten Partnerschaften haben',
    ties: 'Partnerschaften nach Länderpaar, Art, Status und Jahrzehnt',
    network: 'Das Netzwerk: Gruppen von Orten und die zentralsten Städte',
    path: 'Wie zwei Orte über eine Kette von Partnerschaften verbunden sind',
    quality: 'Was den Daten noch fehlt',
    countries: 'Alle Länder und Gebiete',
    api: 'Daten und API',
    tieCount: (n: number) => ties(n),
    placeTies: (place: string, n: number) => `${place}: ${ties(n)}`,
    tieLink: (a: string, b: string) => `${a} – ${b}`,
    // home mode
    homeTitle: (home: string) => `${home} und seine Partnerstädte`,
    homeIntro: (home: string, n: number, countries: number) =>
      `${home} ist mit ${kit.plural(n, { one: 'einem Ort', other: `${kit.num(n)} Orten` })} in ${kit.plural(countries, { one: 'einem Land', other: `${kit.num(countries)} Ländern` })} verbunden: Partnerstädte, Freundschaftsstädte und Partner. Erfahren Sie, wer sie sind, was wir gemeinsam unternehmen und wie Sie mitmachen können.`,
    homeNone: (home: string) => `Für ${home} sind noch keine Partnerschaften verzeichnet.`,
    homeMap: (home: string) => `${home} und seine Partner auf der Karte`,
    homeMapDesc: (home: string, n: number, shown: number) =>
      `Weltkarte mit Linien von ${home} zu ${shown} seiner ${n} Partner, deren Lage bekannt ist.`,
    partners: 'Unsere Partner',
    signed: (d: string) => `Vertrag unterzeichnet ${on(d)}`,
    signedUnknown: 'Datum der Unterzeichnung nicht verzeichnet',
    aboutHome: (home: string) => `Über ${home}`,
    homeStats: (home: string) => `Die Partnerschaften von ${home} in Zahlen und Grafiken`,
    // the search box (suggest.js fills {n})
    search: {
      label: 'Einen Ort finden, in jeder Sprache',
      placeholder: 'Malmö, 鞍山, Mailand…',
      submit: 'Suchen',
      list: 'Vorgeschlagene Orte',
      none: 'Kein Ort beginnt so.',
      count: '{n} Orte vorgeschlagen; wählen Sie mit den Pfeiltasten.',
    },
  },

  // ---- ties ----
  ties: {
    title: 'Partnerschaften erkunden',
    between: (a: string, b: string) => `Partnerschaften zwischen ${a} und ${b}`,
    of: (a: string) => `Partnerschaften: ${a}`,
    intro:
      'Alle Partnerschaften des Verzeichnisses: Wählen Sie ein Land, oder zwei für die Partnerschaften zwischen ihnen, die Art der Beziehung, ihren Status und das Jahrzehnt der Unterzeichnung.',
    country: 'Land',
    partnerCountry: 'Partnerland',
    kind: 'Art',
    status: 'Status',
    decade: 'Unterzeichnet',
    any: 'alle',
    decadeLabel: (d: number) => `in den ${d}er-Jahren`,
    apply: 'Anzeigen',
    count: (n: number) =>
      kit.plural(n, {
        one: `${kit.num(n)} Partnerschaft passt.`,
        other: `${kit.num(n)} Partnerschaften passen.`,
      }),
    none: 'Keine Partnerschaft passt zu diesen Filtern.',
    place: 'Ort',
    partner: 'Partner',
    signed: 'Unterzeichnet',
    details: 'Details',
    detailsOf: (a: string, b: string) => `Details: ${a} – ${b}`,
    inCountry: (country: string) => ` · ${country}`,
    next: 'Nächste Seite',
    prev: 'Vorherige Seite',
    // one tie
    tieTitle: (a: string, b: string) => `${a} und ${b}`,
    facts: 'Die Partnerschaft',
    ended: 'Beendet',
    listedBy: 'Verzeichnet von',
    listedBoth: 'beiden Seiten',
    notes: 'Anmerkungen',
    sources: 'Quellen',
    sourceFact: (fact: string) => ` (${fact})`,
    unknown: 'unbekannt',
    profile: 'Geschichte und Programme',
    empty: 'Die Geschichte dieser Partnerschaft und ihre Programme sind noch nicht geschrieben.',
    mapTitle: (a: string, b: string) => `${a} und ${b} auf der Karte`,
    mapDesc: (a: string, b: string) => `Weltkarte mit einer Linie von ${a} nach ${b}.`,
    sides: 'Die beiden Orte',
  },

  // ---- stats ----
  stats: {
    statsTitle: (name: string) => `Statistik: ${name}`,
    statsIntro:
      'Partnerschaften des Ortes und aller ihm zugehörigen Orte mit Partnern außerhalb, jede nur einmal gezählt.',
    filters: 'Filter',
    since: 'Auch zählen seit',
    asOf: 'Stand am',
    kind: 'Art',
    status: 'Status',
    statusDefault: 'aktiv (Standard)',
    partners: 'Partner',
    allPartners: 'alle',
    international: 'in anderen Ländern',
    domestic: 'im selben Land',
    any: 'alle',
    apply: 'Anwenden',
    total: 'Partnerschaften',
    countries: 'Partnerländer',
    firstYear: 'Erste Partnerschaft',
    sinceCount: (d: string) => `Seit dem ${d}`,
    growth: 'Entwicklung',
    growthDesc: (first: number, last: number, total: number) =>
      `Neue Partnerschaften pro Jahr von ${first} bis ${last} und die laufende Summe, die ${total} erreicht.`,
    perYear: 'Neu pro Jahr',
    cumulative: 'Gesamt',
    byContinent: 'Nach Kontinent',
    byCountry: 'Nach Land',
    byLevel: 'Nach Ebene der lokalen Seite',
    map: 'Partnerländer auf der Karte',
    mapDesc: (n: number) =>
      `Weltkarte, die die ${n} Länder mit Partnern nach Anzahl der Partnerschaften einfärbt.`,
    mapLegend: 'Partnerschaften pro Land',
    barsDesc: (what: string, first: string) => `${what}, die größten zuerst: ${first}.`,
    barEntry: (label: string, n: number) => `${label} ${kit.num(n)}`,
    chartTitle: (what: string, place: string) => `${what} · ${place}`,
    statusList: (statuses: string[]) => statuses.join(', '),
    download: 'Herunterladen',
    dataTable: 'Datentabelle',
    noYears: 'Für keine Partnerschaft ist das Jahr der Unterzeichnung bekannt, daher gibt es keine Grafik.',
    noTies: 'Mit diesen Filtern wird keine Partnerschaft gezählt.',
    embed: 'Auf Ihrer Website einbinden',
    embedHelp: 'Kopieren Sie dies in eine Seite Ihrer Website, um den Absatz und die Grafik zu zeigen.',
    year: 'Jahr',
    newTies: 'Neu',
    country: 'Land',
    level: 'Ebene',
    count: 'Partnerschaften',
    unknownYearNote: (n: number) =>
      kit.plural(n, {
        one: `${kit.num(n)} ohne bekanntes Jahr ist nicht in der Grafik.`,
        other: `${kit.num(n)} ohne bekanntes Jahr sind nicht in der Grafik.`,
      }),
    sourceNote: 'Zahlen aus dem Twinning-Verzeichnis.',
  },

  // ---- rankings ----
  rankings: {
    title: 'Ranglisten',
    intro:
      'Orte und Länder mit den meisten bestehenden Partnerschaften. Wählen Sie einen Zeitraum, um die am schnellsten wachsenden zu sehen.',
    continent: 'Kontinent',
    all: 'Alle Kontinente',
    from: 'Unterzeichnet von',
    to: 'bis',
    apply: 'Anwenden',
    periodNote: 'Nur Partnerschaften mit bekanntem Unterzeichnungsdatum im Zeitraum zählen.',
    places: 'Orte mit den meisten Partnerschaften',
    countries: 'Länder mit den meisten Partnerschaften',
    rank: 'Nr.',
    place: 'Ort',
    country: 'Land',
    count: 'Partnerschaften',
    none: 'Nichts passt.',
  },

  // ---- network ----
  network: {
    pathTitle: 'Verbindungskette',
    pathIntro: 'Wie sind zwei Orte verbunden? Die kürzeste Kette bestehender Partnerschaften zwischen ihnen.',
    fromPlace: 'Von',
    toPlace: 'Nach',
    find: 'Kette finden',
    steps: (n: number) =>
      kit.plural(n, {
        one: `${kit.num(n)} Partnerschaft entfernt`,
        other: `${kit.num(n)} Partnerschaften entfernt`,
      }),
    noChain: 'Keine Kette von Partnerschaften verbindet diese Orte.',
    bothEnds: 'Geben Sie beide Orte an: Start und Ziel.',
    which: (text: string) => `Welches „${text}“?`,
    whichHint: 'Mehrere Orte tragen diesen Namen. Wählen Sie den gemeinten:',
    choiceTies: (n: number) => ties(n),
    choose: 'Kette finden',
    networkTitle: 'Das Partnerschaftsnetz',
    networkIntro:
      'Orte sind durch bestehende Partnerschaften verbunden (nicht beendete, nicht nur geplante).',
    places: 'Orte mit Partnerschaften',
    ties: 'Partnerschaften',
    components: 'Getrennte Gruppen',
    largest: 'Größte Gruppen',
    size: 'Orte',
    hub: 'Am besten vernetzter Ort',
    mostConnected: 'Am besten vernetzte Orte',
    mostCentral: 'Zentralste Orte',
    centralNote: 'Betweenness: wie oft ein Ort auf den kürzesten Ketten zwischen anderen liegt (geschätzt).',
    betweenness: 'Betweenness',
    computing: 'Die Netzwerkzahlen werden berechnet; diese Seite zeigt sie in einer Minute.',
    reloadHint: 'Laden Sie die Seite in einer Minute neu:',
    reload: 'Netzwerkzahlen anzeigen',
    previous: (when: string) =>
      `Bis dahin sind die am ${when} berechneten Zahlen zu sehen; Orte und Partnerschaften haben sich seitdem geändert.`,
    aroundTitle: (n: string) => `Netzwerk: ${n}`,
    cousins: 'Cousinstädte',
    cousinsNote:
      'Orte mit einem gemeinsamen Partner, die selbst nicht verbunden sind: Kandidaten für eine neue Partnerschaft.',
    sharedPartners: 'Gemeinsame Partner',
    triangles: 'Offene Dreiecke',
    trianglesNote:
      'Zwei Partner, die nicht miteinander verbunden sind: Eine Dreieckspartnerschaft könnte das Dreieck schließen.',
    componentSize: (n: number) =>
      kit.plural(n, {
        one: `Erreicht ${kit.num(n)} Ort über Ketten von Partnerschaften.`,
        other: `Erreicht ${kit.num(n)} Orte über Ketten von Partnerschaften.`,
      }),
    qualityTitle: 'Datenqualität',
    qualityIntro: 'Worauf Redakteure zuerst schauen sollten.',
    dataTitle: 'Über die Daten',
    dataAsOf: (date: string) =>
      `Die mitgelieferten Daten beschreiben die Welt mit Stand ${date}, so wie ihre Quellen sie kannten.`,
    dataSources: 'Erstellt aus:',
    dataPartial:
      'Partnerschaften, die keine dieser Quellen verzeichnet, fehlen, und manche verzeichnete sind vielleicht beendet: Partnerschaftsbüros kennen ihre eigenen Partnerschaften am besten und können sie hier berichtigen.',
    oneSided: 'Nur von einer Seite verzeichnete Partnerschaften',
    listedBy: 'Verzeichnet von',
    notListedBy: 'Nicht verzeichnet von',
    withoutCountry: 'Orte ohne Land',
    withoutCoordinates: 'Orte ohne Koordinaten',
    duplicates: 'Mögliche Dubletten',
    disagreements: 'Wo Quellen sich widersprechen',
    disagreementsNote: 'Der übernommene Wert und was eine andere Quelle sagt.',
    fact: 'Angabe',
    kept: 'Übernommen',
    other: 'Andere Quelle sagt',
    showing: (shown: number, total: number) =>
      `Insgesamt ${kit.num(total)}; die ersten ${kit.num(shown)} werden gezeigt.`,
    place: 'Ort',
    country: 'Land',
    ties2: 'Partnerschaften',
    stats: 'Statistik',
    none: 'Keine.',
  },

  // ---- sections ----
  sections: {
    labels: {
      story: 'Geschichte der Partnerschaft',
      programs: 'Programme und Austausch',
      locale: 'Über den Ort',
      economy: 'Wirtschaft',
      tourism: 'Sehenswertes',
      climate: 'Klima',
      sports: 'Sport',
      food: 'Regionale Küche',
      language: 'Sprache',
      currency: 'Geld',
      cuisine: 'Küche',
      festivals: 'Feste',
    } as Record<string, string>,
    writtenIn: (name: string) => `Auf ${name} geschrieben.`,
  },

  // ---- program ----
  program: {
    activities: 'Aktivitäten',
    news: 'Aktuelles',
    events: 'Kommende Termine',
    photos: 'Fotos',
    about: 'zu',
    follow: 'Folgen',
    noActivities: 'Noch keine Aktivität verzeichnet.',
    allNews: 'Alle Neuigkeiten dazu',
    allActivities: (n: number) => `Alle ${kit.num(n)} Aktivitäten`,
    removePhoto: 'Entfernen',
  },

  // ---- orgs ----
  orgs: {
    title: 'Organisationen',
    none: 'Noch keine Organisation.',
    home: 'Heimatort:',
    manage: 'Verwalten',
    news: 'Aktuelles',
    events: 'Kommende Termine',
    activities: 'Aktivitäten',
    people: 'Personen',
    committees: 'Ausschüsse',
    institutions: 'Partnerinstitutionen',
    memberships: 'Mitgliedschaften',
    contacts: 'Ausschüsse und Ansprechpersonen',
    office: 'Geschäftsstelle und Vorstand',
    nothing: 'Noch nichts.',
    since: (year: string) => `seit ${year}`,
    feedTitle: (org: string) => `${org}: Aktuelles`,
    calendarTitle: (org: string) => `${org}: Termine`,
  },

  // ---- entries ----
  entries: {
    types: entryTypes({
      post: {
        one: 'Beitrag',
        many: 'Nachrichten und Artikel',
        add: 'Beitrag schreiben',
        fields: {
          title: { label: 'Titel' },
          kind: { label: 'Art' },
          summary: { label: 'Zusammenfassung', hint: 'Ein oder zwei Sätze für Listen und Feeds.' },
          body: {
            label: 'Text (Markdown)',
            hint: 'Absätze werden durch eine Leerzeile getrennt; **fett**, *kursiv*, [Links](https://example.org), Listen mit „- “.',
          },
        },
      },
      event: {
        one: 'Termin',
        many: 'Termine',
        add: 'Termin hinzufügen',
        fields: {
          title: { label: 'Titel' },
          starts: { label: 'Beginn', hint: 'Ortszeit am Veranstaltungsort.' },
          ends: { label: 'Ende' },
          timezone: { label: 'Zeitzone', hint: 'Ein IANA-Name wie Europe/Berlin oder Asia/Shanghai.' },
          venue: { label: 'Ort' },
          description: { label: 'Beschreibung (Markdown)' },
        },
      },
      activity: {
        one: 'Aktivität',
        many: 'Aktivitäten',
        add: 'Aktivität hinzufügen',
        fields: {
          title: { label: 'Titel' },
          kind: { label: 'Art' },
          date: { label: 'Datum', hint: 'JJJJ-MM-TT, oder JJJJ-MM bzw. JJJJ, wenn nicht mehr bekannt ist.' },
          endDate: { label: 'Letzter Tag' },
          venue: { label: 'Ort' },
          summary: { label: 'Was geschah (Markdown)' },
          people: { label: 'Unsere Teilnehmenden' },
          institutions: { label: 'Beteiligte Partnerinstitutionen' },
          participants: {
            label: 'Weitere Teilnehmende',
            hint: 'Eine Angabe pro Zeile: Personen und Institutionen.',
          },
          outcome: { label: 'Ergebnis' },
          amount: { label: 'Betrag', hint: 'Bei wirtschaftlichen Ergebnissen: der vereinbarte Wert.' },
          currency: { label: 'Währung', hint: 'ISO 4217, z. B. EUR, CNY, USD.' },
          seeking: { label: 'Teilnehmende gesucht' },
          contact: { label: 'Kontakt', hint: 'An wen man sich wendet, um mitzumachen.' },
        },
      },
      committee: {
        one: 'Ausschuss',
        many: 'Ausschüsse',
        add: 'Ausschuss hinzufügen',
        fields: {
          title: { label: 'Name' },
          country: { label: 'Partnerland', hint: 'ISO-Code, z. B. JP.' },
          about: { label: 'Beschreibung' },
        },
      },
      person: {
        one: 'Person',
        many: 'Personen',
        add: 'Person hinzufügen',
        fields: {
          title: { label: 'Name' },
          role: { label: 'Rolle' },
          position: { label: 'Funktion', hint: 'z. B. Leiterin des Büros für internationale Beziehungen.' },
          committee: { label: 'Ausschuss' },
          email: { label: 'E-Mail' },
          phone: { label: 'Telefon' },
          public: { label: 'E-Mail und Telefon öffentlich zeigen' },
        },
      },
      institution: {
        one: 'Institution',
        many: 'Partnerinstitutionen',
        add: 'Institution hinzufügen',
        fields: {
          title: { label: 'Name' },
          kind: { label: 'Art' },
          place: { label: 'Orts-ID', hint: 'Wo sie ist, z. B. Q79867 (optional).' },
          url: { label: 'Website' },
        },
      },
      membership: {
        one: 'Mitgliedschaft',
        many: 'Mitgliedschaften',
        add: 'Mitgliedschaft hinzufügen',
        fields: {
          title: { label: 'Verband' },
          since: { label: 'Mitglied seit (Jahr)' },
          url: { label: 'Website' },
        },
      },
    }),
    choices: {
      news: 'Nachricht',
      article: 'Artikel',
      'delegation-in': 'empfangene Delegation',
      'delegation-out': 'entsandte Delegation',
      exchange: 'Austausch',
      program: 'Programm',
      festival: 'Fest',
      conference: 'Konferenz',
      business: 'wirtschaftliches Ergebnis',
      'co-chair': 'Ko-Vorsitz',
      chair: 'Vorsitz',
      director: 'Leitung',
      secretary: 'Geschäftsführung',
      treasurer: 'Kasse',
      contact: 'Ansprechperson',
      member: 'Mitglied',
      university: 'Hochschule',
      school: 'Schule',
      company: 'Unternehmen',
      agency: 'Behörde',
      hospital: 'Krankenhaus',
      museum: 'Museum',
      other: 'Sonstiges',
    } as Record<string, string>,
    choose: 'Bitte wählen…',
    manage: (org: string) => `Verwalten: ${org}`,
    listTitle: (many: string, org: string) => `${many} · ${org}`,
    addTitle: (add: string, org: string) => `${add} · ${org}`,
    edit: (title: string) => `Bearbeiten: ${title}`,
    save: 'Speichern',
    saved: 'Gespeichert.',
    deleted: 'Gelöscht.',
    del: 'Löschen',
    cannot: 'Das hat nicht geklappt',
    fieldProblem: (label: string, message: string) => `${label}: ${message}`,
    aboutField: 'Worum es geht',
    none: 'Noch nichts.',
    history: 'Verlauf',
    historyTitle: (title: string) => `Verlauf: ${title}`,
    back: 'Zurück',
    viewOnSite: 'Auf der Website ansehen',
    about: 'Worum es geht',
    aboutLower: 'zu',
    when: 'Wann',
    published: 'Veröffentlicht',
    venue: 'Ort',
    participants: 'Teilnehmende',
    outcome: 'Ergebnis',
    amount: 'Betrag',
    seeking: 'Teilnehmende gesucht.',
    seekingTag: 'Teilnehmende gesucht',
    contactTo: (contact: string) => `Wer mitmachen möchte, wendet sich an: ${contact}`,
    allActivities: 'Aktivitäten aller Programme',
    activitiesIntro:
      'Delegationen, Austausche, Programme, Feste, Konferenzen und wirtschaftliche Ergebnisse, die Partnerschaftsprogramme verzeichnet haben, die neuesten zuerst.',
    activitiesAbout: (x: string) => `Aktivitäten zu ${x}`,
    activityCount: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} Aktivität`, other: `${kit.num(n)} Aktivitäten` }),
    backTo: (x: string) => `Zurück zu ${x}`,
    newer: 'Neuere',
    older: 'Ältere',
  },

  // ---- posts ----
  posts: {
    news: 'Aktuelles',
    allNews: 'Neuigkeiten aller Programme',
    newsIntro:
      'Was Partnerschaftsprogramme veröffentlichen: Nachrichten und Artikel über ihre Orte und Partner.',
    newsAbout: (x: string) => `Neuigkeiten zu ${x}`,
    postCount: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} Beitrag`, other: `${kit.num(n)} Beiträge` }),
    feed: 'Atom-Feed',
    feedTitle: 'Twinning: Neuigkeiten der Partnerschaftsprogramme',
    feedAbout: (x: string) => `Twinning: Neuigkeiten zu ${x}`,
  },

  // ---- events ----
  events: {
    title: 'Kommende Termine',
    intro:
      'Termine der Partnerschaftsprogramme, die noch nicht vorbei sind, die nächsten zuerst. Die Zeiten sind Ortszeiten des jeweiligen Termins.',
    calendar: 'Kalender (iCalendar)',
    addToCalendar: 'In einen Kalender übernehmen (.ics)',
    calendarTitle: 'Twinning: Termine der Städtepartnerschaften',
    by: (org: string) => `${org}.`,
  },

  // ---- community ----
  community: {
    comments: 'Kommentare',
    noComments: 'Noch keine Kommentare.',
    write: 'Kommentar schreiben',
    reply: 'Antworten',
    replyTo: (name: string) => `Antwort an ${name}`,
    send: 'Senden',
    followReplies: 'Mich per E-Mail über Antworten benachrichtigen',
    signInToComment: 'Zum Kommentieren anmelden',
    waiting: 'Vielen Dank. Ihr Kommentar erscheint, sobald ihn jemand aus der Redaktion gelesen hat.',
    published: 'Ihr Kommentar ist veröffentlicht.',
    yours: 'Ihr Kommentar wartet auf die Redaktion.',
    blocked: 'Sie dürfen die Beiträge dieser Organisation nicht kommentieren.',
    moderation: 'Zu prüfende Kommentare',
    moderationIntro:
      'Kommentare zu den Beiträgen Ihrer Organisationen warten hier, bis die Redaktion sie freigibt oder ablehnt.',
    nothing: 'Nichts wartet.',
    approve: 'Freigeben',
    reject: 'Ablehnen',
    block: 'Verfasser sperren',
    on: 'zu',
    done: 'Erledigt.',
    follow: 'Folgen',
    following: (mode: string) => `Sie folgen diesem Inhalt (${mode}).`,
    unfollow: 'Nicht mehr folgen',
    instant: 'jedes Mal eine E-Mail',
    daily: 'eine tägliche Zusammenfassung',
    how: 'Wie Sie von Neuem erfahren',
    signInToFollow: 'Zum Folgen anmelden',
    followHint: 'Per E-Mail von neuen Beiträgen, Terminen und Aktivitäten erfahren.',
    confirmFirst: 'E-Mails kommen, sobald Sie Ihre E-Mail-Adresse bestätigt haben:',
    removed: 'Dieser Kommentar wurde entfernt.',
    removedDone: 'Der Kommentar ist entfernt.',
    removeOwn: 'Meinen Kommentar löschen',
    removeOther: 'Entfernen',
    repliesTo: 'Antworten auf',
    settingsTitle: 'Ihre Benachrichtigungen',
    settingsIntro: (e: string) => `Was die Website an ${e} schickt.`,
    followNothing: 'Sie folgen nichts: Sie erhalten keine Benachrichtigungen.',
    stop: 'Beenden',
    stopAll: 'Alle Benachrichtigungen beenden',
    stopAsk: (e: string) =>
      `Alle Benachrichtigungen an ${e} beenden? Sie können von jeder Seite aus wieder folgen.`,
    stopped:
      'Erledigt: Sie erhalten keine Benachrichtigungen mehr. Folgen Sie von jeder Seite aus wieder, wann Sie möchten.',
    unfollowed: 'Erledigt: Das erreicht Sie nicht mehr.',
    changeMode:
      'Um zwischen einer E-Mail pro Ereignis und einer täglichen Zusammenfassung zu wählen, melden Sie sich an:',
    yourAccount: 'Ihr Konto',
    photos: 'Fotos',
    addPhoto: 'Foto hinzufügen',
    file: 'Foto (JPEG, PNG, WebP, GIF oder AVIF; bis 15 MB)',
    caption: 'Bildunterschrift (was es zeigt)',
    upload: 'Hochladen',
    remove: 'Entfernen',
    cannot: 'Das hat nicht geklappt',
    blockedList: 'Vom Kommentieren ausgeschlossen',
    unblock: 'Sperre aufheben',
  },

  // ---- account ----
  account: {
    signIn: 'Anmelden',
    signInIntro:
      'Melden Sie sich an, um die Seiten Ihres Programms zu bearbeiten, zu kommentieren und Neuigkeiten zu folgen.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    name: 'Ihr Name',
    nameHint: 'Wird bei Ihren Kommentaren und Änderungen gezeigt.',
    passwordHint: (min: number) => `Mindestens ${min} Zeichen.`,
    wrong: 'E-Mail-Adresse oder Passwort stimmt nicht.',
    cannot: 'Das hat nicht geklappt',
    noAccount: 'Noch kein Konto?',
    signUp: 'Konto anlegen',
    signUpIntro:
      'Mit einem Konto können Sie kommentieren und Orten und Neuigkeiten folgen. Redakteure eines Programms werden von ihrer Organisation hinzugefügt.',
    forgot: 'Passwort vergessen?',
    signOut: 'Abmelden',
    reset: 'Neues Passwort wählen',
    resetIntro:
      'Geben Sie die Adresse Ihres Kontos an; wir schicken Ihnen einen Link, um ein neues Passwort zu wählen.',
    send: 'Link senden',
    resetSent: (e: string) =>
      `Falls ${e} ein Konto hat, ist ein Link zum Wählen eines neuen Passworts unterwegs. Er gilt eine Stunde.`,
    newPassword: 'Neues Passwort',
    save: 'Neues Passwort speichern',
    resetDone: 'Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen an.',
    account: 'Ihr Konto',
    roles: 'Ihre Rollen',
    noRoles:
      'Sie haben noch keine Rolle in einer Organisation. Die Redaktion Ihrer Organisation kann Sie hinzufügen.',
    admin: 'Sie sind Administrator der Website.',
    adminArea: 'Verwaltung',
    roleNames: { editor: 'Redaktion', member: 'Mitglied' } as Record<string, string>,
    roleIn: <T>(org: T, role: string): (T | string)[] => [org, `: ${role}`],
    moderation: 'Zu prüfende Kommentare',
    following: 'Was Sie verfolgen',
    followNothing:
      'Sie folgen noch nichts: Nutzen Sie „Folgen“ bei einem Ort, einer Organisation oder einem Beitrag.',
    followed: (what: string, how: string) => `${what} (${how})`,
    repliesTo: (title: string) => `Antworten auf „${title}“`,
    followGone: (id: string) => `Etwas, das es nicht mehr gibt (${id})`,
    instant: 'jedes Mal eine E-Mail',
    daily: 'eine tägliche Zusammenfassung',
    unfollow: 'Nicht mehr folgen',
    settings: 'Name, Sprache, Passwort und Adresse',
    saveName: 'Speichern',
    mailLang: 'Sprache unserer E-Mails an Sie',
    currentPassword: 'Aktuelles Passwort',
    changePassword: 'Passwort ändern',
    passwordChanged: 'Ihr Passwort wurde geändert; überall sonst wurden Sie abgemeldet.',
    nameChanged: 'Gespeichert.',
    deleteTitle: 'Konto löschen',
    deleteIntro:
      'Ihr Name, Ihre Adresse und Ihr Passwort werden entfernt, Sie folgen nichts mehr und werden überall abgemeldet. Ihre Kommentare und Änderungen bleiben, gezeigt als die eines ehemaligen Mitglieds.',
    deleteButton: 'Mein Konto löschen',
    deleted: 'Ihr Konto wurde gelöscht.',
    changeEmail: 'E-Mail-Adresse ändern',
    newEmail: 'Neue E-Mail-Adresse',
    newEmailHint: 'Wir schicken einen Link dorthin; die Adresse ändert sich, wenn Sie ihn öffnen.',
    emailSent:
      'Ein Link ist an die neue Adresse unterwegs: Ihr Konto zieht dorthin um, wenn Sie ihn öffnen (innerhalb eines Tages). Bis dahin behält es diese Adresse.',
    emailAsk: (from: string, to: string) => `Ihr Konto von ${from} nach ${to} umziehen?`,
    emailButton: 'Neue Adresse verwenden',
    emailChanged: 'Ihr Konto hat seine neue E-Mail-Adresse.',
    welcome: 'Willkommen! Ihr Konto ist bereit.',
    confirmNeeded: (e: string) =>
      `Bitte bestätigen Sie Ihre Adresse: Wir haben einen Link an ${e} geschickt. Bis Sie ihn öffnen, schicken wir Ihnen keine Benachrichtigungen.`,
    confirmResend: 'Link erneut senden',
    confirmSent: (e: string) => `Ein neuer Link ist an ${e} unterwegs.`,
    confirmTitle: 'E-Mail-Adresse bestätigen',
    confirmAsk: (e: string) =>
      `Bestätigen Sie, dass ${e} Ihre Adresse ist, damit wir Ihnen schicken können, was Sie verfolgen.`,
    confirmButton: 'Adresse bestätigen',
    confirmed: 'Vielen Dank: Ihre Adresse ist bestätigt.',
  },

  // ---- admin ----
  admin: {
    admin: 'Verwaltung',
    users: 'Konten',
    orgs: 'Organisationen',
    outbox: 'Postausgang',
    outboxCounts: (queued: number, sent: number, failed: number) =>
      `Postausgang: ${kit.num(queued)} wartend, ${kit.num(sent)} gesendet, ${kit.num(failed)} fehlgeschlagen.`,
    audit: 'Protokoll',
    edits: 'Letzte Änderungen',
    email: 'E-Mail-Adresse',
    name: 'Name',
    since: 'Seit',
    roles: 'Rollen',
    siteAdmin: 'Administrator',
    disabled: 'gesperrt',
    unconfirmed: 'Adresse nicht bestätigt',
    makeAdmin: 'Zum Administrator machen',
    removeAdmin: 'Administratorrechte entziehen',
    disable: 'Sperren',
    enable: 'Entsperren',
    deleteUser: 'Löschen…',
    deleteTitle: (e: string) => `Das Konto von ${e} löschen`,
    deleteIntro:
      'Tun Sie dies, wenn die Person darum bittet. Name, Adresse und Passwort werden entfernt, ihre Abonnements und Rollen entfallen und sie wird abgemeldet; ihre Kommentare und Änderungen bleiben, gezeigt als die eines ehemaligen Mitglieds.',
    deleteConfirm: 'Geben Sie zur Bestätigung die Adresse des Kontos ein',
    deleteButton: 'Konto löschen',
    actions: 'Aktionen',
    newOrg: 'Neue Organisation',
    orgName: 'Name',
    slug: 'Adresse',
    slugHint: 'Kleinbuchstaben, Ziffern und Bindestriche; leer: aus dem Namen gebildet.',
    kind: 'Art',
    home: 'Heimatort',
    homeHint:
      'Der Ort, dessen Programm sie betreibt: Tippen Sie den Anfang seines Namens in einer beliebigen Sprache und wählen Sie ihn, oder seine ID (z. B. Q74957). Ihre Redaktion pflegt diesen Ort, seine Partnerschaften und seine Partner.',
    homeWhich: 'Welchen Ort meinen Sie?',
    homeOption: (name: string, detail: string) => `${name} (${detail})`,
    suggestList: 'Vorgeschlagene Orte',
    suggestNone: 'Kein Ort beginnt so.',
    suggestCount: '{n} Orte vorgeschlagen; wählen Sie mit den Pfeiltasten.',
    about: 'Beschreibung',
    create: 'Anlegen',
    save: 'Speichern',
    saved: 'Gespeichert.',
    cannot: 'Das hat nicht geklappt',
    kinds: {
      commission: 'Kommission',
      association: 'Verein',
      office: 'Büro',
      other: 'Sonstige',
    } as Record<string, string>,
    to: 'An',
    subject: 'Betreff',
    status: 'Status',
    attempts: 'Versuche',
    created: 'Verfasst',
    kept: 'E-Mails bleiben hier: Es ist kein Mailserver eingerichtet (TWINNING_SMTP_URL).',
    delivering:
      'E-Mails werden über den eingerichteten Mailserver zugestellt; fehlgeschlagene Zustellungen werden wiederholt.',
    mailStatus: {
      queued: 'wartend',
      kept: 'hier behalten',
      sending: 'wird gesendet',
      sent: 'gesendet',
      failed: 'fehlgeschlagen',
    } as Record<string, string>,
    retry: 'Erneut versuchen',
    lastError: 'Letzter Fehler',
    when: 'Wann',
    who: 'Wer',
    what: 'Was',
    detail: 'Detail',
    entity: 'Betrifft',
    editSection: (subject: string, section: string, lang: string) => `${subject} · ${section} (${lang})`,
    editFacts: (subject: string) => `${subject} · Fakten`,
    editEntry: (title: string) => `Eintrag: ${title}`,
    editOrg: (name: string) => `Organisation: ${name}`,
    editGone: (entity: string, id: string) => `${entity} ${id} (nicht mehr vorhanden)`,
    members: 'Personen und Rollen',
    addMember: 'Person hinzufügen',
    addHint:
      'Wer kein Konto hat, erhält eine Einladung per E-Mail; die Rolle gilt, sobald die Person sich mit dieser Adresse registriert und sie bestätigt.',
    invites: 'Eingeladen, noch ohne Konto',
    invited: (e: string) => `Eine Einladung ist an ${e} unterwegs.`,
    withdraw: 'Zurückziehen',
    invitedAt: 'Eingeladen',
    withdrawn: 'Die Einladung ist zurückgezogen.',
    role: 'Rolle',
    remove: 'Entfernen',
    manage: 'Verwalten',
    manageTitle: (org: string) => `Verwalten: ${org}`,
    noOrgs: 'Noch keine Organisation.',
    public: 'Öffentliche Seite',
    content: 'Inhalte',
    history: 'Verlauf der Angaben',
    historyTitle: (org: string) => `Verlauf der Angaben: ${org}`,
    original: 'Wie die Organisation angelegt wurde',
    emptyOutbox: 'Noch keine E-Mails.',
    moderation: 'Zu prüfende Kommentare',
    photoRoom: (used: string, room: string) => `Fotos belegen ${used} der ${room} der Organisation.`,
    megabytes: (bytes: number) =>
      `${new Intl.NumberFormat('de', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`,
  },

  // ---- edit ----
  edit: {
    edit: (what: string) => `Bearbeiten: ${what}`,
    sectionOf: (subject: string, section: string) => `${subject} · ${section}`,
    sections: 'Abschnitte',
    written: (langs: string) => `(verfasst auf ${langs})`,
    notWritten: '(noch nicht verfasst)',
    text: 'Text (Markdown)',
    textHint:
      'Absätze werden durch eine Leerzeile getrennt; **fett**, *kursiv*, [ein Link](https://example.org), Listen mit „- “. Ein leerer Text entfernt den Abschnitt.',
    textLang: 'Sprache des Textes',
    save: 'Speichern',
    saved: 'Gespeichert.',
    removed: 'Entfernt.',
    unchanged: 'Nichts geändert.',
    restored: 'Die alte Fassung ist wiederhergestellt.',
    viewOnSite: 'Auf der Website ansehen',
    cannot: 'Das hat nicht geklappt',
    history: 'Verlauf',
    historyOf: (what: string) => `Verlauf: ${what}`,
    factsOf: (subject: string) => `${subject} · Fakten`,
    sectionIn: (subject: string, section: string, lang: string) => `${subject} · ${section} (${lang})`,
    back: 'Zurück zur Seite',
    preview: 'So liest es sich jetzt',
    otherLang: 'In einer anderen Sprache bearbeiten',
    facts: 'Fakten',
    saveFacts: 'Fakten speichern',
    original: 'Wie die Daten es vor der ersten Änderung hier hatten',
    fields: {
      population: { label: 'Einwohner' },
      population_year: { label: 'Einwohner gezählt im Jahr' },
      leader_title: {
        label: 'Amtsbezeichnung',
        hint: 'z. B. Oberbürgermeisterin, Parteisekretär, Gouverneur',
      },
      leader_name: { label: 'Name der Amtsperson' },
      leader_since: { label: 'Im Amt seit', hint: 'JJJJ, JJJJ-MM oder JJJJ-MM-TT' },
      languages: { label: 'Sprachen', hint: 'ISO-639-Codes, getrennt durch „;“, z. B. de; en' },
      currency: { label: 'Währung', hint: 'ISO 4217, z. B. EUR' },
      timezone: {
        label: 'Zeitzone',
        hint: 'IANA-Name, z. B. Europe/Berlin; leer: aus den Koordinaten',
      },
      kind: { label: 'Art der Beziehung' },
      signed: { label: 'Unterzeichnet', hint: 'JJJJ, JJJJ-MM oder JJJJ-MM-TT' },
      ended: { label: 'Beendet', hint: 'wann die Partnerschaft beendet wurde' },
      status: { label: 'Status' },
      source: { label: 'Quellen', hint: 'Eine pro Zeile: eine Webadresse oder ein Zitat' },
      notes: { label: 'Anmerkungen' },
    } as Record<string, { label: string; hint?: string }>,
    problem: (field: string, message: string) => `${field}: ${message}`,
  },

  // ---- history ----
  history: {
    by: 'von',
    commandLine: 'der Kommandozeile',
    current: 'aktuell',
    restore: 'Diese Fassung wiederherstellen',
    empty: 'Noch keine Änderungen.',
    actions: {
      create: 'angelegt',
      edit: 'bearbeitet',
      remove: 'entfernt',
      restore: 'eine ältere Fassung wiederhergestellt',
      delete: 'gelöscht',
      original: 'den Stand vor der ersten Änderung festgehalten',
    } as Record<string, string>,
  },

  // ---- ties and places added on the web, merging duplicates ----
  additions: {
    addTie: 'Partnerschaft hinzufügen',
    addTieOf: (name: string) => `Partnerschaft von ${name} hinzufügen`,
    tieIntro:
      'Eine Partnerschaft zwischen zwei Orten: Wählen Sie den Partnerort, geben Sie an, welche Art von Beziehung es ist und wo sie belegt ist (mindestens eine Quelle).',
    from: 'Erster Ort',
    fromHint:
      'Tippen Sie den Anfang seines Namens in einer beliebigen Sprache und wählen Sie ihn, oder seine ID.',
    home: 'Ihr Heimatort',
    partner: 'Partnerort',
    partnerHint:
      'Tippen Sie den Anfang seines Namens in einer beliebigen Sprache und wählen Sie ihn, oder seine ID (z. B. Q79867).',
    notListed: 'Nicht im Verzeichnis?',
    addThePlace: 'Ort hinzufügen',
    sourceHint: 'Mindestens eine, eine pro Zeile: eine Webadresse oder ein Zitat (Dokument, Datum, Seite).',
    saveTie: 'Partnerschaft hinzufügen',
    tieAdded: 'Die Partnerschaft ist hinzugefügt.',
    viewTie: 'Partnerschaft ansehen',
    addPlace: 'Ort hinzufügen',
    placeIntro:
      'Ein Ort, den das Verzeichnis noch nicht enthält. Die Liste unter dem Namen zeigt Orte, die es womöglich schon gibt: Prüfen Sie sie zuerst.',
    name: 'Name',
    nameHint: 'Wie der Ort üblicherweise auf Englisch oder in seiner eigenen Sprache geschrieben wird.',
    country: 'Land',
    chooseCountry: 'Land wählen',
    kind: 'Art des Ortes',
    parent: 'Gehört zu (optional)',
    parentHint:
      'Die Region oder Stadt, zu der er gehört: Tippen Sie den Anfang ihres Namens und wählen Sie sie.',
    lat: 'Breitengrad',
    lon: 'Längengrad',
    coordinatesHint:
      'Dezimalgrad mit Punkt, z. B. 41.115 und 122.94 (Süden und Westen sind negativ); oder klicken Sie auf die Karte.',
    mapTitle: 'Weltkarte zur Wahl der Koordinaten',
    mapDesc: 'Ein Klick auf die Karte füllt die Felder Breiten- und Längengrad; der Punkt zeigt die Lage.',
    mapHelp:
      'Klicken Sie auf der Karte dorthin, wo der Ort liegt, um seine Koordinaten einzutragen, und berichtigen Sie sie dann von Hand.',
    coordinates: 'Koordinaten',
    wikidata: 'Wikidata-ID (optional)',
    wikidataHint: 'Die Q-Nummer des Datenobjekts, z. B. Q74957.',
    savePlace: 'Ort hinzufügen',
    placeAdded: (name: string) => `${name} ist hinzugefügt.`,
    nowTheTie: 'Fügen Sie jetzt seine Partnerschaft hinzu:',
    viewPlace: 'Ort ansehen',
    maybe: 'Orte, die es womöglich schon gibt',
    noneFound: 'Kein Ort im Verzeichnis sieht ihm ähnlich.',
    looksLike: (name: string, country: string, n: number) =>
      `Das sieht aus wie ${name} (${country}, ${ties(n)}): Trotzdem hinzufügen?`,
    addAnyway: 'Trotzdem hinzufügen: Es ist ein anderer Ort',
    reasons: {
      wikidata: 'gleiche Wikidata-ID',
      name: 'gleicher oder ähnlicher Name',
      near: (km: number) => `${kit.num(km)} km entfernt`,
    },
    ties: (n: number) => ties(n),
    merge: 'Doppelte Orte zusammenführen',
    mergeIntro:
      'Wenn zwei Einträge derselbe Ort sind: Partnerschaften, Namen, Abschnitte, Einträge und Fotos gehen von dem Ort, der wegfällt, auf den Ort über, der bleibt; doppelte Partnerschaften werden zu einer, und die alte Adresse führt zum verbliebenen Ort.',
    keep: 'Ort, der bleibt',
    drop: 'Ort, der wegfällt (das Duplikat)',
    pickHint: 'Tippen Sie den Anfang seines Namens und wählen Sie ihn, oder seine ID.',
    showPreview: 'Zeigen, was übertragen würde',
    preview: 'Was die Zusammenführung bewirkt',
    refused: 'Diese beiden Orte lassen sich nicht zusammenführen',
    moves: {
      tiesMoved: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Partnerschaft geht auf den Ort über, der bleibt`,
          other: `${kit.num(n)} Partnerschaften gehen auf den Ort über, der bleibt`,
        }),
      tiesMerged: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Partnerschaft wird mit einer schon vorhandenen zusammengeführt`,
          other: `${kit.num(n)} Partnerschaften werden mit schon vorhandenen zusammengeführt`,
        }),
      tiesRemoved: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Partnerschaft zwischen den beiden Orten wird entfernt`,
          other: `${kit.num(n)} Partnerschaften zwischen den beiden Orten werden entfernt`,
        }),
      namesAdded: (names: string) => `hinzugefügte Namen: ${names}`,
      factsFilled: (facts: string) => `übernommene Fakten, die ihm fehlten: ${facts}`,
      children: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} untergeordneter Ort wird übertragen`,
          other: `${kit.num(n)} untergeordnete Orte werden übertragen`,
        }),
      sections: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Abschnitt wird übertragen`,
          other: `${kit.num(n)} Abschnitte werden übertragen`,
        }),
      sectionsDropped: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Abschnitt entfällt (der verbleibende Ort hat ihn schon in derselben Sprache); er bleibt im Verlauf erhalten`,
          other: `${kit.num(n)} Abschnitte entfallen (der verbleibende Ort hat sie schon in derselben Sprache); sie bleiben im Verlauf erhalten`,
        }),
      entries: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Eintrag wird übertragen`,
          other: `${kit.num(n)} Einträge werden übertragen`,
        }),
      photos: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Foto wird übertragen`,
          other: `${kit.num(n)} Fotos werden übertragen`,
        }),
      follows: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Abonnement wird übertragen`,
          other: `${kit.num(n)} Abonnements werden übertragen`,
        }),
      organizations: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Organisation erhält den verbleibenden Ort als Heimatort`,
          other: `${kit.num(n)} Organisationen erhalten den verbleibenden Ort als Heimatort`,
        }),
    },
    nothingElse: 'Sonst verweist nichts auf ihn.',
    confirm: 'Geben Sie zur Bestätigung die ID des Ortes ein, der wegfällt',
    confirmHint: (id: string) => `Geben Sie ${id} ein. Dies lässt sich hier nicht rückgängig machen.`,
    doMerge: 'Zusammenführen',
    merged: (drop: string, keep: string) =>
      `${drop} ist in ${keep} aufgegangen; seine alte Adresse führt jetzt dorthin.`,
    historyActions: {
      merge: 'einen doppelten Ort mit diesem zusammengeführt',
      merged: 'diesen Ort mit einem anderen zusammengeführt',
    } as Record<string, string>,
  },

  // ---- the Wikidata sync's proposals ----
  sync: {
    title: 'Änderungsvorschläge aus Wikidata',
    nav: 'Aus Wikidata',
    intro:
      'Der Wikidata-Abgleich vergleicht das Verzeichnis mit Wikidata und listet hier auf, was abweicht. Nichts ändert sich, bevor die Redaktion es annimmt; eine angenommene Angabe behält Wikidata und die Revision, aus der sie stammt, als Quelle.',
    kinds: {
      new_tie: 'Neue Partnerschaft',
      ended_tie: 'Beendete Partnerschaft',
      gone_tie: 'Partnerschaft nicht mehr in Wikidata',
      label: 'Name',
      country: 'Land',
      coordinates: 'Koordinaten',
      population: 'Einwohner',
      parent: 'Liegt in',
    } as Record<string, string>,
    all: 'Alle',
    show: 'Anzeigen',
    none: 'Nichts wartet auf eine Entscheidung.',
    what: 'Was',
    subject: 'Ort oder Partnerschaft',
    change: 'Änderung',
    wikidata: 'Wikidata',
    found: 'Gefunden',
    decision: 'Entscheidung',
    accept: 'Annehmen',
    reject: 'Ablehnen',
    acceptAll: (kind: string, n: number) =>
      kit.plural(n, {
        one: `Den einen Vorschlag der Art „${kind}“ annehmen`,
        other: `Alle ${kit.num(n)} Vorschläge der Art „${kind}“ annehmen`,
      }),
    acceptAllHint:
      'Änderungen an Angaben, die die Redaktion gesetzt hat, bleiben für eine eigene Entscheidung stehen.',
    editorSet: 'von der Redaktion gesetzt',
    nameIn: (lang: string) => `Name (${lang})`,
    nothing: 'keine',
    removed: 'nicht mehr in Wikidata',
    revision: (r: string) => `Revision ${r}`,
    accepted: 'Angenommen: Das Verzeichnis zeigt es jetzt.',
    rejected: 'Abgelehnt: Es wird nicht erneut vorgeschlagen.',
    acceptedAll: (n: number, failed: number) =>
      `${kit.plural(n, { one: `${kit.num(n)} Vorschlag angenommen.`, other: `${kit.num(n)} Vorschläge angenommen.` })}${
        failed
          ? ` ${kit.plural(failed, {
              one: `${kit.num(failed)} Vorschlag ließ sich nicht anwenden und bleibt in der Liste.`,
              other: `${kit.num(failed)} Vorschläge ließen sich nicht anwenden und bleiben in der Liste.`,
            })}`
          : ''
      }`,
    schedule: 'Täglicher Abgleich',
    scheduleOn:
      'Der tägliche Abgleich ist eingeschaltet: Einmal am Tag fragt die Website bei Wikidata nach den seither geänderten Datenobjekten.',
    scheduleOff: 'Der tägliche Abgleich ist ausgeschaltet.',
    lastRun: (at: string) => `Zuletzt gelaufen: ${at}.`,
    neverRun: 'Er ist noch nicht gelaufen.',
    switchOn: 'Täglichen Abgleich einschalten',
    switchOff: 'Täglichen Abgleich ausschalten',
    scheduleSaved: 'Gespeichert.',
    commandLine: 'Um ihn sofort auszuführen: twinning sync wikidata [--area ORT] [--since JJJJ-MM-TT]',
  },

  // ---- download: the registry as open data ----
  download: {
    title: 'Herunterladen',
    placeIntro: (name: string) =>
      `${name} mit allen zugehörigen Orten, ihren Partnerschaften und den Partnerorten als offene Daten:`,
    countryIntro: (name: string) => `${name}, alle Orte darin und ihre Partnerschaften als offene Daten:`,
    searchIntro: 'Die Orte, die diese Suche findet, und ihre Partnerschaften als offene Daten:',
    formats: {
      csv: 'CSV',
      json: 'JSON',
      geojson: 'GeoJSON',
      graphml: 'GraphML',
      gexf: 'GEXF',
    } as Record<string, string>,
    hints: {
      csv: 'ein ZIP-Archiv im Austauschformat, für Tabellenkalkulationen und zum Import',
      json: 'dieselben Datensätze in einer Datei',
      geojson: 'Orte als Punkte, Partnerschaften als Linien, für Karten',
      graphml: 'Orte und Partnerschaften als Netzwerk',
      gexf: 'das Netzwerk für Gephi',
    } as Record<string, string>,
    licence: 'Lizenz:',
    licenceName: 'Open Database License 1.0',
    licenceEnd: '. ',
    sources: 'Jede Datei nennt ihre Quellen und deren Lizenzen.',
    whole: 'Das ganze Verzeichnis',
    /** the name of a tie in linked data */
    tieName: (a: string, b: string) => `Städtepartnerschaft zwischen ${a} und ${b}`,
    datasetName: 'Twinning: das Verzeichnis der Städtepartnerschaften',
    datasetDescription:
      'Die Partnerstädte der Welt: Orte mit ihren Namen, Koordinaten sowie Wikidata- und GeoNames-IDs, und die ' +
      'Partnerschaften zwischen ihnen mit Datum und Quellen.',
  },

  // ---- API reference (/api) ----
  apiRef: {
    title: 'API-Referenz',
    intro:
      'Das Verzeichnis lässt sich auch von Programmen lesen: JSON über HTTP, ohne Schlüssel. Unten jede Operation mit ihren Parametern, einer Beispielanfrage und -antwort und ihren Fehlern.',
    version: 'Version',
    server: 'Basisadresse',
    licence: 'Lizenz der Daten',
    document: 'Dokument',
    rawLink: 'Das OpenAPI-Dokument (JSON)',
    errorsIntro:
      'Ein Fehler antwortet mit seinem HTTP-Status und einem JSON-Körper mit `error` und `message`; bei 429 oder 503 sagt `Retry-After`, wann man es erneut versuchen kann.',
    englishNote: 'Die Beschreibungen der Operationen sind auf Englisch.',
    contents: 'Inhalt',
    parameters: 'Parameter',
    noParameters: 'Keine Parameter.',
    name: 'Name',
    in: 'Ort',
    type: 'Typ',
    required: 'Pflicht',
    meaning: 'Bedeutung',
    inPath: 'Pfad',
    inQuery: 'Abfrage',
    yes: 'ja',
    no: 'nein',
    exampleRequest: 'Beispielanfrage',
    exampleResponse: 'Beispielantwort',
    errors: 'Fehler',
    status: 'Status',
    defaultValue: (v: string) => `Standard ${v}`,
  },

  // ---- partner matching ----
  matching: {
    link: 'Partner finden',
    title: (name: string) => `Einen Partner für ${name} finden`,
    intro:
      'Orte, die als neue Partner passen könnten, die besten zuerst, jeweils mit den Gründen für die Wahl. ' +
      'Der Ort selbst und seine Partner sind ausgenommen.',
    filters: 'Filter',
    countries: 'Gewünschte Länder',
    excludeCountries: 'Ausgeschlossene Länder',
    codesHint: 'ISO-Codes, z. B. DE, FR',
    continent: 'Gewünschter Kontinent',
    excludeContinent: 'Ausgeschlossener Kontinent',
    any: 'Alle',
    minKm: 'Mindestens (km)',
    maxKm: 'Höchstens (km)',
    kind: 'Art des Ortes',
    sameKind: 'Gleiche Art',
    minPop: 'Einwohner ab',
    maxPop: 'Einwohner bis',
    submit: 'Suchen',
    results: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} Kandidat`, other: `${kit.num(n)} Kandidaten` }),
    none: 'Kein Ort entspricht diesen Filtern.',
    score: 'Punkte',
    population: 'Einwohner',
    distance: 'Entfernung',
    km: (km: number) => `${kit.num(km)} km`,
    reasonsTitle: 'Gründe',
    weightsNote:
      'Die Punkte sind die Summe über alle Gründe: Gewicht mal Erfüllungsgrad (0 bis 1). ' +
      'Die API nimmt andere Gewichte an.',
    api: 'Diese Vorschläge als JSON',
    reasons: {
      shared: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} gemeinsamer Partner`,
          other: `${kit.num(n)} gemeinsame Partner`,
        }),
      population: (pop: number) => `Ähnliche Einwohnerzahl (${kit.num(pop)})`,
      countries: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Partnerschaft verbindet schon die beiden Länder`,
          other: `${kit.num(n)} Partnerschaften verbinden schon die beiden Länder`,
        }),
      regions: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} Partnerschaft verbindet schon die beiden Regionen`,
          other: `${kit.num(n)} Partnerschaften verbinden schon die beiden Regionen`,
        }),
      distance: (km: number) => `${kit.num(km)} km entfernt`,
      commonLanguage: (langs: string) => `Gemeinsame Sprache: ${langs}`,
      taughtLanguage: (langs: string) => `Seine Sprache wird viel gelernt: ${langs}`,
      openness: (n: number) =>
        n === 0
          ? 'Noch keine Partner'
          : kit.plural(n, {
              one: `Bisher erst ${kit.num(n)} Partner`,
              other: `Bisher erst ${kit.num(n)} Partner`,
            }),
    },
  },

  // ---- mail ----
  mail: {},
} satisfies Catalogue;
