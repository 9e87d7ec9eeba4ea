import type { Continent } from '../domain/countries.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { effectiveFacts, type EffectiveFacts, type Place } from '../domain/places.js';
import type { Twinning } from '../domain/twinnings.js';
import { bySubject, type SectionMap } from './content.js';
import { DataVersion } from './data-version.js';
import { Gazetteer } from './gazetteer.js';
import { SearchIndex } from './search-index.js';
import type { CompactHit, CompactPlace, PlaceHit, SearchFilters } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { TwinningFilters, TwinningWithPartner } from '../store/twinnings-repo.js';
import { movedPlace, placeById } from './place-lookup.js';

export interface PlaceDetail {
  place: Place;
  facts: EffectiveFacts;
  /** parent first, country last */
  ancestors: CompactPlace[];
  ties: number;
}

/** Everything a place's page shows. */
export interface PlaceProfile {
  place: Place;
  facts: EffectiveFacts;
  /** parent first, the top (usually the country) last */
  ancestors: CompactPlace[];
  partners: TwinningWithPartner[];
  /** the countries of the partners */
  countries: Map<string, Place>;
  sections: SectionMap;
  /** in home mode, the tie between the home and this place, and its own sections */
  homeTie: { twinning: Twinning; sections: SectionMap } | null;
}

/** A place a person chose by name, or the places the name could mean. */
export type Picked = { place: Place } | { candidates: PlaceChoice[] };

export interface PlaceChoice {
  place: CompactPlace;
  ties: number;
  /** the region it lies in, when it has one below the country */
  region: CompactPlace | null;
}

export class PlacesService {
  constructor(
    private readonly store: Store,
    private readonly continents: Record<string, Continent> = {},
    /** names, parents, countries and partners in memory (share the app's; read lazily) */
    private readonly gazetteer = new Gazetteer(store, new DataVersion(store)),
    /** every place's search keys in memory (share the app's) */
    private readonly index = new SearchIndex(store, new DataVersion(store)),
  ) {}

