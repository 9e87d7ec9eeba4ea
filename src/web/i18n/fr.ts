import { entryTypes } from './entry-types.js';
import { intlKit, type PartialDate } from './intl.js';
import type { Catalogue } from './en.js';

// The interface in French, with the words French twinning programs use: jumelage, ville jumelée, ville
// partenaire, comité de jumelage. French typography: a no-break space (\u00a0) before : ; ? ! and inside « ».

const kit = intlKit('fr');

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avril',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** "1996", "nov. 1996", "5 nov. 1996", "1er mars 1996" */
function date(p: PartialDate): string {
  const y = Number(p.date.slice(0, 4));
  const m = Number(p.date.slice(5, 7));
  const d = Number(p.date.slice(8, 10));
  if (p.precision === 'year') return String(y);
  if (p.precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

// a formatted date after a preposition: "le 5 nov. 1996", "en nov. 1996", "en 1996"
const isDay = (d: string) => /^(1er|\d{1,2}) /.test(d);
const on = (d: string) => (isDay(d) ? `le ${d}` : `en ${d}`);
const since = (d: string) => (isDay(d) ? `depuis le ${d}` : `depuis ${d}`);

/** "de Malmö", "d’Anshan": the preposition elided before a vowel */
const of = (name: string) => (/^[aeiouàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`);

/** "1 jumelage", "0 jumelage", "1 200 jumelages" */
const ties = (n: number) =>
  kit.plural(n, {
    one: `${kit.num(n)} jumelage`,
    many: `${kit.num(n)} de jumelages`,
    other: `${kit.num(n)} jumelages`,
  });

/** "1 rubrique", "0 rubrique", "3 rubriques", "1 000 000 de rubriques" */
const count = (n: number, one: string, other: string) =>
  kit.plural(n, {
    one: `${kit.num(n)} ${one}`,
    many: `${kit.num(n)} ${of(other)}`,
    other: `${kit.num(n)} ${other}`,
  });

export const fr = {
  ...kit,
  nativeName: 'Français',
  date,
  time: (iso: string) =>
    `${date({ date: iso.slice(0, 10), precision: 'day' })} à ${iso.slice(11, 13)}\u00a0h\u00a0${iso.slice(14, 16)} UTC`,

  // ---- site ----
  site: {
    errorTitle: 'Une erreur est survenue',
    errorText: 'Une erreur est survenue de notre côté. Veuillez réessayer plus tard.',
    notFoundTitle: 'Page introuvable',
    checkTitle: 'Veuillez vérifier la demande',
    forbiddenTitle: 'Action non autorisée',
    unavailableTitle: 'Momentanément indisponible',
    unavailableText:
      'La base de données est injoignable pour le moment. Veuillez réessayer dans quelques secondes.',
    siteName: 'Twinning',
    tagline: 'Les jumelages du monde',
    homeSiteName: (home: string) => `Jumelages ${of(home)}`,
    homeTagline: 'Relations internationales',
    navHome: 'Accueil',
    account: 'Compte',
    signIn: 'Connexion',
    editSections: 'Modifier ces rubriques',
    navCountries: 'Pays',
    navTies: 'Jumelages',
    navSearch: 'Recherche',
    navRankings: 'Classements',
    navNetwork: 'Réseau',
    navNews: 'Actualités',
    navEvents: 'Agenda',
    navPath: 'Chaîne de jumelages',
    navQuality: 'Qualité des données',
    navApi: 'API',
    navProgram: 'Notre programme',
    language: 'Langue',
    skip: 'Aller au contenu',
    footerData:
      'Données\u00a0: Wikidata (CC0), Natural Earth, GeoNames (CC BY 4.0), countries-states-cities-database de dr5hn (ODbL).',
  },

  // ---- where facts come from, and the data as a whole ----
  provenance: {
    sources: (items: readonly string[]) =>
      `${kit.plural(items.length, { one: 'Source', other: 'Sources' })}\u00a0: ${items.join(', ')}`,
    edited: (by: string, when: string) => `Renseigné par ${by}, ${when}`,
    editedAnonymously: (when: string) => `Renseigné sur ce site, ${when}`,
    kindOfPlace: 'Type de lieu',
    aboutLink: 'À propos des données et de leur date',
    aboutTitle: 'À propos des données',
    aboutIntro:
      'Twinning rassemble les jumelages et partenariats du monde à partir de sources ouvertes, et celles et ceux qui les font vivre les corrigent et les complètent ici. Chaque information indique sa provenance\u00a0: une source, ou la personne qui l’a renseignée et quand.',
    snapshot: (date: string) =>
      `Les données fournies décrivent le monde au ${date}, tel que leurs sources le connaissaient.`,
    synced: (date: string) => `Dernière mise à jour depuis Wikidata le ${date}.`,
    noManifest: 'Ce registre a été importé sans description de ses sources.',
    figuresTitle: 'Ce que contient le registre',
    places: 'Lieux',
    ties: 'Jumelages',
    tiesWithCountries: 'Jumelages dont les deux pays sont connus',
    tiedPlacesLocated: 'Lieux jumelés avec des coordonnées',
    datedTies: 'Jumelages dont la date de signature est connue',
    sourcesTitle: 'Sources et licences',
    source: 'Source',
    date: 'Date',
    licence: 'Licence',
    rulesTitle: 'Comment les lieux ont été rapprochés',
    rulesIntro:
      'Lorsqu’une source ne donnait ni le pays ni la position d’un lieu, la compilation l’a rapproché selon ces règles\u00a0; chacune n’a été retenue que si sa précision, mesurée à l’aveugle sur des lieux dont une autre source donne le pays, atteignait au moins 98\u00a0%.',
    rule: 'Règle',
    matched: 'Lieux rapprochés',
    precision: 'Précision mesurée',
    partial:
      'Les données sont partielles\u00a0: beaucoup de jumelages manquent et les dates de signature sont rarement connues. Les comités et services des relations internationales peuvent ajouter et corriger leurs jumelages\u00a0; la page sur la qualité des données indique quoi regarder en premier.',
    qualityLink: 'Qualité des données\u00a0: ce qui manque encore',
    statsData: (date: string) => `Données au ${date}.`,
    share: (part: string, whole: string, percent: string) => `${part} sur ${whole} (${percent})`,
  },

  // ---- labels ----
  labels: {
    continents: {
      AF: 'Afrique',
      AN: 'Antarctique',
      AS: 'Asie',
      EU: 'Europe',
      NA: 'Amérique du Nord',
      OC: 'Océanie',
      SA: 'Amérique du Sud',
    },
    levels: {
      country: 'National',
      region: 'Régional',
      city: 'Municipal',
      district: 'Arrondissement',
      other: 'Autre',
    },
    tieKinds: {
      sister: 'jumelage',
      friendship: 'amitié',
      partnership: 'partenariat',
      cooperation: 'coopération',
    },
    statuses: {
      proposed: 'en projet',
      active: 'actif',
      dormant: 'en sommeil',
      suspended: 'suspendu',
      ended: 'rompu',
    },
    formerMember: 'Ancien membre',
  },

  // ---- places ----
  places: {
    kinds: { country: 'Pays', region: 'Région', city: 'Ville', district: 'Arrondissement', other: 'Lieu' },
    facts: 'En bref',
    population: 'Population',
    leader: 'Dirigeant',
    since: 'depuis',
    languages: 'Langues',
    currency: 'Monnaie',
    timezone: 'Fuseau horaire',
    coordinates: 'Coordonnées',
    wikidata: 'Wikidata',
    unknown: 'inconnu',
    partners: (n: number) => `Partenaires (${kit.num(n)})`,
    noPartners: 'Aucun jumelage n’est encore connu pour ce lieu.',
    mapTitle: (name: string) => `${name} et ses partenaires`,
    mapDesc: (name: string, n: number, shown: number) =>
      `Carte du monde avec ${name} et des lignes vers ${shown} de ses ${n} partenaires dont la position est connue.`,
    noMap: 'La position de ce lieu n’est pas connue\u00a0: il n’y a donc pas de carte.',
    profile: 'Présentation',
    profileEmpty:
      'Rien n’a encore été écrit sur ce lieu\u00a0: programmes, économie, lieux à visiter, climat, sports et spécialités locales.',
    tieEmpty: (home: string) => `L’histoire du jumelage avec ${home} n’a pas encore été écrite.`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `Partenaire ${of(home)} ${since(signed)}.` : `Partenaire ${of(home)}.`,
    aboutTie: 'À propos du jumelage',
    ourProgramWith: (place: string) => `Notre programme avec ${place}`,
    ourProgram: 'Notre programme de jumelage',
    runBy: 'Mené par',
    committee: 'Comité',
    committees: 'Comités',
    whomToAsk: 'Qui contacter',
    allContacts: (org: string) => `Tous les comités et contacts de ${org}`,
    agreementSigned: 'Accord signé',
    tieKind: 'Type de lien',
    signedYear: (y: string) => `signé en ${y}`,
    sinceYear: (y) => `depuis ${y}`,
    notKnown: (items) => `Inconnu : ${kit.list(items.map((s) => s.toLocaleLowerCase('fr')))}.`,
    noCountry: 'Pays inconnu',
    json: 'Ce lieu en JSON',
    more: 'Plus',
    statistics: 'Statistiques',
    network: 'Villes cousines et triangles ouverts',
    hierarchy: 'Fait partie de',
    directoryTitle: 'Pays et territoires',
    directoryIntro: (n: number) =>
      `Les ${n} pays et territoires de la norme ISO 3166, avec leurs jumelages en vigueur.`,
    byName: 'De A à Z',
    byContinent: 'Par continent',
    ties: (n: number) => ties(n),
    countryFacts: 'À propos du pays',
    continent: 'Continent',
    timezones: 'Fuseaux horaires',
    topPlaces: 'Lieux comptant le plus de jumelages',
    partnerCountries: 'Jumelages par pays partenaire',
    culture: 'Culture',
    cultureEmpty: 'Pas encore de notes sur la culture\u00a0: langue, cuisine, sports, fêtes et climat.',
    tiesWith: (c: string, n: number) => `${ties(n)} avec ${c}`,
    place: 'Lieu',
    country: 'Pays',
    count: 'Jumelages',
  },

  // ---- countries ----
  countries: {},

  // ---- search ----
  search: {
    suggestKinds: {
      country: 'pays',
      region: 'région',
      city: 'ville',
      district: 'arrondissement',
      other: 'lieu',
    } as Record<string, string>,
    suggestTies: (n: number) => ties(n),
    title: 'Rechercher un lieu',
    label: 'Nom, dans n’importe quelle langue',
    country: 'Code du pays',
    kind: 'Type',
    any: 'tous',
    ties: 'Jumelages',
    withTies: 'avec jumelages',
    withoutTies: 'sans jumelage',
    search: 'Rechercher',
    results: (q: string) => `Lieux correspondant à «\u00a0${q}\u00a0»`,
    none: 'Aucun lieu ne correspond. Essayez le début du nom, dans n’importe quelle langue.',
    next: 'Plus de résultats',
  },

  // ---- home ----
  home: {
    title: 'Les jumelages du monde',
    intro: (places: number, n: number) =>
      `Un registre ouvert des jumelages de villes\u00a0: ${kit.num(places)} lieux et ${ties(n)} entre eux, issus de Wikidata et des services de relations internationales qui les font vivre.`,
    mapTitle: 'Les lieux les plus jumelés et leurs liens',
    mapDesc: (n: number, links: number, top: string) =>
      `Carte du monde des ${n} lieux comptant le plus de jumelages, points proportionnels à leur nombre de jumelages, et des ${links} jumelages qui les relient. En tête\u00a0: ${top}.`,
    busiest: 'Les plus jumelés',
    recent: 'Modifications récentes',
    news: 'Actualités',
    events: 'Événements à venir',
    noNews: 'Pas encore d’actualités.',
    noEvents: 'Aucun événement à venir.',
    allNews: 'Toutes les actualités',
    allEvents: 'Tous les événements',
    recentNone: 'Rien n’a encore changé.',
    seeded: (places: number | null, ties: number | null) =>
      places !== null && ties !== null
        ? `Données fournies chargées : ${kit.num(places)} lieux et ${kit.num(ties)} jumelages`
        : 'Données fournies chargées',
    seededLink: 'À propos des données fournies',
    explore: 'Explorer',
    rankings: 'Les lieux et pays qui comptent le plus de jumelages',
    ties: 'Les jumelages par paire de pays, type, statut et décennie',
    network: 'Le réseau\u00a0: groupes de lieux et villes les plus centrales',
    path: 'Comment deux lieux sont reliés par une chaîne de jumelages',
    quality: 'Ce qui manque encore aux données',
    countries: 'Tous les pays et territoires',
    api: 'Données et API',
    tieCount: (n: number) => ties(n),
    placeTies: (place: string, n: number) => `${place}\u00a0: ${ties(n)}`,
    tieLink: (a: string, b: string) => `${a} – ${b}`,
    // home mode
    homeTitle: (home: string) => `${home} et ses villes jumelles`,
    homeIntro: (home: string, n: number, countries: number) =>
      `${home} est liée à ${kit.plural(n, { one: `${kit.num(n)} lieu`, other: `${kit.num(n)} lieux` })} dans ${kit.plural(countries, { one: `${kit.num(countries)} pays`, other: `${kit.num(countries)} pays` })}\u00a0: villes jumelles, villes amies et villes partenaires. Découvrez qui elles sont, ce que nous faisons ensemble et comment y participer.`,
    homeNone: (home: string) => `Aucun jumelage ${of(home)} n’est encore enregistré.`,
    homeMap: (home: string) => `${home} et ses partenaires sur la carte`,
    homeMapDesc: (home: string, n: number, shown: number) =>
      `Carte du monde avec des lignes reliant ${home} à ${shown} de ses ${n} partenaires dont la position est connue.`,
    partners: 'Nos partenaires',
    signed: (d: string) => `Accord signé ${on(d)}`,
    signedUnknown: 'Date de signature non renseignée',
    aboutHome: (home: string) => `À propos ${of(home)}`,
    homeStats: (home: string) => `Les jumelages ${of(home)} en chiffres et en graphiques`,
    // the search box (suggest.js fills {n})
    search: {
      label: 'Trouver un lieu, dans n’importe quelle langue',
      placeholder: 'Malmö, 鞍山, Mailand…',
      submit: 'Rechercher',
      list: 'Lieux suggérés',
      none: 'Aucun lieu ne commence ainsi.',
      count: '{n} lieux suggérés\u00a0; choisissez avec les flèches.',
    },
  },

  // ---- ties ----
  ties: {
    title: 'Explorer les jumelages',
    between: (a: string, b: string) => `Jumelages entre ${a} et ${b}`,
    of: (a: string) => `Jumelages\u00a0: ${a}`,
    intro:
      'Tous les jumelages du registre\u00a0: choisissez un pays, ou deux pour les jumelages qui les lient, le type de lien, son statut et la décennie de signature.',
    country: 'Pays',
    partnerCountry: 'Pays partenaire',
    kind: 'Type',
    status: 'Statut',
    decade: 'Signé dans',
    any: 'tous',
    decadeLabel: (d: number) => `les années ${d}`,
    apply: 'Afficher',
    count: (n: number) =>
      kit.plural(n, {
        one: `${kit.num(n)} jumelage correspond.`,
        other: `${kit.num(n)} jumelages correspondent.`,
      }),
    none: 'Aucun jumelage ne correspond à ces filtres.',
    place: 'Lieu',
    partner: 'Partenaire',
    signed: 'Signé',
    details: 'Détails',
    detailsOf: (a: string, b: string) => `Détails\u00a0: ${a} – ${b}`,
    inCountry: (country: string) => ` · ${country}`,
    next: 'Page suivante',
    prev: 'Page précédente',
    // one tie
    tieTitle: (a: string, b: string) => `${a} et ${b}`,
    facts: 'Le jumelage',
    ended: 'Fin',
    listedBy: 'Recensé par',
    listedBoth: 'les deux parties',
    notes: 'Remarques',
    sources: 'Sources',
    sourceFact: (fact: string) => ` (${fact})`,
    unknown: 'inconnu',
    profile: 'Histoire et programmes',
    empty: 'L’histoire de ce jumelage et ses programmes n’ont pas encore été écrits.',
    mapTitle: (a: string, b: string) => `${a} et ${b} sur la carte`,
    mapDesc: (a: string, b: string) => `Carte du monde avec une ligne de ${a} à ${b}.`,
    sides: 'Les deux lieux',
  },

  // ---- stats ----
  stats: {
    statsTitle: (name: string) => `Statistiques\u00a0: ${name}`,
    statsIntro:
      'Jumelages du lieu et de tout ce qui en fait partie avec des partenaires extérieurs, chaque jumelage compté une fois.',
    filters: 'Filtres',
    since: 'Compter aussi depuis le',
    asOf: 'Situation au',
    kind: 'Type',
    status: 'Statuts',
    statusDefault: 'actif (par défaut)',
    partners: 'Partenaires',
    allPartners: 'tous',
    international: 'dans d’autres pays',
    domestic: 'dans le même pays',
    any: 'tous',
    apply: 'Appliquer',
    total: 'Jumelages',
    countries: 'Pays partenaires',
    firstYear: 'Premier jumelage',
    sinceCount: (d: string) => `Depuis le ${d}`,
    growth: 'Évolution',
    growthDesc: (first: number, last: number, total: number) =>
      `Nouveaux jumelages par an de ${first} à ${last}, et le total cumulé, qui atteint ${total}.`,
    perYear: 'Nouveaux par an',
    cumulative: 'Total',
    byContinent: 'Par continent',
    byCountry: 'Par pays',
    byLevel: 'Par niveau de la partie locale',
    map: 'Les pays partenaires sur la carte',
    mapDesc: (n: number) => `Carte du monde colorant les ${n} pays partenaires selon le nombre de jumelages.`,
    mapLegend: 'Jumelages par pays',
    barsDesc: (what: string, first: string) => `${what}, du plus grand au plus petit\u00a0: ${first}.`,
    barEntry: (label: string, n: number) => `${label} ${kit.num(n)}`,
    chartTitle: (what: string, place: string) => `${what} · ${place}`,
    statusList: (statuses: string[]) => statuses.join(', '),
    download: 'Télécharger',
    dataTable: 'Tableau des données',
    noYears:
      'Aucun jumelage n’a d’année de signature connue\u00a0: il n’y a donc pas de graphique d’évolution.',
    noTies: 'Aucun jumelage n’est compté avec ces filtres.',
    embed: 'Intégrer à votre site',
    embedHelp:
      'Copiez ceci dans une page de votre site pour afficher le paragraphe et le graphique d’évolution.',
    year: 'Année',
    newTies: 'Nouveaux',
    country: 'Pays',
    level: 'Niveau',
    count: 'Jumelages',
    unknownYearNote: (n: number) =>
      kit.plural(n, {
        one: `${kit.num(n)} jumelage sans année connue n’apparaît pas dans le graphique.`,
        other: `${kit.num(n)} jumelages sans année connue n’apparaissent pas dans le graphique.`,
      }),
    sourceNote: 'Chiffres du registre Twinning.',
  },

  // ---- rankings ----
  rankings: {
    title: 'Classements',
    intro:
      'Les lieux et pays comptant le plus de jumelages en vigueur. Choisissez une période pour voir ceux qui progressent le plus vite.',
    continent: 'Continent',
    all: 'Tous les continents',
    from: 'Signés de',
    to: 'à',
    apply: 'Appliquer',
    periodNote: 'Seuls comptent les jumelages dont la date de signature connue tombe dans la période.',
    places: 'Lieux comptant le plus de jumelages',
    countries: 'Pays comptant le plus de jumelages',
    rank: 'Rang',
    place: 'Lieu',
    country: 'Pays',
    count: 'Jumelages',
    none: 'Aucun résultat.',
  },

  // ---- network ----
  network: {
    pathTitle: 'Chaîne de jumelages',
    pathIntro:
      'Comment deux lieux sont-ils reliés\u00a0? La plus courte chaîne de jumelages en vigueur entre eux.',
    fromPlace: 'De',
    toPlace: 'À',
    find: 'Trouver la chaîne',
    steps: (n: number) =>
      kit.plural(n, { one: `À ${kit.num(n)} jumelage d’écart`, other: `À ${kit.num(n)} jumelages d’écart` }),
    noChain: 'Aucune chaîne de jumelages ne relie ces lieux.',
    bothEnds: 'Indiquez les deux lieux\u00a0: départ et arrivée.',
    which: (text: string) => `Quel «\u00a0${text}\u00a0»\u00a0?`,
    whichHint: 'Plusieurs lieux portent ce nom. Choisissez celui que vous cherchez\u00a0:',
    choiceTies: (n: number) => ties(n),
    choose: 'Trouver la chaîne',
    networkTitle: 'Le réseau des jumelages',
    networkIntro: 'Les lieux sont reliés par les jumelages en vigueur (ni rompus, ni simplement en projet).',
    places: 'Lieux jumelés',
    ties: 'Jumelages',
    components: 'Groupes distincts',
    largest: 'Les plus grands groupes',
    size: 'Lieux',
    hub: 'Lieu le mieux relié',
    mostConnected: 'Lieux les mieux reliés',
    mostCentral: 'Lieux les plus centraux',
    centralNote:
      'Centralité d’intermédiarité\u00a0: à quelle fréquence un lieu se trouve sur les plus courtes chaînes entre d’autres (estimation).',
    betweenness: 'Intermédiarité',
    computing:
      'Les chiffres du réseau sont en cours de calcul\u00a0; cette page les affichera dans une minute.',
    reloadHint: 'Rechargez la page dans une minute\u00a0:',
    reload: 'afficher les chiffres du réseau',
    previous: (when: string) =>
      `En attendant, voici les chiffres calculés le ${when}\u00a0; les lieux et les jumelages ont changé depuis.`,
    aroundTitle: (n: string) => `Réseau ${of(n)}`,
    cousins: 'Villes cousines',
    cousinsNote:
      'Lieux qui partagent un partenaire sans être jumelés entre eux\u00a0: des candidats pour un nouveau jumelage.',
    sharedPartners: 'Partenaires communs',
    triangles: 'Triangles ouverts',
    trianglesNote:
      'Deux partenaires qui ne sont pas jumelés entre eux\u00a0: un jumelage tripartite pourrait fermer le triangle.',
    componentSize: (n: number) =>
      kit.plural(n, {
        one: `Atteint ${kit.num(n)} lieu par des chaînes de jumelages.`,
        other: `Atteint ${kit.num(n)} lieux par des chaînes de jumelages.`,
      }),
    qualityTitle: 'Qualité des données',
    qualityIntro: 'Ce que les rédacteurs devraient examiner en priorité.',
    dataTitle: 'À propos des données',
    dataAsOf: (date: string) =>
      `Les données fournies décrivent le monde au ${date}, tel que leurs sources le connaissaient.`,
    dataSources: 'Constituées à partir de\u00a0:',
    dataPartial:
      'Les jumelages qu’aucune de ces sources ne recense manquent, et certains de ceux qui sont recensés ont pu prendre fin\u00a0: les comités de jumelage connaissent mieux que quiconque leurs propres jumelages et peuvent les corriger ici.',
    oneSided: 'Jumelages recensés par une seule partie',
    listedBy: 'Recensé par',
    notListedBy: 'Non recensé par',
    withoutCountry: 'Lieux sans pays',
    withoutCoordinates: 'Lieux sans coordonnées',
    duplicates: 'Doublons possibles',
    disagreements: 'Là où les sources divergent',
    disagreementsNote: 'La valeur retenue, et ce qu’indique une autre source.',
    fact: 'Donnée',
    kept: 'Retenue',
    other: 'Selon une autre source',
    showing: (shown: number, total: number) =>
      `${kit.num(total)} au total\u00a0; les ${kit.num(shown)} premiers sont affichés.`,
    place: 'Lieu',
    country: 'Pays',
    ties2: 'Jumelages',
    stats: 'statistiques',
    none: 'Aucun.',
  },

  // ---- sections ----
  sections: {
    labels: {
      story: 'Histoire du jumelage',
      programs: 'Programmes et échanges',
      locale: 'À propos du lieu',
      economy: 'Économie',
      tourism: 'À visiter',
      climate: 'Climat',
      sports: 'Sports',
      food: 'Spécialités locales',
      language: 'Langue',
      currency: 'Monnaie',
      cuisine: 'Cuisine',
      festivals: 'Fêtes et festivals',
    } as Record<string, string>,
    writtenIn: (name: string) => `Rédigé en ${name}.`,
    groups: { place: 'Le lieu et son économie', funFacts: 'Curiosités' },
  },

  // ---- program ----
  program: {
    activities: 'Activités',
    news: 'Actualités',
    events: 'Événements à venir',
    photos: 'Photos',
    about: 'à propos de',
    follow: 'Suivre',
    noActivities: 'Aucune activité enregistrée pour l’instant.',
    allNews: 'Toutes les actualités à ce sujet',
    allActivities: (n: number) => `Les ${kit.num(n)} activités`,
    removePhoto: 'Retirer',
  },

  // ---- orgs ----
  orgs: {
    title: 'Organisations',
    none: 'Aucune organisation pour l’instant.',
    home: 'Collectivité\u00a0:',
    manage: 'Gérer',
    news: 'Actualités',
    events: 'Événements à venir',
    activities: 'Activités',
    people: 'Personnes',
    committees: 'Comités',
    institutions: 'Institutions partenaires',
    memberships: 'Adhésions',
    contacts: 'Comités et contacts',
    office: 'Bureau et responsables',
    nothing: 'Rien pour l’instant.',
    since: (year: string) => `depuis ${year}`,
    feedTitle: (org: string) => `${org}\u00a0: actualités`,
    calendarTitle: (org: string) => `${org}\u00a0: événements`,
  },

  // ---- entries ----
  entries: {
    types: entryTypes({
      post: {
        one: 'article',
        many: 'Actualités et articles',
        add: 'Écrire un article',
        fields: {
          title: { label: 'Titre' },
          kind: { label: 'Type' },
          summary: { label: 'Résumé', hint: 'Une ou deux phrases pour les listes et les flux.' },
          body: {
            label: 'Texte (Markdown)',
            hint: 'Les paragraphes sont séparés par une ligne vide\u00a0; **gras**, *italique*, [liens](https://example.org), listes avec «\u00a0- \u00a0».',
          },
        },
      },
      event: {
        one: 'événement',
        many: 'Événements',
        add: 'Ajouter un événement',
        fields: {
          title: { label: 'Titre' },
          starts: { label: 'Début', hint: 'Heure locale du lieu de l’événement.' },
          ends: { label: 'Fin' },
          timezone: {
            label: 'Fuseau horaire',
            hint: 'Un nom IANA, par exemple Europe/Paris ou Asia/Shanghai.',
          },
          venue: { label: 'Lieu' },
          description: { label: 'Description (Markdown)' },
        },
      },
      activity: {
        one: 'activité',
        many: 'Activités',
        add: 'Ajouter une activité',
        fields: {
          title: { label: 'Titre' },
          kind: { label: 'Type' },
          date: {
            label: 'Date',
            hint: 'AAAA-MM-JJ, ou AAAA-MM ou AAAA quand on n’en sait pas plus.',
          },
          endDate: { label: 'Dernier jour' },
          venue: { label: 'Lieu' },
          summary: { label: 'Ce qui s’est passé (Markdown)' },
          people: { label: 'Nos participants' },
          institutions: { label: 'Institutions partenaires participantes' },
          participants: {
            label: 'Autres participants',
            hint: 'Un par ligne\u00a0: personnes et institutions.',
          },
          outcome: { label: 'Résultat' },
          amount: { label: 'Montant', hint: 'Pour les retombées économiques\u00a0: la valeur convenue.' },
          currency: { label: 'Monnaie', hint: 'ISO 4217, par exemple EUR, CNY, USD.' },
          seeking: { label: 'Recherche des participants' },
          contact: { label: 'Contact', hint: 'Qui contacter pour participer.' },
        },
      },
      committee: {
        one: 'comité',
        many: 'Comités',
        add: 'Ajouter un comité',
        fields: {
          title: { label: 'Nom' },
          country: { label: 'Pays partenaire', hint: 'Code ISO, par exemple JP.' },
          about: { label: 'Présentation' },
        },
      },
      person: {
        one: 'personne',
        many: 'Personnes',
        add: 'Ajouter une personne',
        fields: {
          title: { label: 'Nom' },
          role: { label: 'Rôle' },
          position: {
            label: 'Fonction',
            hint: 'Par exemple\u00a0: directrice des relations internationales.',
          },
          committee: { label: 'Comité' },
          email: { label: 'Courriel' },
          phone: { label: 'Téléphone' },
          public: { label: 'Afficher le courriel et le téléphone au public' },
        },
      },
      institution: {
        one: 'institution',
        many: 'Institutions partenaires',
        add: 'Ajouter une institution',
        fields: {
          title: { label: 'Nom' },
          kind: { label: 'Type' },
          place: {
            label: 'Identifiant du lieu',
            hint: 'Où elle se trouve, par exemple Q79867 (facultatif).',
          },
          url: { label: 'Site web' },
        },
      },
      membership: {
        one: 'adhésion',
        many: 'Adhésions',
        add: 'Ajouter une adhésion',
        fields: {
          title: { label: 'Association' },
          since: { label: 'Membre depuis (année)' },
          url: { label: 'Site web' },
        },
      },
    }),
    choices: {
      news: 'actualité',
      article: 'article',
      'delegation-in': 'délégation accueillie',
      'delegation-out': 'délégation envoyée',
      exchange: 'échange',
      program: 'programme',
      festival: 'festival',
      conference: 'conférence',
      business: 'retombée économique',
      'co-chair': 'coprésidence',
      chair: 'présidence',
      director: 'direction',
      secretary: 'secrétariat',
      treasurer: 'trésorerie',
      contact: 'contact',
      member: 'membre',
      university: 'université',
      school: 'école',
      company: 'entreprise',
      agency: 'administration',
      hospital: 'hôpital',
      museum: 'musée',
      other: 'autre',
    } as Record<string, string>,
    choose: 'Choisir…',
    manage: (org: string) => `Gérer\u00a0: ${org}`,
    listTitle: (many: string, org: string) => `${many} · ${org}`,
    addTitle: (add: string, org: string) => `${add} · ${org}`,
    edit: (title: string) => `Modifier\u00a0: ${title}`,
    save: 'Enregistrer',
    saved: 'Enregistré.',
    deleted: 'Supprimé.',
    del: 'Supprimer',
    cannot: 'Cela n’a pas fonctionné',
    fieldProblem: (label: string, message: string) => `${label}\u00a0: ${message}`,
    aboutField: 'Sujet',
    none: 'Rien pour l’instant.',
    history: 'Historique',
    historyTitle: (title: string) => `Historique\u00a0: ${title}`,
    back: 'Retour',
    viewOnSite: 'Voir sur le site',
    about: 'Sujet',
    aboutLower: 'à propos de',
    when: 'Quand',
    published: 'Publié',
    venue: 'Lieu',
    participants: 'Participants',
    outcome: 'Résultat',
    amount: 'Montant',
    seeking: 'Recherche des participants.',
    seekingTag: 'recherche des participants',
    contactTo: (contact: string) => `Pour participer, contactez\u00a0: ${contact}`,
    allActivities: 'Activités de tous les programmes',
    activitiesIntro:
      'Délégations, échanges, programmes, festivals, conférences et retombées économiques enregistrés par les comités de jumelage, des plus récents aux plus anciens.',
    activitiesAbout: (x: string) => `Activités\u00a0: ${x}`,
    activityCount: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} activité`, other: `${kit.num(n)} activités` }),
    backTo: (x: string) => `Retour à ${x}`,
    newer: 'Plus récentes',
    older: 'Plus anciennes',
  },

  // ---- posts ----
  posts: {
    news: 'Actualités',
    allNews: 'Les actualités de tous les programmes',
    newsIntro:
      'Ce que publient les comités de jumelage\u00a0: actualités et articles sur leurs lieux et leurs partenaires.',
    newsAbout: (x: string) => `Actualités\u00a0: ${x}`,
    postCount: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} article`, other: `${kit.num(n)} articles` }),
    feed: 'Flux Atom',
    feedTitle: 'Twinning\u00a0: actualités des jumelages',
    feedAbout: (x: string) => `Twinning\u00a0: actualités — ${x}`,
  },

  // ---- events ----
  events: {
    title: 'Événements à venir',
    intro:
      'Les événements des comités de jumelage qui ne sont pas encore terminés, des plus proches aux plus lointains. Les heures sont celles du lieu de chaque événement.',
    calendar: 'Agenda (iCalendar)',
    addToCalendar: 'Ajouter à un agenda (.ics)',
    calendarTitle: 'Twinning\u00a0: événements des jumelages',
    by: (org: string) => `${org}.`,
  },

  // ---- community ----
  community: {
    comments: 'Commentaires',
    noComments: 'Pas encore de commentaires.',
    write: 'Écrire un commentaire',
    reply: 'Répondre',
    replyTo: (name: string) => `Répondre à ${name}`,
    send: 'Envoyer',
    followReplies: 'M’avertir des réponses par courriel',
    signInToComment: 'Se connecter pour commenter',
    waiting: 'Merci. Votre commentaire apparaîtra dès qu’un rédacteur l’aura lu.',
    published: 'Votre commentaire est publié.',
    yours: 'Votre commentaire attend la relecture d’un rédacteur.',
    blocked: 'Vous ne pouvez pas commenter les articles de cette organisation.',
    moderation: 'Commentaires à modérer',
    moderationIntro:
      'Les commentaires sur les articles de vos organisations attendent ici qu’un rédacteur les approuve ou les refuse.',
    nothing: 'Rien en attente.',
    approve: 'Approuver',
    reject: 'Refuser',
    block: 'Bloquer l’auteur',
    on: 'sur',
    done: 'C’est fait.',
    follow: 'Suivre',
    following: (mode: string) => `Vous suivez ce contenu (${mode}).`,
    unfollow: 'Ne plus suivre',
    instant: 'un courriel à chaque fois',
    daily: 'un résumé quotidien',
    how: 'Comment être informé',
    signInToFollow: 'Se connecter pour suivre',
    followHint: 'Soyez informé par courriel des nouveaux articles, événements et activités.',
    confirmFirst: 'Les courriels commencent dès que vous avez confirmé votre adresse électronique\u00a0:',
    removed: 'Ce commentaire a été retiré.',
    removedDone: 'Le commentaire est retiré.',
    removeOwn: 'Supprimer mon commentaire',
    removeOther: 'Retirer',
    repliesTo: 'Réponses à',
    settingsTitle: 'Vos notifications',
    settingsIntro: (e: string) => `Ce que le site envoie à ${e}.`,
    followNothing: 'Vous ne suivez rien\u00a0: aucune notification ne vous est envoyée.',
    stop: 'Arrêter',
    stopAll: 'Arrêter toutes les notifications',
    stopAsk: (e: string) =>
      `Arrêter toutes les notifications envoyées à ${e}\u00a0? Vous pourrez suivre à nouveau depuis n’importe quelle page.`,
    stopped:
      'C’est fait\u00a0: vous ne recevrez plus de notifications. Suivez à nouveau depuis n’importe quelle page quand vous le souhaitez.',
    unfollowed: 'C’est fait\u00a0: cela ne vous parviendra plus.',
    changeMode: 'Pour choisir entre un courriel à chaque fois et un résumé quotidien, connectez-vous\u00a0:',
    yourAccount: 'votre compte',
    photos: 'Photos',
    addPhoto: 'Ajouter une photo',
    file: 'Photo (JPEG, PNG, WebP, GIF ou AVIF\u00a0; 15\u00a0Mo au plus)',
    caption: 'Légende (ce qu’elle montre)',
    upload: 'Envoyer',
    remove: 'Retirer',
    cannot: 'Cela n’a pas fonctionné',
    blockedList: 'Interdits de commentaire',
    unblock: 'Débloquer',
  },

  // ---- account ----
  account: {
    signIn: 'Se connecter',
    signInIntro:
      'Connectez-vous pour modifier les pages de votre programme, commenter et suivre les actualités.',
    email: 'Adresse électronique',
    password: 'Mot de passe',
    name: 'Votre nom',
    nameHint: 'Affiché avec vos commentaires et vos modifications.',
    passwordHint: (min: number) => `Au moins ${min} caractères.`,
    wrong: 'L’adresse électronique ou le mot de passe est incorrect.',
    cannot: 'Cela n’a pas fonctionné',
    noAccount: 'Pas encore de compte\u00a0?',
    signUp: 'Créer un compte',
    signUpIntro:
      'Un compte permet de commenter et de suivre des lieux et des actualités. Les rédacteurs d’un programme sont ajoutés par leur organisation.',
    forgot: 'Mot de passe oublié\u00a0?',
    signOut: 'Se déconnecter',
    reset: 'Choisir un nouveau mot de passe',
    resetIntro:
      'Indiquez l’adresse de votre compte\u00a0; nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    send: 'Envoyer le lien',
    resetSent: (e: string) =>
      `Si ${e} correspond à un compte, un lien pour choisir un nouveau mot de passe est en route. Il est valable une heure.`,
    newPassword: 'Nouveau mot de passe',
    save: 'Enregistrer le nouveau mot de passe',
    resetDone: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
    account: 'Votre compte',
    roles: 'Vos rôles',
    noRoles:
      'Vous n’avez encore aucun rôle dans une organisation. Un rédacteur de votre organisation peut vous ajouter.',
    admin: 'Vous êtes administrateur du site.',
    adminArea: 'Administration',
    roleNames: { editor: 'rédacteur', member: 'membre' } as Record<string, string>,
    roleIn: <T>(org: T, role: string): (T | string)[] => [org, `\u00a0: ${role}`],
    moderation: 'Commentaires à modérer',
    following: 'Ce que vous suivez',
    followNothing:
      'Vous ne suivez encore rien\u00a0: utilisez «\u00a0Suivre\u00a0» sur un lieu, une organisation ou un article.',
    followed: (what: string, how: string) => `${what} (${how})`,
    repliesTo: (title: string) => `Réponses à «\u00a0${title}\u00a0»`,
    followGone: (id: string) => `Un contenu qui n’existe plus (${id})`,
    instant: 'un courriel à chaque fois',
    daily: 'un résumé quotidien',
    unfollow: 'Ne plus suivre',
    settings: 'Nom, langue, mot de passe et adresse',
    saveName: 'Enregistrer',
    mailLang: 'Langue des courriels que nous vous envoyons',
    currentPassword: 'Mot de passe actuel',
    changePassword: 'Changer le mot de passe',
    passwordChanged: 'Votre mot de passe a été modifié\u00a0; vous avez été déconnecté partout ailleurs.',
    nameChanged: 'Enregistré.',
    deleteTitle: 'Supprimer le compte',
    deleteIntro:
      'Votre nom, votre adresse et votre mot de passe sont effacés, vous ne suivez plus rien et vous êtes déconnecté partout. Vos commentaires et vos modifications restent, attribués à un ancien membre.',
    deleteButton: 'Supprimer mon compte',
    deleted: 'Votre compte a été supprimé.',
    changeEmail: 'Changer d’adresse électronique',
    newEmail: 'Nouvelle adresse électronique',
    newEmailHint: 'Nous y envoyons un lien\u00a0; l’adresse change quand vous l’ouvrez.',
    emailSent:
      'Un lien est en route vers la nouvelle adresse\u00a0: votre compte y passera quand vous l’ouvrirez (dans un délai d’un jour). D’ici là, il garde cette adresse.',
    emailAsk: (from: string, to: string) => `Transférer votre compte de ${from} vers ${to}\u00a0?`,
    emailButton: 'Utiliser la nouvelle adresse',
    emailChanged: 'Votre compte a sa nouvelle adresse électronique.',
    welcome: 'Bienvenue\u00a0! Votre compte est prêt.',
    confirmNeeded: (e: string) =>
      `Veuillez confirmer votre adresse\u00a0: nous avons envoyé un lien à ${e}. Tant que vous ne l’avez pas ouvert, nous ne vous envoyons aucune notification.`,
    confirmResend: 'Renvoyer le lien',
    confirmSent: (e: string) => `Un nouveau lien est en route vers ${e}.`,
    confirmTitle: 'Confirmer votre adresse électronique',
    confirmAsk: (e: string) =>
      `Confirmez que ${e} est bien votre adresse, afin que nous puissions vous envoyer ce que vous suivez.`,
    confirmButton: 'Confirmer l’adresse',
    confirmed: 'Merci\u00a0: votre adresse est confirmée.',
  },

  // ---- admin ----
  admin: {
    admin: 'Administration',
    users: 'Comptes',
    orgs: 'Organisations',
    outbox: 'Courriels sortants',
    outboxCounts: (queued: number, sent: number, failed: number) =>
      `Courriels sortants\u00a0: ${kit.num(queued)} en attente, ${kit.num(sent)} envoyés, ${kit.num(failed)} en échec.`,
    audit: 'Journal d’audit',
    edits: 'Modifications récentes',
    email: 'Adresse électronique',
    name: 'Nom',
    since: 'Depuis',
    roles: 'Rôles',
    siteAdmin: 'administrateur du site',
    disabled: 'désactivé',
    unconfirmed: 'adresse non confirmée',
    makeAdmin: 'Nommer administrateur',
    removeAdmin: 'Retirer l’administration',
    disable: 'Désactiver',
    enable: 'Réactiver',
    deleteUser: 'Supprimer…',
    deleteTitle: (e: string) => `Supprimer le compte de ${e}`,
    deleteIntro:
      'À faire lorsque la personne le demande. Son nom, son adresse et son mot de passe sont effacés, ses abonnements et ses rôles disparaissent et elle est déconnectée\u00a0; ses commentaires et ses modifications restent, attribués à un ancien membre.',
    deleteConfirm: 'Saisissez l’adresse du compte pour confirmer',
    deleteButton: 'Supprimer le compte',
    actions: 'Actions',
    newOrg: 'Nouvelle organisation',
    orgName: 'Nom',
    slug: 'Adresse',
    slugHint: 'Lettres minuscules, chiffres et traits d’union\u00a0; tirée du nom si vide.',
    kind: 'Type',
    home: 'Collectivité',
    homeHint:
      'Le lieu dont elle gère le programme\u00a0: tapez le début de son nom dans n’importe quelle langue et choisissez-le, ou son identifiant (par exemple Q74957). Ses rédacteurs entretiennent ce lieu, ses jumelages et ses partenaires.',
    homeWhich: 'De quel lieu s’agit-il\u00a0?',
    homeOption: (name: string, detail: string) => `${name} (${detail})`,
    suggestList: 'Lieux suggérés',
    suggestNone: 'Aucun lieu ne commence ainsi.',
    suggestCount: '{n} lieux suggérés\u00a0; choisissez avec les flèches.',
    about: 'Présentation',
    create: 'Créer',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    cannot: 'Cela n’a pas fonctionné',
    kinds: {
      commission: 'commission',
      association: 'association',
      office: 'service',
      other: 'autre',
    } as Record<string, string>,
    to: 'À',
    subject: 'Objet',
    status: 'Statut',
    attempts: 'Tentatives',
    created: 'Rédigé',
    kept: 'Les courriels sont conservés ici\u00a0: aucun serveur de messagerie n’est configuré (TWINNING_SMTP_URL).',
    delivering:
      'Les courriels sont remis par le serveur de messagerie configuré\u00a0; les envois échoués sont retentés.',
    mailStatus: {
      queued: 'en attente',
      kept: 'conservé ici',
      sending: 'en cours d’envoi',
      sent: 'envoyé',
      failed: 'en échec',
    } as Record<string, string>,
    retry: 'Réessayer',
    lastError: 'Dernière erreur',
    when: 'Quand',
    who: 'Qui',
    what: 'Quoi',
    detail: 'Détail',
    entity: 'Objet',
    editSection: (subject: string, section: string, lang: string) => `${subject} · ${section} (${lang})`,
    editFacts: (subject: string) => `${subject} · en bref`,
    editEntry: (title: string) => `Contenu\u00a0: ${title}`,
    editOrg: (name: string) => `Organisation\u00a0: ${name}`,
    editGone: (entity: string, id: string) => `${entity} ${id} (n’existe plus)`,
    members: 'Personnes et rôles',
    addMember: 'Ajouter une personne',
    addHint:
      'Une personne sans compte reçoit une invitation par courriel\u00a0; le rôle lui revient dès qu’elle s’inscrit avec cette adresse et la confirme.',
    invites: 'Invitations en attente d’un compte',
    invited: (e: string) => `Une invitation est en route vers ${e}.`,
    withdraw: 'Retirer',
    invitedAt: 'Invité le',
    withdrawn: 'L’invitation est retirée.',
    role: 'Rôle',
    remove: 'Retirer',
    manage: 'Gérer',
    manageTitle: (org: string) => `Gérer\u00a0: ${org}`,
    noOrgs: 'Aucune organisation pour l’instant.',
    public: 'Page publique',
    content: 'Contenu',
    history: 'Historique des informations',
    historyTitle: (org: string) => `Historique des informations\u00a0: ${org}`,
    original: 'L’organisation telle qu’elle a été créée',
    emptyOutbox: 'Aucun courriel pour l’instant.',
    moderation: 'Commentaires à modérer',
    photoRoom: (used: string, room: string) => `Les photos occupent ${used} des ${room} de l’organisation.`,
    megabytes: (bytes: number) =>
      `${new Intl.NumberFormat('fr', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)}\u00a0Mo`,
  },

  // ---- edit ----
  edit: {
    edit: (what: string) => `Modifier\u00a0: ${what}`,
    sectionOf: (subject: string, section: string) => `${subject} · ${section}`,
    sections: 'Rubriques',
    written: (langs: string) => `(rédigé en ${langs})`,
    notWritten: '(pas encore rédigé)',
    text: 'Texte (Markdown)',
    textHint:
      'Les paragraphes sont séparés par une ligne vide\u00a0; **gras**, *italique*, [un lien](https://example.org), listes avec «\u00a0- \u00a0». Un texte vide supprime la rubrique.',
    textLang: 'Langue du texte',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    removed: 'Supprimé.',
    unchanged: 'Aucune modification.',
    restored: 'L’ancienne version est rétablie.',
    viewOnSite: 'Voir sur le site',
    cannot: 'Cela n’a pas fonctionné',
    history: 'Historique',
    historyOf: (what: string) => `Historique\u00a0: ${what}`,
    factsOf: (subject: string) => `${subject} · En bref`,
    sectionIn: (subject: string, section: string, lang: string) => `${subject} · ${section} (${lang})`,
    back: 'Retour à la page',
    preview: 'Tel qu’il se lit maintenant',
    otherLang: 'Modifier dans une autre langue',
    facts: 'En bref',
    saveFacts: 'Enregistrer les informations',
    original: 'Tel que les données l’indiquaient avant la première modification ici',
    fields: {
      keywords: { label: 'Mots-clés du profil' },
      population: { label: 'Population' },
      population_year: { label: 'Population recensée en (année)' },
      leader_title: {
        label: 'Titre du dirigeant',
        hint: 'par exemple maire, secrétaire du Parti, gouverneur',
      },
      leader_name: { label: 'Nom du dirigeant' },
      leader_since: { label: 'En fonction depuis', hint: 'AAAA, AAAA-MM ou AAAA-MM-JJ' },
      languages: {
        label: 'Langues',
        hint: 'Codes ISO 639 séparés par «\u00a0;\u00a0», par exemple fr\u00a0; en',
      },
      currency: { label: 'Monnaie', hint: 'ISO 4217, par exemple EUR' },
      timezone: {
        label: 'Fuseau horaire',
        hint: 'Nom IANA, par exemple Europe/Paris\u00a0; vide\u00a0: d’après les coordonnées',
      },
      kind: { label: 'Type de lien' },
      signed: { label: 'Signé', hint: 'AAAA, AAAA-MM ou AAAA-MM-JJ' },
      ended: { label: 'Fin', hint: 'date à laquelle le jumelage a pris fin' },
      status: { label: 'Statut' },
      source: { label: 'Sources', hint: 'Une par ligne\u00a0: une adresse web ou une référence' },
      notes: { label: 'Remarques' },
    } as Record<string, { label: string; hint?: string }>,
    problem: (field: string, message: string) => `${field}\u00a0: ${message}`,
  },

  // ---- history ----
  history: {
    by: 'par',
    commandLine: 'la ligne de commande',
    current: 'actuelle',
    restore: 'Rétablir cette version',
    empty: 'Aucune modification pour l’instant.',
    actions: {
      create: 'création',
      edit: 'modification',
      remove: 'suppression',
      restore: 'retour à une version antérieure',
      delete: 'suppression',
      original: 'conservation de l’état antérieur à la première modification',
    } as Record<string, string>,
  },

  // ---- ties and places added on the web, merging duplicates ----
  additions: {
    addTie: 'Ajouter un jumelage',
    addTieOf: (name: string) => `Ajouter un jumelage ${of(name)}`,
    tieIntro:
      'Un jumelage entre deux lieux\u00a0: choisissez le lieu partenaire, indiquez le type de lien et où il est attesté (au moins une source).',
    from: 'Premier lieu',
    fromHint: 'Tapez le début de son nom dans n’importe quelle langue et choisissez-le, ou son identifiant.',
    home: 'Votre collectivité',
    partner: 'Lieu partenaire',
    partnerHint:
      'Tapez le début de son nom dans n’importe quelle langue et choisissez-le, ou son identifiant (par exemple Q79867).',
    notListed: 'Absent du registre\u00a0?',
    addThePlace: 'Ajouter le lieu',
    sourceHint: 'Au moins une, une par ligne\u00a0: une adresse web ou une référence (document, date, page).',
    saveTie: 'Ajouter le jumelage',
    tieAdded: 'Le jumelage est ajouté.',
    viewTie: 'Voir le jumelage',
    addPlace: 'Ajouter un lieu',
    placeIntro:
      'Un lieu que le registre ne connaît pas encore. La liste sous le nom montre les lieux auxquels il pourrait déjà correspondre\u00a0: vérifiez-la d’abord.',
    name: 'Nom',
    nameHint: 'Tel que le nom du lieu s’écrit d’habitude en anglais ou dans sa propre langue.',
    country: 'Pays',
    chooseCountry: 'Choisir un pays',
    kind: 'Type de lieu',
    parent: 'Fait partie de (facultatif)',
    parentHint:
      'La région ou la ville dont il fait partie\u00a0: tapez le début de son nom et choisissez-la.',
    lat: 'Latitude',
    lon: 'Longitude',
    coordinatesHint:
      'Degrés décimaux avec un point, par exemple 41.115 et 122.94 (le sud et l’ouest sont négatifs)\u00a0; ou cliquez sur la carte.',
    mapTitle: 'Carte du monde pour choisir les coordonnées',
    mapDesc: 'Un clic sur la carte remplit les champs latitude et longitude\u00a0; le point les indique.',
    mapHelp:
      'Cliquez sur la carte à l’endroit où se trouve le lieu pour remplir ses coordonnées, puis corrigez-les à la main.',
    coordinates: 'Coordonnées',
    wikidata: 'Identifiant Wikidata (facultatif)',
    wikidataHint: 'Le numéro Q de l’élément, par exemple Q74957.',
    savePlace: 'Ajouter le lieu',
    placeAdded: (name: string) => `Lieu ajouté\u00a0: ${name}.`,
    nowTheTie: 'Ajoutez maintenant son jumelage\u00a0:',
    viewPlace: 'Voir le lieu',
    maybe: 'Lieux auxquels il pourrait correspondre',
    noneFound: 'Aucun lieu du registre ne lui ressemble.',
    looksLike: (name: string, country: string, n: number) =>
      `Cela ressemble à ${name} (${country}, ${ties(n)})\u00a0: l’ajouter quand même\u00a0?`,
    addAnyway: 'Ajouter quand même\u00a0: c’est un autre lieu',
    reasons: {
      wikidata: 'même identifiant Wikidata',
      name: 'nom identique ou proche',
      near: (km: number) => `à ${kit.num(km)}\u00a0km`,
    },
    ties: (n: number) => ties(n),
    merge: 'Fusionner des lieux en double',
    mergeIntro:
      'Lorsque deux fiches désignent le même lieu\u00a0: ses jumelages, noms, rubriques, contenus et photos passent du lieu qui disparaît au lieu conservé, les jumelages en double n’en font plus qu’un et l’ancienne adresse mène au lieu conservé.',
    keep: 'Lieu conservé',
    drop: 'Lieu qui disparaît (le doublon)',
    pickHint: 'Tapez le début de son nom et choisissez-le, ou son identifiant.',
    showPreview: 'Voir ce qui serait transféré',
    preview: 'Ce que fait la fusion',
    refused: 'Ces deux lieux ne peuvent pas être fusionnés',
    moves: {
      tiesMoved: (n: number) =>
        `${ties(n)} ${kit.plural(n, { one: 'passe', other: 'passent' })} au lieu conservé`,
      tiesMerged: (n: number) =>
        `${ties(n)} ${kit.plural(n, {
          one: 'est fusionné avec un jumelage déjà présent sur le lieu conservé',
          other: 'sont fusionnés avec des jumelages déjà présents sur le lieu conservé',
        })}`,
      tiesRemoved: (n: number) =>
        `${ties(n)} entre les deux lieux ${kit.plural(n, { one: 'est supprimé', other: 'sont supprimés' })}`,
      namesAdded: (names: string) => `noms ajoutés\u00a0: ${names}`,
      factsFilled: (facts: string) => `informations qui lui manquaient, reprises\u00a0: ${facts}`,
      children: (n: number) =>
        `${count(n, 'lieu rattaché', 'lieux rattachés')} ${kit.plural(n, { one: 'est transféré', other: 'sont transférés' })}`,
      sections: (n: number) =>
        `${count(n, 'rubrique', 'rubriques')} ${kit.plural(n, { one: 'est transférée', other: 'sont transférées' })}`,
      sectionsDropped: (n: number) =>
        `${count(n, 'rubrique', 'rubriques')} ${kit.plural(n, {
          one: 'est abandonnée (le lieu conservé l’a déjà dans la même langue)\u00a0; elle reste dans l’historique',
          other:
            'sont abandonnées (le lieu conservé les a déjà dans la même langue)\u00a0; elles restent dans l’historique',
        })}`,
      entries: (n: number) =>
        `${count(n, 'contenu', 'contenus')} ${kit.plural(n, { one: 'est transféré', other: 'sont transférés' })}`,
      photos: (n: number) =>
        `${count(n, 'photo', 'photos')} ${kit.plural(n, { one: 'est transférée', other: 'sont transférées' })}`,
      follows: (n: number) =>
        `${count(n, 'abonnement', 'abonnements')} ${kit.plural(n, { one: 'est transféré', other: 'sont transférés' })}`,
      organizations: (n: number) =>
        `${count(n, 'organisation', 'organisations')} ${kit.plural(n, { one: 'a', other: 'ont' })} désormais pour collectivité le lieu conservé`,
    },
    nothingElse: 'Rien d’autre n’y fait référence.',
    confirm: 'Saisissez l’identifiant du lieu qui disparaît pour confirmer',
    confirmHint: (id: string) => `Saisissez ${id}. Cette action ne peut pas être annulée ici.`,
    doMerge: 'Fusionner',
    merged: (drop: string, keep: string) =>
      `Fusion effectuée\u00a0: ${drop} rejoint ${keep}, où mène désormais son ancienne adresse.`,
    historyActions: {
      merge: 'fusion d’un lieu en double dans celui-ci',
      merged: 'fusion de ce lieu dans un autre',
    } as Record<string, string>,
  },

  // ---- the Wikidata sync's proposals ----
  sync: {
    title: 'Modifications proposées depuis Wikidata',
    nav: 'Depuis Wikidata',
    intro:
      'La synchronisation avec Wikidata compare le registre à Wikidata et liste ici les différences. Rien ne change tant qu’un rédacteur ne les a pas acceptées\u00a0; une information acceptée garde pour source Wikidata et la révision dont elle provient.',
    kinds: {
      new_tie: 'Nouveau jumelage',
      ended_tie: 'Jumelage ayant pris fin',
      gone_tie: 'Jumelage retiré de Wikidata',
      label: 'Nom',
      country: 'Pays',
      coordinates: 'Coordonnées',
      population: 'Population',
      parent: 'Situé dans',
    } as Record<string, string>,
    all: 'Tous',
    show: 'Afficher',
    none: 'Rien n’attend de décision.',
    what: 'Quoi',
    subject: 'Lieu ou jumelage',
    change: 'Modification',
    wikidata: 'Wikidata',
    found: 'Relevé le',
    decision: 'Décision',
    accept: 'Accepter',
    reject: 'Refuser',
    acceptAll: (kind: string, n: number) =>
      kit.plural(n, {
        one: `Accepter la proposition du type «\u00a0${kind}\u00a0»`,
        other: `Accepter les ${kit.num(n)} propositions du type «\u00a0${kind}\u00a0»`,
      }),
    acceptAllHint: 'Les modifications d’informations fixées par un rédacteur restent à trancher une par une.',
    editorSet: 'fixé par un rédacteur',
    nameIn: (lang: string) => `nom (${lang})`,
    nothing: 'aucun',
    removed: 'n’est plus dans Wikidata',
    revision: (r: string) => `révision ${r}`,
    accepted: 'Acceptée\u00a0: le registre l’affiche désormais.',
    rejected: 'Refusée\u00a0: elle ne sera plus proposée.',
    acceptedAll: (n: number, failed: number) =>
      `${kit.plural(n, {
        one: `${kit.num(n)} proposition acceptée.`,
        many: `${kit.num(n)} de propositions acceptées.`,
        other: `${kit.num(n)} propositions acceptées.`,
      })}${
        failed
          ? ` ${kit.plural(failed, {
              one: `${kit.num(failed)} n’a pas pu être appliquée et reste dans la liste.`,
              other: `${kit.num(failed)} n’ont pas pu être appliquées et restent dans la liste.`,
            })}`
          : ''
      }`,
    schedule: 'Synchronisation quotidienne',
    scheduleOn:
      'La synchronisation quotidienne est activée\u00a0: une fois par jour, le site interroge Wikidata sur les éléments modifiés depuis.',
    scheduleOff: 'La synchronisation quotidienne est désactivée.',
    lastRun: (at: string) => `Dernière exécution\u00a0: ${at}.`,
    neverRun: 'Elle n’a pas encore été exécutée.',
    switchOn: 'Activer la synchronisation quotidienne',
    switchOff: 'Désactiver la synchronisation quotidienne',
    scheduleSaved: 'Enregistré.',
    commandLine: 'Pour la lancer maintenant\u00a0: twinning sync wikidata [--area LIEU] [--since AAAA-MM-JJ]',
  },

  // ---- download: the registry as open data ----
  download: {
    title: 'Télécharger',
    placeIntro: (name: string) =>
      `${name} avec tout ce qui en fait partie, ses jumelages et les lieux partenaires, en données ouvertes\u00a0:`,
    countryIntro: (name: string) => `${name}, tous ses lieux et leurs jumelages, en données ouvertes\u00a0:`,
    searchIntro: 'Les lieux que trouve cette recherche et leurs jumelages, en données ouvertes\u00a0:',
    formats: {
      csv: 'CSV',
      json: 'JSON',
      geojson: 'GeoJSON',
      graphml: 'GraphML',
      gexf: 'GEXF',
    } as Record<string, string>,
    hints: {
      csv: 'une archive zip au format d’échange, pour les tableurs et l’import',
      json: 'les mêmes enregistrements en un seul fichier',
      geojson: 'les lieux en points, les jumelages en lignes, pour les cartes',
      graphml: 'lieux et jumelages sous forme de réseau',
      gexf: 'le réseau pour Gephi',
    } as Record<string, string>,
    licence: 'Licence\u00a0:',
    licenceName: 'Open Database License (ODbL) 1.0',
    licenceEnd: '. ',
    sources: 'Chaque fichier indique ses sources et leurs licences.',
    whole: 'Tout le registre',
    /** the name of a tie in linked data */
    tieName: (a: string, b: string) => `Jumelage entre ${a} et ${b}`,
    datasetName: 'Twinning\u00a0: le registre des jumelages de villes',
    datasetDescription:
      'Les villes jumelées du monde\u00a0: les lieux avec leurs noms, leurs coordonnées et leurs identifiants Wikidata ' +
      'et GeoNames, et les jumelages qui les relient, avec leurs dates et leurs sources.',
  },

  // ---- API reference (/api) ----
  apiRef: {
    title: "Référence de l'API",
    intro:
      'Le registre se lit aussi par des programmes : du JSON sur HTTP, sans clé. Ci-dessous, chaque opération avec ses paramètres, un exemple de requête et de réponse, et ses erreurs.',
    version: 'Version',
    server: 'Adresse de base',
    licence: 'Licence des données',
    document: 'Document',
    rawLink: 'Le document OpenAPI (JSON)',
    errorsIntro:
      'Une erreur répond avec son statut HTTP et un corps JSON contenant `error` et `message` ; en cas de 429 ou 503, `Retry-After` indique quand réessayer.',
    englishNote: 'Les descriptions des opérations sont en anglais.',
    contents: 'Sommaire',
    parameters: 'Paramètres',
    noParameters: 'Aucun paramètre.',
    name: 'Nom',
    in: 'Emplacement',
    type: 'Type',
    required: 'Obligatoire',
    meaning: 'Signification',
    inPath: 'chemin',
    inQuery: 'requête',
    yes: 'oui',
    no: 'non',
    exampleRequest: 'Exemple de requête',
    exampleResponse: 'Exemple de réponse',
    errors: 'Erreurs',
    status: 'Statut',
    defaultValue: (v: string) => `par défaut ${v}`,
    requestBody: 'Corps de la requête',
    needsKey: 'Demande la clé d’API d’une organisation, envoyée en `Authorization: Bearer tw_…`.',
    writeIntro:
      'L’écriture demande la clé d’API d’une organisation ; ses éditeurs créent les clés sur la page de l’organisation. La lecture n’en demande aucune et est ouverte à tous les sites (CORS).',
  },

  // ---- partner matching ----
  // ---- profile keywords and "seeking partners" listings ----
  seeking: {
    keywords: {
      steel: 'acier',
      automotive: 'industrie automobile',
      chemicals: 'chimie',
      energy: 'énergie',
      mining: 'mines',
      aerospace: 'aéronautique et spatial',
      tech: 'technologie',
      logistics: 'logistique',
      agriculture: 'agriculture',
      wine: 'vin',
      fishing: 'pêche',
      port: 'port',
      university: 'université',
      heritage: 'patrimoine',
      tourism: 'tourisme',
      arts: 'arts et culture',
    },
    fields: {
      education: 'éducation',
      schools: 'écoles jumelées',
      universities: 'universités',
      youth: 'jeunesse',
      culture: 'culture',
      sport: 'sport',
      trade: 'commerce et investissement',
      tourism: 'tourisme',
      environment: 'environnement',
      health: 'santé',
      technology: 'technologie et innovation',
      government: 'administration locale',
    },
    knownFor: 'Points forts',
    keywordsLegend: 'Mots-clés du profil',
    keywordsFree: 'Autres mots-clés',
    keywordsHint:
      'Séparés par des virgules ; 12 au plus, chacun de 40 caractères au plus. Les suggestions de partenaires comptent les mots-clés que deux lieux partagent.',
    link: 'Recherche de partenaires',
    title: 'Recherche de partenaires',
    intro:
      'Les services de jumelage qui cherchent de nouvelles villes partenaires, avec les régions et les domaines qu’ils envisagent. Les lecteurs connectés voient à qui écrire.',
    filters: 'Filtres',
    country: 'Pays (code ISO)',
    continent: 'Continent',
    field: 'Domaine',
    kind: 'Type de lieu',
    any: 'Tous',
    submit: 'Afficher',
    none: 'Aucune annonce ouverte ne correspond à ces filtres.',
    wants: 'Régions souhaitées',
    anywhere: 'partout',
    fieldsLabel: 'Domaines',
    contact: 'Contact',
    signInForContact: 'Connectez-vous pour voir le contact',
    onProfile: 'Ce lieu cherche de nouveaux partenaires',
    seeListing: 'Voir l’annonce',
    api: 'Ces annonces en JSON',
    manage: 'Annonce « recherche de partenaires »',
    noHome:
      'Cette organisation n’a pas encore de lieu d’attache. Donnez-lui-en un d’abord sur sa page : une annonce dit quel lieu cherche des partenaires.',
    isOpen: 'Publiée.',
    isClosed: 'Retirée : les lecteurs ne la voient plus. Publiez-la de nouveau pour la rouvrir.',
    isNone: 'Pas encore publiée.',
    countries: 'Pays souhaités',
    countriesHint:
      'Codes ISO séparés par des virgules, p. ex. DE, FR, JP. Laissez pays et continents vides pour « partout ».',
    continents: 'Continents souhaités',
    fieldsLegend: 'Domaines',
    note: 'Note',
    noteHint: 'Ce que vous espérez, en quelques phrases (1 000 caractères au plus).',
    contactName: 'Nom du contact',
    contactEmail: 'Courriel du contact',
    contactHint: 'Visible uniquement par les lecteurs connectés.',
    publish: 'Publier l’annonce',
    withdraw: 'Retirer l’annonce',
    published: 'L’annonce est publiée.',
    withdrawn: 'L’annonce est retirée.',
    cannot: 'L’annonce ne peut pas être publiée :',
    viewAll: 'Toutes les annonces',
    results: (n: number) => kit.plural(n, { one: `${kit.num(n)} annonce`, other: `${kit.num(n)} annonces` }),
    by: (org: string) => `Publiée par ${org}`,
    updated: (date: string) => `mise à jour le ${date}`,
    editorTitle: (org: string) => `Recherche de partenaires : annonce de ${org}`,
    editorIntro: (place: string) =>
      `Indiquez que ${place} cherche de nouveaux partenaires : où, dans quels domaines et à qui écrire. L’annonce paraît sur la page « Recherche de partenaires », sur la page du lieu et dans les suggestions de partenaires des autres lieux.`,
  },

  matching: {
    link: 'Trouver un partenaire',
    title: (name: string) => `Trouver un partenaire pour ${name}`,
    intro:
      'Des lieux qui pourraient devenir de nouveaux partenaires, les meilleurs d’abord, chacun avec les raisons ' +
      'de son choix. Le lieu lui-même et ses partenaires sont écartés.',
    filters: 'Filtres',
    countries: 'Pays souhaités',
    excludeCountries: 'Pays exclus',
    codesHint: 'codes ISO, p. ex. DE, FR',
    continent: 'Continent souhaité',
    excludeContinent: 'Continent exclu',
    any: 'Tous',
    minKm: 'Au moins (km)',
    maxKm: 'Au plus (km)',
    kind: 'Type de lieu',
    sameKind: 'Même type',
    minPop: 'Population à partir de',
    maxPop: 'Population jusqu’à',
    submit: 'Chercher',
    results: (n: number) =>
      kit.plural(n, { one: `${kit.num(n)} candidat`, other: `${kit.num(n)} candidats` }),
    none: 'Aucun lieu ne correspond à ces filtres.',
    score: 'Score',
    population: 'Population',
    distance: 'Distance',
    km: (km: number) => `${kit.num(km)} km`,
    reasonsTitle: 'Raisons',
    weightsNote:
      'Le score additionne, pour chaque raison, son poids multiplié par son degré (de 0 à 1). ' +
      'L’API accepte d’autres poids.',
    api: 'Ces suggestions en JSON',
    reasons: {
      profile: (list: string) => `Points communs : ${list}`,
      seeking: (where: string) => `Cherche des partenaires (souhaité : ${where})`,
      seekingAnywhere: 'Cherche des partenaires partout',
      seekingElsewhere: 'Cherche des partenaires dans d’autres régions',
      shared: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} partenaire en commun`,
          other: `${kit.num(n)} partenaires en commun`,
        }),
      population: (pop: number) => `Population comparable (${kit.num(pop)})`,
      countries: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} jumelage relie déjà les deux pays`,
          other: `${kit.num(n)} jumelages relient déjà les deux pays`,
        }),
      regions: (n: number) =>
        kit.plural(n, {
          one: `${kit.num(n)} jumelage relie déjà les deux régions`,
          other: `${kit.num(n)} jumelages relient déjà les deux régions`,
        }),
      distance: (km: number) => `À ${kit.num(km)} km`,
      commonLanguage: (langs: string) => `Langue commune : ${langs}`,
      taughtLanguage: (langs: string) => `Sa langue est largement enseignée : ${langs}`,
      openness: (n: number) =>
        n === 0
          ? 'Pas encore de partenaire'
          : kit.plural(n, {
              one: `Seulement ${kit.num(n)} partenaire pour l’instant`,
              other: `Seulement ${kit.num(n)} partenaires pour l’instant`,
            }),
    },
  },

  // ---- mail ----
  // ---- API keys ----
  apiKeys: {
    link: 'Clés d’API',
    title: (org: string) => `Clés d’API de ${org}`,
    intro:
      'Une clé d’API permet aux propres systèmes de votre organisation d’écrire par l’API : ajouter des jumelages de votre ville, modifier des données, rédiger des sections et des entrées. Une clé peut faire ce que les éditeurs de l’organisation peuvent faire sur le site, rien de plus ; chaque écriture est conservée dans l’historique et le journal d’audit, avec le nom de la clé.',
    rules: (max: number) =>
      `Chaque clé peut faire ${max}\u00a0requêtes par minute. Une clé cesse de fonctionner quand elle est révoquée, ou quand la personne qui l’a créée n’est plus éditrice de l’organisation.`,
    docs: 'Comment utiliser l’API d’écriture',
    keysHeading: 'Clés',
    none: 'Aucune clé pour l’instant.',
    label: 'Libellé',
    labelHint: 'Ce qui utilisera la clé, par exemple « Site du comité de jumelage ».',
    key: 'Clé',
    made: 'Créée',
    madeBy: 'Par',
    lastUsed: 'Dernière utilisation',
    never: 'jamais',
    state: 'État',
    active: 'active',
    revoked: (when: string) => `révoquée le ${when}`,
    orphaned: 'inactive : la personne qui l’a créée n’est plus éditrice de l’organisation',
    revoke: 'Révoquer',
    revokedNotice: 'La clé est révoquée : les requêtes qui l’utilisent sont désormais refusées.',
    create: 'Créer une clé',
    newKey: 'Nouvelle clé',
    createdTitle: 'Votre nouvelle clé d’API',
    createdIntro:
      'Copiez la clé maintenant : elle n’est affichée qu’une fois et ne pourra plus l’être, car seule une empreinte en est conservée. Si elle est perdue, révoquez-la et créez-en une autre.',
    secret: 'Clé d’API',
    usage: 'Envoyez-la avec chaque requête d’écriture :',
    back: 'Retour aux clés d’API',
    /** what a cell of the keys table is, said before it where the table is shown as cards (phones) */
    cellLabel: (label: string) => `${label}\u00a0: `,
  },

  mail: {},
} satisfies Catalogue;
