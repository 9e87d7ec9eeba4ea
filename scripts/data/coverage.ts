// The figures the build prints and writes to manifest.json, computed from the rows as written.
type Row = (string | number | null)[];

export interface Coverage {
  places: number;
  tiedPlaces: number;
  tiedPlacesWithCoordinates: number;
  tiedPlacesWithCoordinatesShare: number;
  tiedPlacesWithCountry: number;
  ties: number;
  tiesWithBothCountries: number;
  tiesWithBothCountriesShare: number;
  placesWithChineseName: number;
  placesWithJapaneseName: number;
  placesWithKoreanName: number;
  placesWithPopulation: number;
  pairsInSources: number;
  tiesDroppedAsSelfTies: number;
  redirects: number;
  targets: { tiesWithBothCountries: number; tiedPlacesWithCoordinates: number; met: boolean };
}

export const TARGET = 0.9;
const share = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);

/** Columns: places id 0, country 3, lat 5, names 9; ties a 0, b 1. Countries are places too. */
export function coverage(
  places: Row[],
  countries: Row[],
  ties: Row[],
  extra: { tiesBefore: number; tiesDropped: number; redirects: number },
): Coverage {
  const all = new Map<string, Row>();
  for (const r of [...countries, ...places]) all.set(String(r[0]), r);
  const tied = new Set<string>();
  for (const t of ties) {
    tied.add(String(t[0]));
    tied.add(String(t[1]));
  }
  const has = (id: string, col: number) => !!all.get(id)?.[col];
  const both = ties.filter((t) => has(String(t[0]), 3) && has(String(t[1]), 3)).length;
  const withCoords = [...tied].filter((id) => has(id, 5)).length;
  const lang = (l: string) => places.filter((r) => new RegExp(`(^|;)${l}:`).test(String(r[9]))).length;
  const c: Omit<Coverage, 'targets'> = {
    places: places.length,
    tiedPlaces: tied.size,
    tiedPlacesWithCoordinates: withCoords,
    tiedPlacesWithCoordinatesShare: share(withCoords, tied.size),
    tiedPlacesWithCountry: [...tied].filter((id) => has(id, 3)).length,
    ties: ties.length,
    tiesWithBothCountries: both,
    tiesWithBothCountriesShare: share(both, ties.length),
    placesWithChineseName: lang('zh'),
    placesWithJapaneseName: lang('ja'),
    placesWithKoreanName: lang('ko'),
    placesWithPopulation: places.filter((r) => r[7] !== '' && r[7] !== null).length,
    pairsInSources: extra.tiesBefore,
    tiesDroppedAsSelfTies: extra.tiesDropped,
    redirects: extra.redirects,
  };
  return {
    ...c,
    targets: {
      tiesWithBothCountries: TARGET,
      tiedPlacesWithCoordinates: TARGET,
      met: c.tiesWithBothCountriesShare >= TARGET && c.tiedPlacesWithCoordinatesShare >= TARGET,
    },
  };
}

export function printCoverage(c: Coverage) {
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  console.log('\nCoverage:');
  console.log(`  ${c.places} places, ${c.tiedPlaces} of them (with countries) in ties; ${c.redirects} ids redirected`);
  console.log(
    `  ${c.ties} ties (${c.pairsInSources} pairs in the sources, ${c.tiesDroppedAsSelfTies} joined a place to itself after merging)`,
  );
  console.log(
    `  ties with a country on both sides: ${c.tiesWithBothCountries} (${pct(c.tiesWithBothCountriesShare)}; target ≥ ${pct(TARGET)})`,
  );
  console.log(
    `  tied places with coordinates: ${c.tiedPlacesWithCoordinates} of ${c.tiedPlaces} (${pct(c.tiedPlacesWithCoordinatesShare)}; target ≥ ${pct(TARGET)})`,
  );
  console.log(`  tied places with a country: ${c.tiedPlacesWithCountry}`);
  console.log(
    `  names: zh ${c.placesWithChineseName}, ja ${c.placesWithJapaneseName}, ko ${c.placesWithKoreanName}; population: ${c.placesWithPopulation}`,
  );
  console.log(`  targets ${c.targets.met ? 'met' : 'NOT MET'}`);
}
