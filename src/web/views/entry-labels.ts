import type { EntryType } from '../../domain/entries.js';
import type { Lang } from './i18n.js';

interface TypeLabels {
  one: string;
  many: string;
  add: string;
  fields: Record<string, { label: string; hint?: string }>;
}

const en: Record<EntryType, TypeLabels> = {
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
};

const zh: Record<EntryType, TypeLabels> = {
  post: {
    one: '文章',
    many: '新闻与文章',
    add: '撰写文章',
    fields: {
      title: { label: '标题' },
      kind: { label: '类型' },
      summary: { label: '摘要', hint: '一两句话，用于列表和订阅源。' },
      body: {
        label: '正文（Markdown）',
        hint: '段落之间空一行；**粗体**、*斜体*、[链接](https://example.org)、以“- ”开头的列表。',
      },
    },
  },
  event: {
    one: '活动日程',
    many: '活动日程',
    add: '添加日程',
    fields: {
      title: { label: '标题' },
      starts: { label: '开始', hint: '举办地当地时间。' },
      ends: { label: '结束' },
      timezone: { label: '时区', hint: 'IANA 名称，如 Asia/Shanghai。' },
      venue: { label: '地点' },
      description: { label: '说明（Markdown）' },
    },
  },
  activity: {
    one: '交流活动',
    many: '交流活动',
    add: '添加交流活动',
    fields: {
      title: { label: '标题' },
      kind: { label: '类型' },
      date: { label: '日期', hint: 'YYYY-MM-DD；只知年月或年份时写 YYYY-MM 或 YYYY。' },
      endDate: { label: '结束日期' },
      venue: { label: '地点' },
      summary: { label: '经过（Markdown）' },
      people: { label: '本机构参加人员' },
      institutions: { label: '参加的合作机构' },
      participants: { label: '其他参加者', hint: '每行一个：人员或机构。' },
      outcome: { label: '成果' },
      amount: { label: '金额', hint: '经贸成果的协议金额。' },
      currency: { label: '货币', hint: 'ISO 4217 代码，如 CNY、USD。' },
      seeking: { label: '招募参加者' },
      contact: { label: '联系方式', hint: '报名联系谁。' },
    },
  },
  committee: {
    one: '委员会',
    many: '委员会',
    add: '添加委员会',
    fields: {
      title: { label: '名称' },
      country: { label: '友城所在国家', hint: 'ISO 代码，如 JP。' },
      about: { label: '简介' },
    },
  },
  person: {
    one: '人员',
    many: '人员',
    add: '添加人员',
    fields: {
      title: { label: '姓名' },
      role: { label: '角色' },
      position: { label: '职务' },
      committee: { label: '所属委员会' },
      email: { label: '电子邮箱' },
      phone: { label: '电话' },
      public: { label: '公开电子邮箱和电话' },
    },
  },
  institution: {
    one: '机构',
    many: '合作机构',
    add: '添加合作机构',
    fields: {
      title: { label: '名称' },
      kind: { label: '类型' },
      place: { label: '所在地编号' },
      url: { label: '网站' },
    },
  },
  membership: {
    one: '会员资格',
    many: '会员资格',
    add: '添加会员资格',
    fields: { title: { label: '协会' }, since: { label: '加入年份' }, url: { label: '网站' } },
  },
};

export const ENTRY_LABELS: Record<Lang, Record<EntryType, TypeLabels>> = { en, zh };

/** Labels of the choices (kinds and roles) in each language. */
export const CHOICE_LABELS: Record<Lang, Record<string, string>> = {
  en: {
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
  },
  zh: {
    news: '新闻',
    article: '文章',
    'delegation-in': '来访团组',
    'delegation-out': '出访团组',
    exchange: '交流',
    program: '项目',
    festival: '节庆',
    conference: '会议',
    business: '经贸成果',
    'co-chair': '联合主席',
    chair: '主席',
    director: '主任',
    secretary: '秘书',
    treasurer: '财务',
    contact: '联系人',
    member: '成员',
    university: '大学',
    school: '学校',
    company: '企业',
    agency: '政府机构',
    hospital: '医院',
    museum: '博物馆',
    other: '其他',
  },
};
