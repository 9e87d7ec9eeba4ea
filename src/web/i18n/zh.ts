import { intlKit, type PartialDate } from './intl.js';
import type { Catalogue } from './en.js';

// The interface in Simplified Chinese.

const kit = intlKit('zh-CN');

function date(p: PartialDate): string {
  const y = Number(p.date.slice(0, 4));
  const m = Number(p.date.slice(5, 7));
  const d = Number(p.date.slice(8, 10));
  if (p.precision === 'year') return `${y}年`;
  if (p.precision === 'month') return `${y}年${m}月`;
  return `${y}年${m}月${d}日`;
}

export const zh = {
  ...kit,
  nativeName: '中文',
  date,
  time: (iso: string) => `${date({ date: iso.slice(0, 10), precision: 'day' })} ${iso.slice(11, 16)} UTC`,

  // ---- site ----
  site: {
    errorTitle: '出错了',
    errorText: '服务器出了问题，请稍后再试。',
    notFoundTitle: '未找到',
    checkTitle: '请求有误',
    forbiddenTitle: '无权操作',
    unavailableTitle: '暂时无法访问',
    unavailableText: '数据库暂时无法连接，请过几秒钟再试。',
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
  },

  // ---- labels ----
  labels: {
    continents: {
      AF: '非洲',
      AN: '南极洲',
      AS: '亚洲',
      EU: '欧洲',
      NA: '北美洲',
      OC: '大洋洲',
      SA: '南美洲',
    },
    levels: { country: '国家级', region: '省级', city: '市级', district: '区级', other: '其他' },
    tieKinds: {
      sister: '友好城市',
      friendship: '友好交流',
      partnership: '伙伴关系',
      cooperation: '合作关系',
    },
    statuses: { proposed: '拟建', active: '现有', dormant: '休眠', suspended: '暂停', ended: '已终止' },
    formerMember: '前成员',
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
    growthDesc: (first, last, total) =>
      `${first}年至${last}年每年新增的友好关系及累计总数（累计${total}个）。`,
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
} satisfies Catalogue;
