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
  places: {
    kinds: { country: '国家', region: '省/州', city: '城市', district: '区', other: '地方' },
    facts: '概况',
    population: '人口',
    leader: '领导人',
    since: '自',
    languages: '语言',
    currency: '货币',
    timezone: '时区',
    coordinates: '坐标',
    wikidata: 'Wikidata',
    unknown: '不详',
    partners: (n: number) => `友好城市（${kit.num(n)}）`,
    noPartners: '尚无该地的友好城市记录。',
    mapTitle: (name: string) => `${name}及其友好城市`,
    mapDesc: (name: string, n: number, shown: number) =>
      `世界地图，显示${name}及其${n}个友城中已知位置的${shown}个。`,
    noMap: '该地位置不详，因此没有地图。',
    profile: '简介',
    profileEmpty: '尚未撰写该地简介：交流项目、经济、旅游景点、气候、体育和地方美食。',
    tieEmpty: (home: string) => `与${home}结好的缘由尚未撰写。`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `自${signed}起与${home}结为友好城市。` : `${home}的友好城市。`,
    aboutTie: '关于这对友城',
    agreementSigned: '协议签署',
    tieKind: '关系类型',
    signedYear: (y: string) => `${y}年建立`,
    noCountry: '国家不详',
    json: '以 JSON 查看',
    more: '更多',
    statistics: '统计',
    network: '“表亲”城市与开放三角',
    hierarchy: '隶属',
    directoryTitle: '国家和地区',
    directoryIntro: (n: number) => `ISO 3166 全部${n}个国家和地区及其现有友好关系。`,
    byName: '按名称',
    byContinent: '按大洲',
    ties: (n: number) => `${kit.num(n)}对`,
    countryFacts: '国家概况',
    continent: '大洲',
    timezones: '时区',
    topPlaces: '友好关系最多的地方',
    partnerCountries: '按友城所在国家',
    culture: '文化',
    cultureEmpty: '尚无文化介绍：语言、美食、体育、节日和气候。',
    tiesWith: (c: string, n: number) => `与${c}的${kit.num(n)}对友好关系`,
    place: '地方',
    country: '国家',
    count: '数量',
  },

  // ---- countries ----
  countries: {},

  // ---- search ----
  search: {
    title: '搜索地方',
    label: '名称（任何语言）',
    country: '国家代码',
    kind: '类型',
    any: '任意',
    ties: '友城',
    withTies: '有友城',
    withoutTies: '无友城',
    search: '搜索',
    results: (q: string) => `与“${q}”匹配的地方`,
    none: '没有匹配的地方。请尝试输入名称的开头，任何语言均可。',
    next: '更多结果',
  },

  // ---- home ----
  home: {},

  // ---- ties ----
  ties: {
    title: '浏览友好关系',
    between: (a, b) => `${a}与${b}之间的友好关系`,
    of: (a) => `${a}的友好关系`,
    intro:
      '登记库中的全部友好关系：可选择一个国家，或两个国家查看两国之间的友好关系，以及关系类型、状态和建立年代。',
    country: '国家',
    partnerCountry: '对方国家',
    kind: '类型',
    status: '状态',
    decade: '建立年代',
    any: '任意',
    decadeLabel: (d) => `${d}年代`,
    apply: '显示',
    count: (n) => `共${kit.num(n)}对。`,
    none: '没有符合条件的友好关系。',
    place: '地方',
    partner: '友城',
    signed: '建立',
    details: '详情',
    detailsOf: (a, b) => `详情：${a}–${b}`,
    inCountry: (country) => ` · ${country}`,
    next: '下一页',
    prev: '上一页',
    tieTitle: (a, b) => `${a}与${b}`,
    facts: '友好关系',
    ended: '终止',
    listedBy: '列出方',
    listedBoth: '双方',
    notes: '备注',
    sources: '来源',
    sourceFact: (fact) => `（${fact}）`,
    unknown: '不详',
    profile: '缘由与交流项目',
    empty: '尚未撰写这对友城的结好缘由和交流项目。',
    mapTitle: (a, b) => `${a}与${b}地图`,
    mapDesc: (a, b) => `世界地图，显示从${a}到${b}的连线。`,
    sides: '双方',
  },

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
    barEntry: (label, n) => `${label} ${kit.num(n)}`,
    chartTitle: (what, place) => `${what} · ${place}`,
    statusList: (statuses) => statuses.join('、'),
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

  // ---- rankings ----
  rankings: {
    title: '排行',
    intro: '现有友好关系最多的地方和国家。选择时间段可查看增长最快的。',
    continent: '大洲',
    all: '所有大洲',
    from: '建立时间从',
    to: '至',
    apply: '应用',
    periodNote: '只计算在该时间段内有已知建立日期的友好关系。',
    places: '友好关系最多的地方',
    countries: '友好关系最多的国家',
    rank: '#',
    place: '地方',
    country: '国家',
    count: '数量',
    none: '没有结果。',
  },

  // ---- network ----
  network: {},

  // ---- program ----
  program: {
    activities: '交流活动',
    news: '新闻',
    events: '近期日程',
    photos: '照片',
    about: '相关',
    follow: '关注',
    noActivities: '尚无交流活动记录。',
    allNews: '全部相关新闻',
    allActivities: (n: number) => `全部${kit.num(n)}项交流活动`,
    removePhoto: '删除',
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
    comments: '评论',
    noComments: '暂无评论。',
    write: '发表评论',
    reply: '回复',
    replyTo: (name: string) => `回复${name}`,
    send: '发送',
    followReplies: '有回复时发邮件通知我',
    signInToComment: '登录后评论',
    waiting: '谢谢。编辑审阅后，您的评论即会显示。',
    published: '您的评论已发表。',
    yours: '您的评论正在等待编辑审阅。',
    blocked: '您不能评论该机构的文章。',
    moderation: '待审评论',
    moderationIntro: '对本机构文章的评论在编辑批准或拒绝前会留在这里。',
    nothing: '没有待审评论。',
    approve: '批准',
    reject: '拒绝',
    block: '禁止此人评论',
    on: '评论于',
    done: '已完成。',
    follow: '关注',
    following: (mode: string) => `您已关注（${mode}）。`,
    unfollow: '取消关注',
    instant: '每次发邮件',
    daily: '每日摘要',
    how: '通知方式',
    signInToFollow: '登录后关注',
    followHint: '通过电子邮件获知新的文章、日程和交流活动。',
    confirmFirst: '确认电子邮箱之后才会发送邮件：',
    removed: '此评论已删除。',
    removedDone: '评论已删除。',
    removeOwn: '删除我的评论',
    removeOther: '删除',
    repliesTo: '回复：',
    settingsTitle: '我的邮件通知',
    settingsIntro: (e: string) => `本站发送到 ${e} 的邮件。`,
    followNothing: '您没有关注任何内容，不会收到通知。',
    stop: '停止',
    stopAll: '停止全部通知',
    stopAsk: (e: string) => `停止发送到 ${e} 的全部通知？之后可在任何页面重新关注。`,
    stopped: '已完成：您将不再收到通知。需要时可在任何页面重新关注。',
    unfollowed: '已完成：此项不再通知您。',
    changeMode: '如需在“每次发邮件”和“每日摘要”之间切换，请登录：',
    yourAccount: '我的账户',
    photos: '照片',
    addPhoto: '添加照片',
    file: '照片（JPEG、PNG、WebP、GIF 或 AVIF，最大 15 MB）',
    caption: '说明（照片内容）',
    upload: '上传',
    remove: '删除',
    cannot: '未能完成',
    blockedList: '已禁止评论',
    unblock: '解除禁止',
  },

  // ---- account ----
  account: {},

  // ---- admin ----
  admin: {},

  // ---- edit ----
  edit: {},

  // ---- history ----
  history: {
    by: '编辑者',
    commandLine: '命令行',
    current: '当前',
    restore: '恢复此版本',
    empty: '尚无编辑记录。',
    actions: {
      create: '创建',
      edit: '编辑',
      remove: '删除',
      restore: '恢复旧版本',
      delete: '删除',
    } as Record<string, string>,
  },

  // ---- mail ----
  mail: {},
} satisfies Catalogue;
