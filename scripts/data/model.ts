/** A value and the citation (or URL) of the source that gives it. */
export interface Fact<T> {
  value: T;
  source: string;
}
export const fact = <T>(value: T, source: string): Fact<T> => ({ value, source });

export type Kind = 'country' | 'region' | 'city' | 'district' | 'other';

/** A place while the build works on it: every fact with its source, plus the evidence the rules look at. */
export interface PlaceRec {
  id: string;
  wikidata: string | null;
  name: Fact<string> | null;
  /** other names by language (BCP 47; `und` when the language is unknown) */
  names: Map<string, Fact<string>>;
  kind: Fact<Kind> | null;
  country: Fact<string> | null;
  /** the admin-1 name a source gives; becomes the parent region */
  admin1: Fact<string> | null;
  parent: Fact<string> | null;
  coords: Fact<[number, number]> | null;
  population: Fact<number> | null;
  geonames: Fact<number> | null;
  /** names a better source displaced from `name`, kept findable as alternate names */
  displaced: Fact<string>[];
  /** the 2016 crawl's label (language de > en > fr > it > es, unknown per label) */
  label2016: string | null;
  /** how the country was found: a per-item source, the coordinates, or a name match */
  countryHow: 'item' | 'coordinates' | 'wd2026' | 'match' | 'table' | null;
  /** true when the coordinates come from a source about this very item (not from a name match) */
  coordsOwn: boolean;
  /** the 2026 extract's country (from coarse borders), normalized to ISO 3166-1 */
  wdCountry: string | null;
}

export function newPlace(id: string, wikidata: string | null): PlaceRec {
  return {
    id,
    wikidata,
    name: null,
    names: new Map(),
    kind: null,
    country: null,
    admin1: null,
    parent: null,
    coords: null,
    population: null,
    geonames: null,
    displaced: [],
    label2016: null,
    countryHow: null,
    coordsOwn: false,
    wdCountry: null,
  };
}

export interface Tie {
  a: string;
  b: string;
  /** sides whose Wikidata item states the tie (2016 crawl); empty when only the 2026 extract has it */
  listedBy: Set<string>;
  in2016: boolean;
  in2026: boolean;
}

/** `place,fact,kept,kept_source,other,other_source` */
export type Disagreement = [string, string, string, string, string, string];
