// The terms the registry's data is offered under, which every export and the linked data carry.
import type { ManifestSource } from './provenance.js';

export interface DataLicence {
  /** SPDX identifier */
  id: string;
  title: string;
  url: string;
}

/**
 * The registry as a database: the bundled places contain values of dr5hn's countries-states-cities-database,
 * which is ODbL 1.0, so the database as a whole is offered under ODbL 1.0 (data/README.md); its parts keep the
 * licences of their sources (Wikidata CC0, GeoNames CC BY 4.0, Natural Earth public domain, …), listed with
 * every export.
 */
export const DATA_LICENCE: DataLicence = {
  id: 'ODbL-1.0',
  title: 'Open Database License 1.0',
  url: 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/** The attribution line that has to travel with the data: the licence and every source with its own. */
export function attribution(sources: readonly ManifestSource[]): string {
  const parts = sources.map((s) => `${s.title}${s.licence ? ` (${s.licence})` : ''}`);
  return (
    `Twinning registry, made available under the ${DATA_LICENCE.title} (${DATA_LICENCE.url}); ` +
    `individual contents under the Database Contents License 1.0.` +
    (parts.length ? ` Contains data from: ${parts.join('; ')}.` : '')
  );
}
