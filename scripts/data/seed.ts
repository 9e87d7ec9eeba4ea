// Reads the seed files of ../shared/data (see its README for provenance). Only the files that may ship, or that
// may be used to cross-check, are read here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface SeedPlace {
  qid: string;
  label_wd2016: string;
  name_en: string;
  name_zh: string;
  country: string;
  admin1_name: string;
  lat: string;
  lon: string;
  population: string;
  population_src: string;
  type: string;
  geonameid: string;
  src: string;
}
export interface NaturalEarthPlace {
  qid: string;
  geonameid: string;
  name_en: string;
  name_zh: string;
  country: string;
  admin1_name: string;
  lat: string;
  lon: string;
  featurecla_ne: string;
  pop_urban_ne: string;
  population_geonames: string;
}
export interface SeedTie {
  qid_a: string;
  qid_b: string;
  a_lists_b: string;
  b_lists_a: string;
}
export interface Wd2026Node {
  id: string;
  name: string;
  lng: string;
  lat: string;
  country: string;
  countrycd: string;
}
export interface Wd2026Link {
  source: string;
  target: string;
}
export interface WikipediaPair {
  city1: string;
  country1: string;
  city2: string;
  country2: string;
}

export function readTsv<T>(dir: string, name: string): T[] {
  return parse(readFileSync(join(dir, name), 'utf8'), {
    columns: true,
    delimiter: '\t',
    quote: false,
    relax_quotes: true,
  }) as T[];
}

export function readSeed(dir: string) {
  return {
    places: readTsv<SeedPlace>(dir, 'places.tsv'),
    naturalEarth: readTsv<NaturalEarthPlace>(dir, 'places_naturalearth_geonames.tsv'),
    ties: readTsv<SeedTie>(dir, 'twinnings.tsv'),
    wdNodes: readTsv<Wd2026Node>(dir, 'wikidata_2026_nodes.tsv'),
    wdLinks: readTsv<Wd2026Link>(dir, 'wikidata_2026_links.tsv'),
    // CC BY-SA: read to cross-check only; nothing from it is written to data/.
    wikipedia: readTsv<WikipediaPair>(dir, 'wikipedia_pairs_2026.tsv'),
  };
}
export type Seed = ReturnType<typeof readSeed>;
