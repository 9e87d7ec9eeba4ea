import { isCountryCode } from '../domain/countries.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { Place } from '../domain/places.js';
import {
  TWINNING_KINDS,
  TWINNING_STATUSES,
  type Twinning,
  type TwinningKind,
  type TwinningStatus,
} from '../domain/twinnings.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { ContentService, SectionMap } from './content.js';
import type { Gazetteer } from './gazetteer.js';
import type { Viewer } from './place-views.js';
import type { ProgramService, ProgramView } from './program.js';
import type { ProvenanceService, TieOrigins } from './provenance.js';

/** The explorer's filters as the address gives them: text, '' for "any". */
export interface TiesQueryText {
  a?: string | undefined;
  b?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  decade?: string | undefined;
  page?: number | undefined;
}

/** The explorer's filters, checked. */
export interface TiesFilter {
  /** a country on either side */
  a?: string | undefined;
  /** with `a`: the country on the other side */
  b?: string | undefined;
  kind?: TwinningKind | undefined;
  status?: TwinningStatus | undefined;
  /** the first year of the decade the tie was signed in */
  decade?: number | undefined;
  page: number;
}

/** One side of a tie in a list: the place's essentials, or only its id if it is not known (yet). */
export interface TieEnd {
  id: string;
  place: CompactPlace | undefined;
}

/** The ties explorer: the checked filters, the page of ties and what the choices offer. */
export interface TiesView {
  filter: TiesFilter;
  total: number;
  /** each tie with its ends, the chosen country's side first */
  rows: { tie: Twinning; first: TieEnd; second: TieEnd }[];
  hasNext: boolean;
  /** the codes of every country in the registry, for the country choices */
  countries: string[];
  decades: number[];
}

/** One side of a tie on its page. */
export interface TieSide {
  place: Place;
  /** the ISO code of its country (of the place itself for a country), null if not known */
  country: string | null;
}

/** Everything a tie's page shows. */
export interface TieView {
  tie: Twinning;
  /** the two places, the home first in home mode, else in stored order */
  sides: [TieSide, TieSide];
  /** which side (of `sides`) lists the tie: 'both', 0, 1, or null when the source does not say */
  listedBy: 'both' | 0 | 1 | null;
  sections: SectionMap;
  program: ProgramView;
  /** whether the reader may edit the tie's sections */
  mayEdit: boolean;
  /** where each of the tie's facts comes from */
  origins: TieOrigins;
}

export const TIES_PAGE = 50;
/** the decades the explorer offers */
export const DECADES = Array.from({ length: 10 }, (_, i) => 1930 + i * 10);
/** the deepest page a list goes to: beyond it, narrow the filters */
const MAX_PAGE = 1000;

function countryCode(v: string | undefined, what: string): string | undefined {
  const c = v?.trim().toUpperCase();
  if (!c) return undefined;
  if (!isCountryCode(c))
    throw new ValidationError(`${what} "${v}" is not an ISO 3166-1 alpha-2 code such as CN`, [
      { column: what === 'country' ? 'a' : 'b', message: `not an ISO 3166-1 alpha-2 code: ${v}` },
    ]);
  return c;
}

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], what: string): T | undefined {
  if (!v) return undefined;
  if (!(allowed as readonly string[]).includes(v))
    throw new ValidationError(`${what} "${v}" is not one of ${allowed.join(', ')}`, [
      { column: what, message: `not one of ${allowed.join(', ')}` },
    ]);
  return v as T;
}

/** Checks the explorer's filters, saying what to write instead. */
export function tiesFilter(q: TiesQueryText): TiesFilter {
  const a = countryCode(q.a, 'country');
  const b = countryCode(q.b, 'partner country');
  if (b && !a) throw new ValidationError('Choose the first country too, or move the partner country there.');
  let decade: number | undefined;
  if (q.decade) {
    decade = Number(q.decade);
    if (!(Number.isInteger(decade) && decade >= 1000 && decade < 2100 && decade % 10 === 0))
      throw new ValidationError(`decade "${q.decade}" must be a year ending in 0, such as 1990`, [
        { column: 'decade', message: 'a year ending in 0, such as 1990' },
      ]);
  }
  return {
    a,
    b,
    kind: oneOf(q.kind, TWINNING_KINDS, 'kind'),
    status: oneOf(q.status, TWINNING_STATUSES, 'status'),
    decade,
    page: Math.min(MAX_PAGE, q.page ?? 1),
  };
}

