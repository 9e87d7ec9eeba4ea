import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { normalizeName, slugify } from '../domain/names.js';
import {
  PLACE_KINDS,
  validatePlaceRecord,
  type FieldIssue,
  type Place,
  type PlaceInput,
} from '../domain/places.js';
import { canonicalTwinning, validateTwinningRecord, type TwinningInput } from '../domain/twinnings.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { placeFactValues, tieFactValues, type FactValues } from './facts.js';
import type { Gazetteer } from './gazetteer.js';
import type { MergeResult, MergeService } from './merge.js';
import { Permissions, type Acting, type Actor } from './orgs.js';
import { Writes } from './writes.js';

/** The kinds of place an editor adds (countries are the ISO list, there from the start). */
export const ADDED_PLACE_KINDS = PLACE_KINDS.filter((k) => k !== 'country');

/** How far (km) another place may be and still be named as a likely duplicate. */
export const NEAR_KM = 5;

/** A tie as its form sends it: the places as typed ("Name (id)", an id or a name), the facts as text. */
export interface TieDraft {
  from: string;
  partner: string;
  kind: string;
  signed: string;
  ended: string;
  status: string;
  source: string;
  notes: string;
}

/** A place as its form sends it. */
export interface PlaceDraft {
  name: string;
  country: string;
  kind: string;
  parent: string;
  lat: string;
  lon: string;
  wikidata: string;
  source: string;
}

/** What the duplicate check is given: whatever of the new place is typed so far. */
export interface DuplicateQuery {
  name?: string | undefined;
  country?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  wikidata?: string | undefined;
}

/** A place that may be the one being added, and why. */
export interface DuplicateHit {
  place: CompactPlace;
  /** the place's country, to name it */
  country: Place | undefined;
  ties: number;
  reasons: ('wikidata' | 'name' | 'near')[];
  /** how far from the typed coordinates, when given */
  km: number | null;
}

/** The form to add a tie: whose ties the actor may add, and what is filled in. */
export interface TieFormView {
  /** site admins add ties between any two places: the first place is then typed too */
  admin: boolean;
  /** the homes of the organizations the actor edits */
  homes: Place[];
  from: string;
  partner: string;
  /** the place just added, when the form follows its addition */
  added: { placeId: string; name: string } | null;
}

/** The form to add a place: the countries to choose from. */
export interface PlaceFormView {
  countries: Place[];
  /** the home the place is added for (the tie form comes next) */
  from: string;
}

/** The admin page that merges two places: what was picked and, with both, what would move. */
export interface MergeView {
  keepText: string;
  dropText: string;
  keep: Place | null;
  drop: Place | null;
  /** what the merge would do, done in a transaction that is rolled back */
  preview: MergeResult | null;
  /** why these two cannot be merged */
  refusal: string | null;
  /** what is wrong with a field as typed (a name no place has, or several) */
  errors: Record<string, string>;
}

const QID = /^Q[1-9][0-9]*$/;

/** Source lines as typed: one per line, blank lines dropped. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function problems(issues: FieldIssue[], what: string): ValidationError {
  return new ValidationError(
    `The ${what} cannot be saved: ${issues.map((i) => `${i.column} ${i.message}`).join('; ')}.`,
    issues.map((i) => ({ column: i.column, message: i.message })),
  );
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Edit distance between two strings, or `max + 1` as soon as it is surely larger than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Ties and places added on the web, and the admin's merge of duplicates: the same checks as the importer's,
 * each write with its revision ('create') and audit entry. An organization's editors add ties of their home
 * (and the partner place when the registry lacks it); site admins add any.
 */
