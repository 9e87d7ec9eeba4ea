// The bundled data as shipped: read straight from data/*.csv (not through the importer), so these checks hold
// whatever the importer does with the files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'data');
type Row = Record<string, string>;
const read = (name: string) => parse(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Row[];

const places = read('places.csv');
const countries = read('countries.csv');
const ties = read('twinnings.csv');
const redirects = read('redirects.csv');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  asOf: string;
  builtBy: string;
  sources: { id: string; title: string; date: string; licence: string; url: string }[];
  rules: { rule: string; used: boolean; precision: number | null; sample: number; matched: number }[];
  coverage: Record<string, unknown>;
};
const byId = new Map([...countries, ...places].map((r) => [r.id as string, r]));

const PLACE_FACTS = ['name', 'names', 'kind', 'country', 'parent', 'coordinates', 'population', 'wikidata', 'geonames'];
const TIE_FACTS = ['tie', 'kind', 'signed', 'ended', 'status', 'listed_by'];

/** `fact=VALUE | VALUE | …` → the facts named (null for a source of the whole record) */
function sourceItems(cell: string): { fact: string | null; value: string }[] {
  if (!cell.trim()) return [];
  return cell.split(' | ').map((item) => {
    const m = /^([a-z_]+)=(.+)$/.exec(item);
    return m ? { fact: m[1] as string, value: m[2] as string } : { fact: null, value: item };
  });
}

describe('shipped data', () => {
  it('has a country on both sides of at least 90% of the ties', () => {
    const both = ties.filter((t) => byId.get(t.a as string)?.country && byId.get(t.b as string)?.country);
    expect(ties.length).toBeGreaterThan(17_000);
    expect(both.length / ties.length).toBeGreaterThanOrEqual(0.9);
  });

  it('has coordinates for at least 90% of the tied places, and every tied place exists', () => {
    const tied = new Set(ties.flatMap((t) => [t.a as string, t.b as string]));
    const missing = [...tied].filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
    const located = [...tied].filter((id) => byId.get(id)?.lat && byId.get(id)?.lon);
    expect(located.length / tied.size).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every place a source for each fact it states, in the documented syntax', () => {
    const problems: string[] = [];
    for (const p of [...places, ...countries]) {
      const items = sourceItems(p.source ?? '');
      if (items.length === 0) problems.push(`${p.id}: no source`);
      for (const i of items) {
        if (i.fact && !PLACE_FACTS.includes(i.fact)) problems.push(`${p.id}: unknown fact ${i.fact}`);
        if (!i.value.trim()) problems.push(`${p.id}: empty source for ${i.fact}`);
      }
      const facts = new Set(items.map((i) => i.fact));
      const stated: [string, boolean][] = [
        ['name', !!p.name],
        ['country', !!p.country && p.kind !== 'country'],
        ['coordinates', !!p.lat],
        ['population', !!p.population],
        ['names', !!p.names],
        ['geonames', !!p.geonames],
      ];
      for (const [f, present] of stated) if (present && !facts.has(f)) problems.push(`${p.id}: ${f} has no source`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('gives every tie a source, and a source for the tie itself', () => {
    const problems: string[] = [];
    for (const t of ties) {
      const items = sourceItems(t.source ?? '');
      const facts = new Set(items.map((i) => i.fact));
      if (!facts.has('tie')) problems.push(`${t.a}–${t.b}: no source for the tie`);
      for (const i of items) if (i.fact && !TIE_FACTS.includes(i.fact)) problems.push(`${t.a}–${t.b}: ${i.fact}`);
      if (t.kind && !facts.has('kind')) problems.push(`${t.a}–${t.b}: kind has no source`);
      if (t.listed_by && !facts.has('listed_by')) problems.push(`${t.a}–${t.b}: listed_by has no source`);
      if (t.status && !facts.has('status')) problems.push(`${t.a}–${t.b}: status has no source`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('locates Nijmegen, Darmstadt and the Malmö with 12 partners', () => {
    const degree = new Map<string, number>();
    for (const t of ties) for (const id of [t.a, t.b] as string[]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const named = (n: string) => places.filter((p) => p.name === n);
    expect(named('Nijmegen').map((p) => p.country)).toContain('NL');
    expect(named('Darmstadt').map((p) => p.country)).toContain('DE');
    for (const p of [...named('Nijmegen'), ...named('Darmstadt')]) expect(p.country).not.toBe('');
    const malmo = places.filter((p) => /^Malmö/.test(p.name as string) && (degree.get(p.id as string) ?? 0) >= 12);
    expect(malmo.length).toBeGreaterThanOrEqual(1);
    for (const p of malmo) expect(p.country).toBe('SE');
  });

  it('has each province-level division of China once, with its Chinese name', () => {
    const cn = places.filter((p) => p.country === 'CN');
    const zh = (p: Row) => /(?:^|;)zh:([^;]+)/.exec(p.names ?? '')?.[1] ?? '';
    for (const [en, han] of [
      ['Anhui', '安徽'],
      ['Qinghai', '青海'],
      ['Inner Mongolia', '内蒙古'],
      ['Guangdong', '广东'],
    ] as const) {
      const found = cn.filter((p) => zh(p).startsWith(han) && p.kind === 'region');
      expect(found.map((p) => p.name), en).toEqual([en]);
    }
    // the other spellings of Inner Mongolia are no places of their own
    expect(cn.filter((p) => /mongol|menggu/i.test(p.name as string) && p.kind === 'region')).toHaveLength(1);
    // every one of the 31 mainland divisions has a Chinese name
    const provinces = cn.filter((p) => /^(.+)(省|自治区|市)$/.test(zh(p)) && (p.parent === 'CN' || p.kind === 'region'));
    expect(provinces.length).toBeGreaterThanOrEqual(31);
  });

  it('redirects old ids to places that exist, each old id once', () => {
    const from = redirects.map((r) => r.from);
    expect(new Set(from).size).toBe(from.length);
    for (const r of redirects) {
      expect(byId.has(r.to as string), `${r.from} → ${r.to}`).toBe(true);
      expect(byId.has(r.from as string), `${r.from} still exists`).toBe(false);
      expect(r.reason).not.toBe('');
    }
  });

  it('uses only rules measured at 98% precision or better, and says what it built from', () => {
    expect(manifest.builtBy).toBe('npm run build:data');
    expect(manifest.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(manifest.sources.length).toBeGreaterThan(5);
    for (const s of manifest.sources) for (const k of ['id', 'title', 'date', 'licence', 'url'] as const) expect(s[k]).toBeTruthy();
    const used = manifest.rules.filter((r) => r.used);
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) {
      expect(r.precision, r.rule).not.toBeNull();
      expect(r.precision as number, r.rule).toBeGreaterThanOrEqual(0.98);
      expect(r.sample, r.rule).toBeGreaterThanOrEqual(30);
    }
    for (const r of manifest.rules.filter((r) => !r.used)) expect(r.matched, r.rule).toBe(0);
  });

  it('ships nothing from the Wikipedia lists (CC BY-SA)', () => {
    const text = ['places.csv', 'twinnings.csv', 'countries.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const t of text) expect(t).not.toMatch(/wikipedia/i);
  });
});