/** The read models of the ties explorer and of a tie's page: one call per page. */
export class TieViews {
  constructor(
    private readonly store: Store,
    private readonly gazetteer: Gazetteer,
    private readonly content: ContentService,
    private readonly program: ProgramService,
    private readonly provenance: ProvenanceService,
  ) {}

  async explore(q: TiesQueryText): Promise<TiesView> {
    const filter = tiesFilter(q);
    const { a, b, decade, page } = filter;
    const filters = {
      country: a,
      partnerCountry: b,
      kind: filter.kind,
      status: filter.status,
      since: decade ? `${decade}-01-01` : undefined,
      until: decade ? `${decade + 10}-01-01` : undefined,
    };
    const [total, ties, snap] = await Promise.all([
      this.store.twinnings.countWhere(filters),
      this.store.twinnings.list(filters, TIES_PAGE, (page - 1) * TIES_PAGE),
      this.gazetteer.snapshot(),
    ]);
    const end = (id: string): TieEnd => ({ id, place: snap.places.get(id) });
    const rows = ties.map((tie) => {
      const [x, y] = [end(tie.a), end(tie.b)];
      // the chosen country's side first
      const swap = !!a && y.place?.country === a && x.place?.country !== a;
      return { tie, first: swap ? y : x, second: swap ? x : y };
    });
    return {
      filter,
      total,
      rows,
      hasNext: page * TIES_PAGE < total && page < MAX_PAGE,
      countries: [...snap.countries.keys()],
      decades: DECADES,
    };
  }

  /** A tie's page by its id as an address gives it; what no row can have is "not found" like any other. */
  async tie(id: string, viewer: Viewer): Promise<TieView> {
    const n = /^[0-9]{1,10}$/.test(id) ? Number(id) : 0;
    const tie = n >= 1 && n <= 2_147_483_647 ? await this.store.twinnings.get(n) : undefined;
    if (!tie) throw new NotFoundError(`There is no tie with id ${id}.`);
    const key = String(tie.id);
    const [places, sections, program, mayEdit, snap, origins] = await Promise.all([
      this.store.places.getMany([tie.a, tie.b]),
      this.content.sections('twinning', key),
      this.program.panels([{ type: 'twinning', ids: [key] }], { actor: viewer.actor }),
      viewer.actor ? this.content.mayEdit(viewer.actor, 'twinning', key) : false,
      this.gazetteer.snapshot(),
      this.provenance.ofTie(tie),
    ]);
    const side = (pid: string): TieSide => {
      const place = places.get(pid);
      if (!place) throw new NotFoundError(`There is no tie with id ${id}.`);
      const country =
        place.kind === 'country' ? place.id : (place.country ?? countryAbove(pid, snap.places) ?? null);
      return { place, country };
    };
    const homeSecond = viewer.homeId === tie.b;
    const sides: [TieSide, TieSide] = homeSecond ? [side(tie.b), side(tie.a)] : [side(tie.a), side(tie.b)];
    const listedBy =
      tie.listedBy === 'both'
        ? 'both'
        : tie.listedBy === null
          ? null
          : (tie.listedBy === 'a') !== homeSecond
            ? 0
            : 1;
    return { tie, sides, listedBy, sections, program, mayEdit, origins };
  }
}

/** The country a place lies in by its parents, where it names none itself. */
function countryAbove(id: string, places: Map<string, CompactPlace>): string | undefined {
  const seen = new Set<string>();
  let p = places.get(id);
  while (p?.parent && !seen.has(p.parent)) {
    seen.add(p.parent);
    p = places.get(p.parent);
    if (p?.kind === 'country') return p.id;
  }
  return undefined;
}