export class AdditionsService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    private readonly gazetteer: Gazetteer,
    private readonly merges: MergeService,
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  /** The homes of the organizations the actor edits (none for the command line). */
  private async homeIds(actor: Acting): Promise<string[]> {
    return typeof actor === 'string' ? [] : this.can.editedHomes(actor as Actor);
  }

  /** The actor's homes, or a refusal when they may add nothing. */
  private async adder(actor: Acting): Promise<{ admin: boolean; homes: string[] }> {
    const admin = this.can.isAdmin(actor);
    const homes = await this.homeIds(actor);
    if (!admin && !homes.length)
      throw new ForbiddenError(
        'Only editors of an organization with a home place, and site admins, may add ties and places.',
      );
    return { admin, homes };
  }

  async tieForm(actor: Acting, from = '', partner = '', added = ''): Promise<TieFormView> {
    const { admin, homes } = await this.adder(actor);
    const places = await this.store.places.getMany(homes);
    const chosen = from || (homes.length === 1 && !admin ? homes[0]! : '');
    if (chosen && !admin && !homes.includes(chosen))
      throw new ForbiddenError('You may add ties of your organization’s home place only.');
    // places given by id (the partner just added; an admin's first place) are shown as the field shows a pick
    const asPicked = async (id: string) => {
      const p = id && (await this.store.places.get(id));
      return p ? `${p.name} (${p.id})` : id;
    };
    return {
      admin,
      homes: homes.map((h) => places.get(h)).filter((x): x is Place => !!x),
      from: admin ? await asPicked(chosen) : chosen,
      partner: await asPicked(partner),
      added: await this.store.places.get(added).then((p) => (p ? { placeId: p.id, name: p.name } : null)),
    };
  }

  /**
   * The place a form's field means: "Name (id)" as a suggestion fills it, an id, or a name only one place has
   * (in any language). Otherwise an issue on the field.
   */
  private async resolve(text: string, column: string, issues: FieldIssue[]): Promise<string | null> {
    const typed = text.trim();
    if (!typed) {
      issues.push({ column, message: 'is required: type the beginning of a name and pick a place' });
      return null;
    }
    const id = /\(([A-Za-z0-9][\w.-]{0,99})\)$/.exec(typed)?.[1] ?? typed;
    if (await this.store.places.get(id)) return id;
    const moved = await this.store.redirects.resolve(id);
    if (moved) return moved;
    const q = normalizeName(typed);
    const named = (await this.store.places.search(typed, {}, 10, 0)).filter((h) =>
      [h.place.name, ...Object.values(h.place.names)].some((n) => normalizeName(n) === q),
    );
    if (named.length === 1) return named[0]!.place.id;
    issues.push({
      column,
      message: named.length
        ? `several places are called "${typed}": pick one from the suggestions`
        : `no place is called "${typed}": pick one from the suggestions, or add the place`,
    });
    return null;
  }

  /** Adds a tie; its id. */
  async addTie(actor: Acting, d: TieDraft, now = new Date()): Promise<number> {
    const { admin, homes } = await this.adder(actor);
    const issues: FieldIssue[] = [];
    const fromText = d.from.trim() || (!admin && homes.length === 1 ? homes[0]! : '');
    const a = await this.resolve(fromText, 'from', issues);
    if (a && !admin && !homes.includes(a))
      throw new ForbiddenError(
        'You may add ties of your organization’s home place only; ask a site admin for other ties.',
      );
    const b = await this.resolve(d.partner, 'partner', issues);
    const lines = linesOf(d.source);
    const record: Record<string, unknown> = {
      a: a ?? '',
      b: b ?? '',
      kind: d.kind.trim(),
      signed: d.signed.trim(),
      ended: d.ended.trim(),
      status: d.status.trim(),
      source: lines.length ? lines : '',
      notes: d.notes.trim(),
    };
    const { value, issues: found } = validateTwinningRecord(record);
    for (const i of found) {
      // the places were checked above
      if ((i.column === 'a' || i.column === 'b') && i.message.startsWith('is required')) continue;
      issues.push({
        column: i.column === 'b' || i.column === 'a' ? 'partner' : i.column,
        message: i.message,
      });
    }
    if (!lines.length)
      issues.push({ column: 'source', message: 'is required: give at least one web address or citation' });
    if (a && b && a !== b) {
      const tie = await this.store.twinnings.between(a, b);
      if (tie) issues.push({ column: 'partner', message: `is tied to this place already (tie ${tie.id})` });
    }
    if (issues.length) throw problems(issues, 'tie');
    const input: TwinningInput = canonicalTwinning({ ...value, listedBy: null });
    const fields = new Set<keyof TwinningInput>(['kind', 'signed', 'ended', 'status', 'notes', 'sources']);
    return this.writes.run(actor, now, async (tx, note) => {
      // added meanwhile by someone else: refused rather than overwritten
      if (await tx.twinnings.between(input.a, input.b))
        throw problems([{ column: 'partner', message: 'is tied to this place already' }], 'tie');
      await tx.twinnings.upsert([input], fields, now.toISOString());
      const tie = (await tx.twinnings.between(input.a, input.b))!;
      note({
        revision: {
          entity: 'twinning',
          entityId: String(tie.id),
          action: 'create',
          data: tieFactValues(tie),
        },
        audit: { action: 'tie.add', subject: `twinning:${tie.id}`, detail: `${tie.a} – ${tie.b}` },
        bump: 'data',
      });
      return tie.id;
    });
  }

  async placeForm(actor: Acting, from = ''): Promise<PlaceFormView> {
    await this.adder(actor);
    const snap = await this.gazetteer.snapshot();
    return { countries: [...snap.countries.values()], from };
  }

  /** A free id like the importer's generated ones: the Wikidata id, else `<cc>-<slug>` (numbered if taken). */
  private async newId(country: string, name: string): Promise<string> {
    const base = `${country.toLowerCase()}-${slugify(name).slice(0, 60).replace(/-+$/, '') || 'place'}`;
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!(await this.store.places.get(id)) && !(await this.store.redirects.resolve(id))) return id;
    }
  }

  /**
   * Places the one being typed may be: the same Wikidata id; the same or a similar name (normalized, in any
   * language) in the same country; or within NEAR_KM of its coordinates. Strongest reasons first, at most 8.
   */
  async duplicates(q: DuplicateQuery): Promise<DuplicateHit[]> {
    const snap = await this.gazetteer.snapshot();
    const found = new Map<string, { reasons: Set<DuplicateHit['reasons'][number]>; km: number | null }>();
    const add = (id: string, reason: DuplicateHit['reasons'][number], km: number | null = null) => {
      const f = found.get(id) ?? { reasons: new Set(), km: null };
      f.reasons.add(reason);
      if (km !== null) f.km = km;
      found.set(id, f);
    };
    const qid = q.wikidata?.trim().toUpperCase();
    if (qid && QID.test(qid)) for (const id of await this.store.places.withWikidata(qid)) add(id, 'wikidata');
    const name = normalizeName(q.name ?? '');
    const country = q.country?.trim().toUpperCase();
    if (name.length >= 2 && country) {
      // exact names in any language
      for (const h of await this.store.places.search(name, { country }, 20, 0))
        if (h.place.kind !== 'country' && h.rank === 0) add(h.place.id, 'name');
      // names a letter or two away, or the same name followed by more words ("Malmö" and "Malmö Municipality")
      const max = name.length >= 8 ? 2 : name.length >= 4 ? 1 : 0;
      for (const p of snap.places.values()) {
        if (p.country !== country || p.kind === 'country') continue;
        for (const n of [p.name, ...Object.values(p.names)]) {
          if (!n) continue;
          const other = normalizeName(n);
          if (
            (max && editDistance(other, name, max) <= max) ||
            (name.length >= 4 && other.startsWith(`${name} `))
          )
            add(p.id, 'name');
        }
      }
    }
    const { lat, lon } = q;
    if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon))
      for (const p of snap.places.values()) {
        if (p.lat === null || p.lon === null || p.kind === 'country' || p.kind === 'region') continue;
        if (Math.abs(p.lat - lat) > 0.1) continue;
        const km = distanceKm(lat, lon, p.lat, p.lon);
        if (km <= NEAR_KM) add(p.id, 'near', Math.round(km * 10) / 10);
      }
    const order = (r: Set<string>) => (r.has('wikidata') ? 0 : r.has('name') ? 1 : 2);
    return [...found]
      .filter(([id]) => snap.places.has(id))
      .sort(([, x], [, y]) => order(x.reasons) - order(y.reasons) || (x.km ?? 0) - (y.km ?? 0))
      .slice(0, 8)
      .map(([id, f]) => {
        const place = snap.places.get(id)!;
        return {
          place,
          country: place.country ? snap.countries.get(place.country) : undefined,
          ties: snap.byPlace.get(id)?.length ?? 0,
          reasons: [...f.reasons],
          km: f.km,
        };
      });
  }

  /**
   * Adds a place. Unless `confirmed`, a place that looks like one already stored is refused with the question
   * (a problem on the field `duplicate`); one with the Wikidata id of another is refused always.
   */
  async addPlace(actor: Acting, d: PlaceDraft, confirmed: boolean, now = new Date()): Promise<Place> {
    await this.adder(actor);
    const issues: FieldIssue[] = [];
    const country = d.country.trim().toUpperCase();
    const name = d.name.trim();
    const wikidata = d.wikidata.trim().toUpperCase();
    const lines = linesOf(d.source);
    if (!country) issues.push({ column: 'country', message: 'is required' });
    const kind = d.kind.trim() || 'city';
    if (!(ADDED_PLACE_KINDS as readonly string[]).includes(kind))
      issues.push({ column: 'kind', message: `is one of ${ADDED_PLACE_KINDS.join(', ')}` });
    let parent: string | null = null;
    if (d.parent.trim()) parent = await this.resolve(d.parent, 'parent', issues);
    const id = QID.test(wikidata) ? wikidata : await this.newId(country || 'xx', name);
    const record: Record<string, unknown> = {
      id,
      name,
      kind,
      country,
      parent: parent ?? '',
      lat: d.lat.trim(),
      lon: d.lon.trim(),
      wikidata,
      source: lines.length ? lines : '',
    };
    const { value, issues: found } = validatePlaceRecord(record);
    for (const i of found)
      if (!(i.column === 'kind' && issues.some((x) => x.column === 'kind')))
        issues.push({ column: i.column === 'id' ? 'name' : i.column, message: i.message });
    if (!lines.length)
      issues.push({ column: 'source', message: 'is required: give at least one web address or citation' });
    if (wikidata && QID.test(wikidata)) {
      const others = await this.store.places.withWikidata(wikidata);
      const moved = await this.store.redirects.resolve(wikidata);
      if (others.length || moved) {
        const other = await this.store.places.get(others[0] ?? moved!);
        issues.push({
          column: 'wikidata',
          message: `is the Wikidata id of ${other?.name ?? moved} (${other?.id ?? moved}) already`,
        });
      }
    }
    if (parent) {
      const p = await this.store.places.get(parent);
      if (p && country && p.country && p.country !== country)
        issues.push({ column: 'parent', message: `is in ${p.country}, not in ${country}` });
    }
    if (issues.length) throw problems(issues, 'place');
    if (!confirmed) {
      const dups = await this.duplicates({
        name,
        country,
        wikidata,
        lat: value.lat ?? undefined,
        lon: value.lon ?? undefined,
      });
      if (dups.length) {
        const [first] = dups;
        const message = `This looks like ${first!.place.name} (${first!.place.country ?? '?'}, ${first!.ties} ties): add anyway?`;
        throw new ValidationError(message, [{ column: 'duplicate', message }]);
      }
    }
    // a place without a parent hangs under its country, as merged places do
    if (!value.parent && value.country && (await this.store.places.existing([value.country])).size)
      value.parent = value.country;
    const fields = new Set<keyof PlaceInput>([
      'kind',
      'country',
      'parent',
      'lat',
      'lon',
      'wikidata',
      'sources',
    ]);
    return this.writes.run(actor, now, async (tx, note) => {
      if (await tx.places.get(value.id))
        throw problems([{ column: 'name', message: `the id ${value.id} is taken` }], 'place');
      await tx.places.upsert([value], fields, now.toISOString());
      const place = (await tx.places.get(value.id))!;
      note({
        revision: { entity: 'place', entityId: place.id, action: 'create', data: createdFacts(place) },
        audit: {
          action: 'place.add',
          subject: `place:${place.id}`,
          detail: `${place.name} (${place.country})`,
        },
        bump: 'data',
      });
      return place;
    });
  }

  /** The admin page that merges two places, with what would move when both are picked. */
  async mergeView(actor: Acting, keepText = '', dropText = ''): Promise<MergeView> {
    this.can.requireAdmin(actor);
    const view: MergeView = {
      keepText,
      dropText,
      keep: null,
      drop: null,
      preview: null,
      refusal: null,
      errors: {},
    };
    const issues: FieldIssue[] = [];
    const keepId = keepText.trim() ? await this.resolve(keepText, 'keep', issues) : null;
    const dropId = dropText.trim() ? await this.resolve(dropText, 'drop', issues) : null;
    view.keep = (keepId && (await this.store.places.get(keepId))) || null;
    view.drop = (dropId && (await this.store.places.get(dropId))) || null;
    if (view.keep) view.keepText = `${view.keep.name} (${view.keep.id})`;
    if (view.drop) view.dropText = `${view.drop.name} (${view.drop.id})`;
    for (const i of issues) view.errors[i.column] = i.message;
    if (view.keep && view.drop) {
      try {
        view.preview = await this.merges.preview(view.keep.id, view.drop.id, { actor });
      } catch (e) {
        if (!(e instanceof ValidationError || e instanceof NotFoundError)) throw e;
        view.refusal = e.message;
      }
    }
    return view;
  }

  /** Merges DROP into KEEP once the admin has typed DROP's id to confirm. */
  async merge(actor: Acting, keepText: string, dropText: string, confirm: string): Promise<MergeResult> {
    const view = await this.mergeView(actor, keepText, dropText);
    const wrong = Object.entries(view.errors);
    if (wrong.length)
      throw problems(
        wrong.map(([column, message]) => ({ column, message })),
        'merge',
      );
    if (!view.keep || !view.drop) {
      const missing = [!view.keep && 'keep', !view.drop && 'drop'].filter((x): x is string => !!x);
      throw problems(
        missing.map((column) => ({ column, message: 'is required: pick a place' })),
        'merge',
      );
    }
    if (confirm.trim() !== view.drop.id) {
      const message = `type the id of the place that goes (${view.drop.id}) to confirm`;
      throw problems([{ column: 'confirm', message }], 'merge');
    }
    return this.merges.merge(view.keep.id, view.drop.id, { actor });
  }
}

/** A new place's facts for its first revision: what it was added as, and the facts its editors keep. */
function createdFacts(place: Place): FactValues {
  return {
    name: place.name,
    kind: place.kind,
    country: place.country ?? '',
    parent: place.parent ?? '',
    coordinates: place.lat !== null && place.lon !== null ? `${place.lat}, ${place.lon}` : '',
    wikidata: place.wikidata ?? '',
    source: place.sources.map((s) => s.url ?? s.citation ?? '').join('\n'),
    ...placeFactValues(place),
  };
}
