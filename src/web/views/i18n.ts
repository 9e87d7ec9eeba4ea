import { FORMER_MEMBER } from '../../domain/accounts.js';
import { CONTINENT_NAMES, CONTINENT_NAMES_ZH } from '../../domain/countries.js';

// Interface text in the languages the site speaks. Place and country names come from the data.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const LOCALE: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

const en = {
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
};

type Messages = typeof en;

const zh: Messages = {
  siteName: '友城网',
  tagline: '世界友好城市',
  homeSiteName: (home: string) => `${home}国际友好城市`,
  homeTagline: '对外交流',
  navHome: '首页',
  account: '账户',
  signIn: '登录',
  editSections: '编辑这些内容',
  navCountries: '国家',
  navTies: '友好关系',
  navSearch: '搜索',
  navRankings: '排行',
  navNetwork: '网络',
  navNews: '新闻',
  navEvents: '日程',
  navPath: '友城链',
  navQuality: '数据质量',
  navApi: 'API',
  language: '语言',
  skip: '跳到正文',
  footerData:
    '数据：Wikidata（CC0）、Natural Earth、GeoNames（CC BY 4.0）、dr5hn 的 countries-states-cities-database（ODbL）。',
  statsTitle: (name) => `${name}友好城市统计`,
  statsIntro: '统计该地及其下辖各地与辖区外的友好关系，每对只计一次。',
  filters: '筛选',
  since: '另计自',
  asOf: '截至',
  kind: '类型',
  status: '状态',
  statusDefault: '现有（默认）',
  partners: '友城',
  allPartners: '全部',
  international: '国外',
  domestic: '国内',
  any: '任意',
  apply: '应用',
  total: '友好关系',
  countries: '友城所在国家',
  firstYear: '最早一对',
  sinceCount: (d) => `${d}以来`,
  growth: '增长',
  growthDesc: (first, last, total) => `${first}年至${last}年每年新增的友好关系及累计总数（累计${total}个）。`,
  perYear: '每年新增',
  cumulative: '累计',
  byContinent: '按大洲',
  byCountry: '按国家',
  byLevel: '按本方级别',
  map: '友城所在国家地图',
  mapDesc: (n) => `世界地图，按友好关系数量为${n}个国家着色。`,
  mapLegend: '每国友好关系数',
  barsDesc: (what, first) => `${what}，从多到少：${first}。`,
  download: '下载',
  dataTable: '数据表',
  noYears: '没有已知建立年份的友好关系，因此没有增长图。',
  noTies: '按这些条件没有可统计的友好关系。',
  embed: '嵌入到您的网站',
  embedHelp: '将此代码复制到您网站的页面中，即可显示统计段落和增长图。',
  year: '年份',
  newTies: '新增',
  country: '国家',
  level: '级别',
  count: '数量',
  unknownYearNote: (n) => `另有${n}个年份不详，未列入图中。`,
  sourceNote: '数据来自友城网。',
};

const MESSAGES: Record<Lang, Messages> = { en, zh };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

export const CONTINENT_LABELS: Record<Lang, Record<string, string>> = {
  en: CONTINENT_NAMES,
  zh: CONTINENT_NAMES_ZH,
};

export const LEVEL_LABELS: Record<Lang, Record<string, string>> = {
  en: { country: 'National', region: 'Regional', city: 'City', district: 'District', other: 'Other' },
  zh: { country: '国家级', region: '省级', city: '市级', district: '区级', other: '其他' },
};

export const KIND_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    sister: 'sister city',
    friendship: 'friendship',
    partnership: 'partnership',
    cooperation: 'cooperation',
  },
  zh: { sister: '友好城市', friendship: '友好交流', partnership: '伙伴关系', cooperation: '合作关系' },
};

export const STATUS_LABELS: Record<Lang, Record<string, string>> = {
  en: { proposed: 'proposed', active: 'active', dormant: 'dormant', suspended: 'suspended', ended: 'ended' },
  zh: { proposed: '拟建', active: '现有', dormant: '休眠', suspended: '暂停', ended: '已终止' },
};

// Month names as newspapers abbreviate them in English ("Nov. 5, 1996"); short months are written out.
const EN_MONTHS = [
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

/** A date as precise as it is known, in the reader's language: "Nov. 5, 1996", "1996年11月5日", "Nov. 1996". */
export function formatDate(p: { date: string; precision: 'year' | 'month' | 'day' }, lang: Lang): string {
  const y = Number(p.date.slice(0, 4));
  const m = Number(p.date.slice(5, 7));
  const d = Number(p.date.slice(8, 10));
  if (lang === 'zh') {
    if (p.precision === 'year') return `${y}年`;
    if (p.precision === 'month') return `${y}年${m}月`;
    return `${y}年${m}月${d}日`;
  }
  if (p.precision === 'year') return String(y);
  if (p.precision === 'month') return `${EN_MONTHS[m - 1]} ${y}`;
  return `${EN_MONTHS[m - 1]} ${d}, ${y}`;
}

/**
 * A place's name in the reader's language where the data has it, else its main name. Takes full places
 * (`names`) and the summaries lists carry (`nameZh`).
 */
export function localName(
  p: { name: string; names?: Record<string, string>; nameZh?: string | null },
  lang: Lang,
): string {
  return lang === 'zh' ? (p.names?.zh ?? p.nameZh ?? p.name) : p.name;
}

/** A moment (ISO timestamp) as "Nov. 24, 2026, 10:36 UTC" / "2026年11月24日 10:36 UTC". */
export function formatTime(iso: string, lang: Lang): string {
  const day = formatDate({ date: iso.slice(0, 10), precision: 'day' }, lang);
  return `${day}${lang === 'zh' ? ' ' : ', '}${iso.slice(11, 16)} UTC`;
}

/** A person's name as shown with their comments and edits; a deleted account's in the reader's language. */
export function personName(name: string, lang: Lang): string {
  return name === FORMER_MEMBER && lang === 'zh' ? '前成员' : name;
}