  /**
   * Places by name (see `find`), or every place that passes the filters when there is no text (see `list`),
   * with what lists of places show.
   */
  async search(
    text: string | undefined,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<CompactHit[]> {
    return text?.trim() ? this.find(text, filters, limit, offset) : this.list(filters, limit, offset);
  }

  /**
   * Places whose name in any language starts with the text, or has a word that does, ranked as
   * `PlacesRepo.search` ranks them (exact names, then names starting so, then words; the most populous first),
   * from the search keys and the gazetteer in memory: no query, and only as many places looked at as the page
   * needs.
   */
  private async find(
    text: string,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<CompactHit[]> {
    if (limit <= 0) return [];
    const [matches, snap] = await Promise.all([this.index.match(text), this.gazetteer.snapshot()]);
    const out: CompactHit[] = [];
    let skip = offset;
    for (const [id, rank] of matches) {
      const place = snap.places.get(id);
      if (!place) continue;
      if (filters.country && place.country !== filters.country) continue;
      if (filters.kind && place.kind !== filters.kind) continue;
      const ties = snap.byPlace.get(id)?.length ?? 0;
      if (filters.hasTies !== undefined && ties > 0 !== filters.hasTies) continue;
      if (skip > 0) skip--;
      else if (out.push({ place, ties, rank }) === limit) break;
    }
    return out;
  }

  /** Every place that passes the filters, the most populous first, whole. */
  list(filters: SearchFilters, limit: number, offset: number): Promise<PlaceHit[]> {
    return this.store.places.list(filters, limit, offset);
  }

  /** The best matches for what someone is typing, with their countries (for "Anshan, China"). */
  async suggest(text: string, limit: number): Promise<{ hits: CompactHit[]; countries: Map<string, Place> }> {
    const [hits, snap] = await Promise.all([
      text.trim() ? this.find(text, {}, limit, 0) : [],
      this.gazetteer.snapshot(),
    ]);
    const countries = new Map<string, Place>();
    for (const { place } of hits) {
      const c = place.country ? snap.countries.get(place.country) : undefined;
      if (c) countries.set(c.id, c);
    }
    return { hits, countries };
  }

  /** A place with its facts, its ancestors and how many ties it has: all but the place from the gazetteer. */
  async detail(id: string): Promise<PlaceDetail> {
    const [place, ancestors, snap] = await Promise.all([
      this.mustGet(id),
      this.gazetteer.lineage(id),
      this.gazetteer.snapshot(),
    ]);
    const countryId = ancestors.find((a) => a.kind === 'country')?.id ?? place.country;
    const country =
      place.kind === 'country'
        ? place
        : countryId
          ? (snap.countries.get(countryId) ?? (await this.store.places.get(countryId)) ?? null)
          : null;
    return {
      place,
      facts: effectiveFacts(place, country, this.continents),
      ancestors,
      ties: snap.byPlace.get(id)?.length ?? 0,
    };
  }

  /**
   * A place's page: facts, partners, sections, and in home mode its tie with the home. `known` is the place if
   * the caller has just read it. Four queries; names, parents and countries come from the gazetteer.
   */
  async profile(id: string, homeId: string | null = null, known?: Place): Promise<PlaceProfile> {
    const place = known ?? (await this.mustGet(id));
    const [{ partners, countries }, sections, snap, ancestors] = await Promise.all([
      this.partners(id),
      this.store.sections.of(place.kind === 'country' ? 'country' : 'place', [id]),
      this.gazetteer.snapshot(),
      this.gazetteer.lineage(id),
    ]);
    let homeTie: PlaceProfile['homeTie'] = null;
    const tie = homeId && homeId !== id ? partners.find((i) => i.partner.id === homeId)?.twinning : undefined;
    if (tie) {
      const tieSections = await this.store.sections.of('twinning', [String(tie.id)]);
      homeTie = { twinning: tie, sections: bySubject(tieSections).get(String(tie.id)) ?? new Map() };
    }
    const country =
      place.kind === 'country'
        ? place
        : (snap.countries.get(ancestors.find((a) => a.kind === 'country')?.id ?? place.country ?? '') ??
          null);
    return {
      place,
      facts: effectiveFacts(place, country, this.continents),
      ancestors,
      partners,
      countries,
      sections: bySubject(sections).get(id) ?? new Map(),
      homeTie,
    };
  }

  /**
   * A place's ties with their partners (without sources: those are on a tie's own page) and the partners'
   * countries, from the gazetteer.
   */
  async partners(id: string): Promise<{ partners: TwinningWithPartner[]; countries: Map<string, Place> }> {
    const [partners, snap] = await Promise.all([this.gazetteer.partners(id), this.gazetteer.snapshot()]);
    const countries = new Map<string, Place>();
    for (const { partner } of partners) {
      const c = partner.country ? snap.countries.get(partner.country) : undefined;
      if (c) countries.set(c.id, c);
    }
    return { partners, countries };
  }

  /** A place's ties with their sources and partners: the ties and partners from the gazetteer. */
  async twinningsOf(id: string): Promise<{ place: CompactPlace; items: TwinningWithPartner[] }> {
    const [snap, partners, sources] = await Promise.all([
      this.gazetteer.snapshot(),
      this.gazetteer.partners(id),
      this.store.twinnings.sourcesOfPlace(id),
    ]);
    // (an id the gazetteer does not know: merged away, or not a place)
    const place = snap.places.get(id) ?? (await this.mustGet(id));
    return {
      place,
      items: partners.map(({ twinning, partner }) => ({
        twinning: { ...twinning, sources: sources.get(twinning.id) ?? [] },
        partner,
      })),
    };
  }

  listTwinnings(filters: TwinningFilters, limit: number, offset: number): Promise<Twinning[]> {
    return this.store.twinnings.list(filters, limit, offset);
  }

  /** A place by id, or null. */
  async get(id: string): Promise<Place | null> {
    return (await this.store.places.get(id)) ?? null;
  }

  /**
   * A place by id; an id merged away answers where it went (MovedError, a redirect at the edge); else not found.
   */
  async mustGet(id: string): Promise<Place> {
    return placeById(this.store, id);
  }

  /** Where an id merged into another place leads now (see `movedPlace`); null when it leads nowhere. */
  movedTo(id: string): Promise<Place | null> {
    return movedPlace(this.store, id);
  }

  /**
   * The place a person means by `text`: an id, or a name in any language. A name that fits one place (one
   * whole name equal to it, or a single match) gives that place; a name several places have gives them all to
   * choose from, with what tells them apart (country, region, ties), so that nobody's Birmingham is taken for
   * another's. Nothing found is a NotFoundError.
   */
  async pick(text: string, limit = 8): Promise<Picked> {
    const t = text.trim();
    if (!t) throw new ValidationError('Give the name or the id of a place.');
    const byId = (await this.store.places.get(t)) ?? (await this.movedTo(t));
    if (byId) return { place: byId };
    const hits = await this.find(t, {}, limit + 1, 0);
    const exact = hits.filter((h) => h.rank === 0);
    const chosen = exact.length === 1 ? exact[0] : hits.length === 1 ? hits[0] : undefined;
    if (chosen) return { place: await this.mustGet(chosen.place.id) };
    if (!hits.length) throw new NotFoundError(`No place has the id or name "${t}". Try the search.`);
    const list = (exact.length > 1 ? exact : hits).slice(0, limit);
    const snap = await this.gazetteer.snapshot();
    return {
      candidates: list.map((h) => {
        const parent = h.place.parent ? snap.places.get(h.place.parent) : undefined;
        return {
          place: h.place,
          ties: h.ties,
          region: parent && parent.kind !== 'country' ? parent : null,
        };
      }),
    };
  }

  /** A place by id or name for the command line: an ambiguous name is an error listing the ids to use. */
  async resolve(idOrName: string): Promise<Place> {
    const picked = await this.pick(idOrName);
    if ('place' in picked) return picked.place;
    throw new ValidationError(
      `"${idOrName}" is the name of several places; give the id of the one you mean: ` +
        picked.candidates
          .map(
            (c) =>
              `${c.place.id} (${[c.place.name, c.region?.name, c.place.country, `${c.ties} ties`]
                .filter(Boolean)
                .join(', ')})`,
          )
          .join('; '),
    );
  }
}
