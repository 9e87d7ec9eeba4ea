import { continentOf, countryTimezones, isCountryCode, type Continent } from '../domain/countries.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { Place, PlaceKind } from '../domain/places.js';
import type { CompactHit } from '../store/places-repo.js';
import type { ContentService } from './content.js';
import type { HomeProgram, HomeProgramService } from './home-program.js';
import type { NetworkService, PlaceRef } from './network.js';
import type { Actor } from './orgs.js';
import type { PlaceDetail, PlaceProfile, PlacesService } from './places.js';
import type { ProgramService, ProgramView } from './program.js';
import type { PlaceOrigins, ProvenanceService } from './provenance.js';
import type { SectionMap } from './content.js';
import type { Gazetteer } from './gazetteer.js';
import type { SeekingService } from './seeking.js';

/** Who looks at a page: the signed-in reader (or null) and, in home mode, the home place. */
export interface Viewer {
  actor: Actor | null;
  homeId: string | null;
}

/** Everything a place's page shows. */
export interface ProfileView extends PlaceProfile {
  program: ProgramView;
  /** whether the reader may edit the place's sections and facts, and those of its tie with the home */
  mayEdit: boolean;
  mayEditTie: boolean;
  /** where each fact in the card comes from */
  origins: PlaceOrigins;
  /** whether the reader may add ties of this place (its organizations' editors, site admins) */
  mayAddTie: boolean;
  /** its profile keywords (controlled ids and free keywords) */
  keywords: string[];
  /** its open "seeking partners" listing, without the contact (on /seeking for signed-in readers) */
  listing: { id: number; fields: string[] } | null;
  /**
   * In home mode, on a partner's page: the organizations that run the program, each with its committee for the
   * partner's country; on the home's own page: with every committee. Empty elsewhere.
   */
  ourProgram: HomeProgram[];
}

/** Everything a country's page shows. */
export interface CountryView {
  detail: PlaceDetail;
  timezones: string[];
  sections: SectionMap;
  top: PlaceRef[];
  /** the countries its places are tied to, most ties first (named by the view from the code) */
  partnerCountries: { code: string; count: number }[];
  program: ProgramView;
  mayEdit: boolean;
  /** where each of the country's facts comes from */
  origins: PlaceOrigins;
}

/** The directory of countries and territories. */
export interface CountriesView {
  countries: { place: Place; continent: Continent | null; ties: number }[];
}

export interface SearchQuery {
  q: string;
  country?: string | undefined;
  kind?: PlaceKind | undefined;
  hasTies?: boolean | undefined;
  page: number;
}

export interface SearchView {
  /** whether anything was asked (an empty form shows no results and no "nothing found") */
  asked: boolean;
  hits: CompactHit[];
  hasNext: boolean;
}

const SEARCH_PAGE = 25;

/** The read models of the public pages about places and countries: one call per page. */
export class PlaceViews {
  constructor(
    private readonly places: PlacesService,
    private readonly network: NetworkService,
    private readonly content: ContentService,
    private readonly program: ProgramService,
    private readonly provenance: ProvenanceService,
    private readonly homeProgram: HomeProgramService,
    private readonly continents: Record<string, Continent> = {},
    private readonly gazetteer?: Gazetteer,
    private readonly seeking?: SeekingService,
  ) {}

  async profile(id: string, viewer: Viewer): Promise<ProfileView> {
    const pr = await this.places.profile(id, viewer.homeId);
    const tie = pr.homeTie?.twinning;
    const isHome = !!viewer.homeId && pr.place.id === viewer.homeId;
    const [program, mayEdit, mayEditTie, origins, mayAddTie, snap, listings, ourProgram] = await Promise.all([
      this.program.panels(
        [
          { type: 'place', ids: [pr.place.id] },
          { type: 'twinning', ids: pr.partners.map((x) => String(x.twinning.id)) },
        ],
        { place: pr.place.id, actor: viewer.actor },
      ),
      viewer.actor ? this.content.mayEdit(viewer.actor, 'place', pr.place.id) : false,
      viewer.actor && tie ? this.content.mayEdit(viewer.actor, 'twinning', String(tie.id)) : false,
      this.provenance.ofPlace(pr.place),
      viewer.actor && pr.place.kind !== 'country'
        ? this.content.mayAddTies(viewer.actor, pr.place.id)
        : false,
      this.gazetteer?.snapshot(),
      this.seeking?.byPlace(),
      !viewer.homeId
        ? []
        : isHome
          ? this.homeProgram.of(viewer.homeId)
          : tie
            ? this.homeProgram.forCountry(viewer.homeId, pr.place.country)
            : [],
    ]);
    const listing = listings?.get(pr.place.id);
    return {
      ...pr,
      program,
      mayEdit,
      mayEditTie,
      origins,
      mayAddTie,
      keywords: snap?.keywords.get(pr.place.id) ?? [],
      listing: listing ? { id: listing.id, fields: listing.fields } : null,
      ourProgram,
    };
  }

  async country(code: string, viewer: Viewer): Promise<CountryView> {
    const upper = code.toUpperCase();
    const notFound = new NotFoundError(`There is no country with the code ${code}.`);
    if (!isCountryCode(upper)) throw notFound;
    const detail = await this.places.detail(upper).catch((e: unknown) => {
      throw e instanceof NotFoundError ? notFound : e;
    });
    if (detail.place.kind !== 'country') throw notFound;
    const [figures, sections, program, mayEdit, origins] = await Promise.all([
      this.network.country(upper, 20),
      this.content.sections('country', upper),
      this.program.panels([{ type: 'country', ids: [upper] }], { actor: viewer.actor }),
      viewer.actor ? this.content.mayEdit(viewer.actor, 'country', upper) : false,
      this.provenance.ofPlace(detail.place),
    ]);
    return {
      detail,
      timezones: countryTimezones(upper),
      sections,
      top: figures.top,
      partnerCountries: figures.partnerCountries.slice(0, 30).map(({ code, count }) => ({ code, count })),
      program,
      mayEdit,
      origins,
    };
  }

  async countries(): Promise<CountriesView> {
    const [list, ties] = await Promise.all([
      this.places.list({ kind: 'country' }, 1000, 0),
      this.network.countryTies(),
    ]);
    return {
      countries: list.map(({ place }) => ({
        place,
        continent: continentOf(place.id, this.continents),
        ties: ties.get(place.id) ?? 0,
      })),
    };
  }

  async search(q: SearchQuery): Promise<SearchView> {
    const text = q.q.trim();
    const country = q.country?.trim().toUpperCase() || undefined;
    if (country && !isCountryCode(country)) {
      throw new ValidationError(`"${q.country}" is not an ISO 3166-1 alpha-2 country code such as CN`);
    }
    const asked = !!(text || country || q.kind);
    const hits = asked
      ? await this.places.search(
          text,
          { country, kind: q.kind, hasTies: q.hasTies },
          SEARCH_PAGE + 1,
          (q.page - 1) * SEARCH_PAGE,
        )
      : [];
    return { asked, hits: hits.slice(0, SEARCH_PAGE), hasNext: hits.length > SEARCH_PAGE };
  }
}
