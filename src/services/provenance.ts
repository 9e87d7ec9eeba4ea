import { factOrigins, type FactOrigin, type FactsState } from '../domain/provenance.js';
import type { Place } from '../domain/places.js';
import type { Twinning } from '../domain/twinnings.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

/** The facts a place's page shows, each with the source facts and the edited fields it rests on. */
const PLACE_SHOWN = {
  name: { sourceFacts: ['name', 'names'], fields: [] },
  kind: { sourceFacts: ['kind'], fields: [] },
  country: { sourceFacts: ['country', 'parent'], fields: [] },
  coordinates: { sourceFacts: ['coordinates'], fields: [] },
  population: { sourceFacts: ['population', 'population_year'], fields: ['population', 'population_year'] },
  leader: {
    sourceFacts: ['leader', 'leader_title', 'leader_name', 'leader_since'],
    fields: ['leader_title', 'leader_name', 'leader_since'],
  },
  languages: { sourceFacts: ['languages'], fields: ['languages'] },
  currency: { sourceFacts: ['currency'], fields: ['currency'] },
  timezone: { sourceFacts: ['timezone'], fields: ['timezone'] },
  wikidata: { sourceFacts: ['wikidata'], fields: [] },
} as const;

/** A country's record-wide source (a country list) gives its languages and currency. */
const COUNTRY_SHOWN = {
  ...PLACE_SHOWN,
  languages: { sourceFacts: ['languages', '*'], fields: ['languages'] },
  currency: { sourceFacts: ['currency', '*'], fields: ['currency'] },
} as const;

/** The facts a tie's page shows. */
const TIE_SHOWN = {
  tie: { sourceFacts: ['tie', '*'], fields: [] },
  kind: { sourceFacts: ['kind'], fields: ['kind'] },
  signed: { sourceFacts: ['signed'], fields: ['signed'] },
  ended: { sourceFacts: ['ended'], fields: ['ended'] },
  status: { sourceFacts: ['status'], fields: ['status'] },
  notes: { sourceFacts: [], fields: ['notes'] },
} as const;

export type PlaceOrigins = Record<keyof typeof PLACE_SHOWN, FactOrigin>;
export type TieOrigins = Record<keyof typeof TIE_SHOWN, FactOrigin>;

/**
 * Where the facts on a place's or tie's page come from: each fact's sources as the data names them, or the
 * editor who last changed it on the web and when. Revisions are read only for records that have any (a set
 * made once per registry version), so a page of an unedited place costs no query.
 */
export class ProvenanceService {
  private readonly edited: PerVersion<Set<string>>;

  constructor(
    private readonly store: Store,
    version: DataVersion,
  ) {
    this.edited = new PerVersion(
      version,
      async () => new Set(await store.revisions.edited(['place', 'twinning'])),
    );
  }

  async ofPlace(place: Place): Promise<PlaceOrigins> {
    const shown = place.kind === 'country' ? COUNTRY_SHOWN : PLACE_SHOWN;
    return factOrigins(place.sources, await this.states('place', place.id), shown) as PlaceOrigins;
  }

  async ofTie(tie: Twinning): Promise<TieOrigins> {
    return factOrigins(tie.sources, await this.states('twinning', String(tie.id)), TIE_SHOWN) as TieOrigins;
  }

  private async states(entity: 'place' | 'twinning', id: string): Promise<FactsState[]> {
    if (!(await this.edited.get()).has(`${entity}:${id}`)) return [];
    const revisions = await this.store.revisions.of(entity, id);
    return revisions
      .filter((r) => ['original', 'edit', 'restore'].includes(r.action))
      .reverse()
      .map((r) => ({
        at: r.at,
        by: r.userName,
        byPerson: r.action !== 'original' && r.userId !== null,
        data: parseFacts(r.data),
      }));
  }
}

function parseFacts(text: string): Record<string, string> {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]),
    );
  } catch {
    return {};
  }
}
