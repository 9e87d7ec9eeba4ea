import type { Config } from '../../config.js';
import { formatPartialDate, type PartialDate } from '../../domain/dates.js';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Place } from '../../domain/places.js';
import { canonicalPair, type Source, type Twinning } from '../../domain/twinnings.js';
import type { NewProposal, Proposal } from '../../store/proposals-repo.js';
import type { Store } from '../../store/store.js';
import { WIKIDATA_SYNCED_KEY } from '../data-info.js';
import type { DataVersion } from '../data-version.js';
import { FactsService } from '../facts.js';
import { Permissions, SYSTEM, userIdOf, type Acting } from '../orgs.js';
import { SparqlClient, type ClientOptions } from './client.js';
import {
  factsQuery,
  itemsQuery,
  readFacts,
  readItems,
  readTies,
  tiesQuery,
  type WikidataItem,
  type WikidataTie,
} from './queries.js';

/** What the sync proposes, in the order the review page lists them. */
export const PROPOSAL_KINDS = [
  'new_tie',
  'ended_tie',
  'gone_tie',
  'label',
  'country',
  'coordinates',
  'population',
  'parent',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const isProposalKind = (k: string): k is ProposalKind =>
  (PROPOSAL_KINDS as readonly string[]).includes(k);

export interface SyncOptions {
  /** a place: it and everything under it; all places with a Wikidata id otherwise */
  area?: string;
  /** only items changed on or after this day (YYYY-MM-DD) */
  since?: string;
  /** ask Wikidata and compare, but store nothing */
  dryRun?: boolean;
  /** stops the run between two requests (a server shutting down); what was proposed stays */
  signal?: AbortSignal;
  /**
   * the daily run's: `since` reaches back past the previous run, so together they looked at every item (a
   * `since` given by hand may not, and such a run does not count as a whole check)
   */
  catchUp?: boolean;
}

export interface SyncReport {
  /** places with a Wikidata id looked at */
  places: number;
  /** of them, items Wikidata answered for (changed since `since`, when given) */
  items: number;
  /** new proposals by kind */
  proposed: Record<ProposalKind, number>;
  /** of them, facts an editor set */
  editorSet: number;
  /** changes found that were proposed before (waiting, accepted or rejected) */
  known: number;
  /** ties whose partner has no place in the registry (not proposed) */
  unknownPartners: number;
  /** requests sent, retries included */
  requests: number;
}

export interface SyncSettings {
  /** how many items each query asks about */
  batchSize?: number;
  client: ClientOptions;
}

/** A proposal as the review page shows it: with the places it is about named. */
export interface ProposalLine extends Proposal {
  /** the place, or the tie's two places */
  places: { id: string; name: string; kind: string; names: Record<string, string> }[];
  /** a parent's old and new place, named: id → name */
  valueNames: Record<string, string>;
  /** the item's page on Wikidata (at the revision compared, when known) */
  wikidataUrl: string;
}

export interface ReviewView {
  kind: ProposalKind | null;
  counts: Record<string, number>;
  proposals: ProposalLine[];
  /** the daily run: on, and when it last ran; only site admins switch it */
  schedule: { enabled: boolean; lastRun: string | null; mayChange: boolean };
}

/** How the sync reaches the query service, from the configuration. */
export function syncSettings(
  config: Pick<Config, 'wikidataUrl' | 'wikidataContact'>,
  more: Partial<Omit<ClientOptions, 'baseUrl' | 'contact'>> & { batchSize?: number } = {},
): SyncSettings {
  const { batchSize, ...client } = more;
  return { batchSize, client: { baseUrl: config.wikidataUrl, contact: config.wikidataContact, ...client } };
}

const SCHEDULE_KEY = 'wikidata_sync';
const LAST_RUN_KEY = 'wikidata_sync_at';
/** when a run last compared the whole registry with Wikidata to the end */
export const CHECKED_KEY = 'wikidata_checked_at';
const DAY = 86_400_000;

const itemUrl = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;
const revisionUrl = (qid: string, revision: string | null) =>
  revision && /^\d+$/.test(revision)
    ? `https://www.wikidata.org/w/index.php?title=${qid}&oldid=${revision}`
    : itemUrl(qid);
/** The citation every fact taken from Wikidata keeps. */
export const citationOf = (qid: string, retrieved: string) =>
  `Wikidata (${qid}, retrieved ${retrieved.slice(0, 10)})`;
/** A source line that came from Wikidata (the bundled data's, or an earlier sync's). */
export const isWikidataSource = (s: Source) =>
  /wikidata\.org/i.test(s.url ?? '') || /^wikidata\b/i.test(s.citation ?? '');

const pairId = (a: string, b: string) => canonicalPair(a, b).slice(0, 2).join(' ');
const coords = (lat: number, lon: number) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
const dateText = (d: PartialDate | null) => formatPartialDate(d);

/**
 * Which of these facts (keys of the facts revisions) hold a value a person set on the site: walking the history,
 * the last revision that changed the fact was a person's edit, not an import's, a sync's or the original state.
 */
export async function editorSetFacts(
  store: Store,
  entity: string,
  id: string,
  keys: string[],
): Promise<boolean> {
  const revisions = (await store.revisions.of(entity, id)).reverse();
  let before: Record<string, unknown> | undefined;
  const setter = new Map<string, 'person' | 'other'>();
  for (const r of revisions) {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    for (const k of keys) {
      if (r.action === 'original' || String(data[k] ?? '') === String(before?.[k] ?? '')) continue;
      setter.set(k, r.userId !== null && !data.from ? 'person' : 'other');
    }
    before = data;
  }
  return keys.some((k) => setter.get(k) === 'person');
}

/**
 * Compares the registry with Wikidata and keeps what differs as proposals for editors; applies a proposal
 * when an editor accepts it, through the facts service, with Wikidata and the item's revision as its source.
 */
export class SyncService {
  private readonly can: Permissions;
  private readonly facts: FactsService;

  constructor(
    private readonly store: Store,
    private readonly settings: SyncSettings,
    private readonly version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.facts = new FactsService(store, version);
  }

  async run(opts: SyncOptions = {}, now = new Date()): Promise<SyncReport> {
    if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
      throw new ValidationError(`--since ${opts.since} is not a day; write YYYY-MM-DD.`);
    if (opts.area && !(await this.store.places.get(opts.area)))
      throw new NotFoundError(`There is no place with id ${opts.area}.`);
    const client = new SparqlClient({ ...this.settings.client, signal: opts.signal });
    const places = await this.store.proposals.wikidataPlaces(opts.area);
    const report: SyncReport = {
      places: places.length,
      items: 0,
      proposed: Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, 0])) as Record<ProposalKind, number>,
      editorSet: 0,
      known: 0,
      unknownPartners: 0,
      requests: 0,
    };
    const seen = new Set<string>();
    const size = this.settings.batchSize ?? 200;
    for (let i = 0; i < places.length && !opts.signal?.aborted; i += size) {
      const batch = places.slice(i, i + size);
      const items = readItems(
        await client.select(
          itemsQuery(
            batch.map((p) => p.qid),
            opts.since,
          ),
        ),
      );
      if (!items.size) continue;
      const qids = [...items.keys()];
      readFacts(await client.select(factsQuery(qids)), items);
      const ties = readTies(await client.select(tiesQuery(qids)));
      report.items += items.size;
      const proposals = await this.compare(batch, items, ties, now, report);
      for (const p of proposals) {
        const key = `${p.kind} ${p.subjectId} ${p.fact} ${p.newValue}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const added = opts.dryRun
          ? !(await this.store.proposals.list('proposed', p.kind, 100_000)).some(
              (q) => q.subjectId === p.subjectId && q.fact === p.fact && q.newValue === p.newValue,
            )
          : await this.store.proposals.add(p, now.toISOString());
        if (!added) {
          report.known++;
          continue;
        }
        report.proposed[p.kind as ProposalKind]++;
        if (p.editorSet) report.editorSet++;
      }
    }
    report.requests = client.requests;
    const whole = !opts.area && (!opts.since || opts.catchUp) && !opts.dryRun && !opts.signal?.aborted;
    if (whole) {
      await this.store.meta.set(CHECKED_KEY, now.toISOString());
      await this.markSynced();
    }
    return report;
  }

  /**
   * The registry is as of a sync once a run compared all of it with Wikidata and nothing found is waiting
   * for a decision any more: then the data's date (statistics, About page) becomes that run's.
   */
  private async markSynced(): Promise<void> {
    const checked = await this.store.meta.get(CHECKED_KEY);
    if (!checked) return;
    const waiting = Object.values(await this.store.proposals.counts('proposed')).reduce((a, b) => a + b, 0);
    if (waiting || (await this.store.meta.get(WIKIDATA_SYNCED_KEY)) === checked) return;
    await this.store.transaction(async (tx) => {
      await tx.meta.set(WIKIDATA_SYNCED_KEY, checked);
      // pages stating the data's date are cached by the versions
      await tx.meta.bumpContentVersion();
    });
    this.version?.invalidate();
  }

  /** What differs between the registry and Wikidata for one batch of places. */
  private async compare(
    batch: { id: string; qid: string }[],
    items: Map<string, WikidataItem>,
    ties: WikidataTie[],
    now: Date,
    report: SyncReport,
  ): Promise<NewProposal[]> {
    const retrievedAt = now.toISOString();
    const out: NewProposal[] = [];
    const parentQids = [...items.values()].flatMap((i) => i.parents);
    const partnerQids = ties.map((t) => t.partner);
    const known = await this.store.proposals.placesOf([...parentQids, ...partnerQids]);
    const stored = await this.store.places.getMany(batch.map((b) => b.id));
    for (const { id, qid } of batch) {
      const item = items.get(qid);
      const place = stored.get(id);
      if (!item || !place) continue;
      const base = {
        subjectType: 'place' as const,
        subjectId: id,
        qid,
        wdRevision: item.revision,
        wdModified: item.modified,
        retrievedAt,
      };
      const facts = (keys: string[]) => editorSetFacts(this.store, 'place', id, keys);
      for (const [lang, label] of Object.entries(item.labels)) {
        const current = place.names[lang] ?? (lang === 'en' ? place.name : null);
        if (current === label) continue;
        out.push({
          ...base,
          kind: 'label',
          fact: lang,
          oldValue: current,
          newValue: label,
          payload: { lang, label },
          editorSet: await facts([`name:${lang}`]),
        });
      }
      if (
        item.countries.length &&
        !item.countries.includes(place.country ?? '') &&
        place.kind !== 'country'
      ) {
        const country = item.countries[0]!;
        out.push({
          ...base,
          kind: 'country',
          fact: '',
          oldValue: place.country,
          newValue: country,
          payload: { country },
          editorSet: await facts(['country']),
        });
      }
      const c = item.coordinates;
      if (
        c &&
        (place.lat === null ||
          place.lon === null ||
          Math.abs(place.lat - c.lat) > 0.01 ||
          Math.abs(place.lon - c.lon) > 0.01)
      ) {
        out.push({
          ...base,
          kind: 'coordinates',
          fact: '',
          oldValue: place.lat === null || place.lon === null ? null : coords(place.lat, place.lon),
          newValue: coords(c.lat, c.lon),
          payload: { lat: Number(c.lat.toFixed(5)), lon: Number(c.lon.toFixed(5)) },
          editorSet: await facts(['coordinates']),
        });
      }
      const pop = item.population;
      const year = pop?.date ? Number(pop.date.slice(0, 4)) : null;
      if (pop && (pop.value !== place.population || (year !== null && year !== place.populationYear))) {
        const text = (n: number | null, y: number | null) =>
          n === null ? null : y ? `${n} (${y})` : String(n);
        out.push({
          ...base,
          kind: 'population',
          fact: '',
          oldValue: text(place.population, place.populationYear),
          newValue: text(pop.value, year)!,
          payload: { population: pop.value, year },
          editorSet: await facts(['population', 'population_year']),
        });
      }
      const parents = item.parents.flatMap((q) => {
        const p = known.get(q);
        return p && p !== id ? [p] : [];
      });
      if (parents.length && !parents.includes(place.parent ?? '')) {
        out.push({
          ...base,
          kind: 'parent',
          fact: '',
          oldValue: place.parent,
          newValue: parents[0]!,
          payload: { parent: parents[0] },
          editorSet: await facts(['parent']),
        });
      }
      out.push(...(await this.compareTies(place, base, ties, known, report)));
    }
    return out;
  }

  private async compareTies(
    place: Place,
    base: Omit<
      NewProposal,
      'kind' | 'fact' | 'oldValue' | 'newValue' | 'payload' | 'editorSet' | 'subjectType'
    >,
    ties: WikidataTie[],
    known: Map<string, string>,
    report: SyncReport,
  ): Promise<NewProposal[]> {
    const out: NewProposal[] = [];
    const mine = ties.filter((t) => t.item === base.qid);
    const stored = await this.store.twinnings.ofPlace(place.id);
    const storedByPartner = new Map<string, Twinning>(stored.map((t) => [t.a === place.id ? t.b : t.a, t]));
    const listed = new Set<string>();
    const tieBase = { ...base, subjectType: 'twinning' as const, fact: '' };
    for (const t of mine) {
      const partner = known.get(t.partner);
      if (!partner) {
        report.unknownPartners++;
        continue;
      }
      if (partner === place.id) continue;
      listed.add(partner);
      const [a, b] = canonicalPair(place.id, partner);
      const tie = storedByPartner.get(partner);
      if (!tie) {
        out.push({
          ...tieBase,
          kind: 'new_tie',
          subjectId: pairId(a, b),
          oldValue: null,
          newValue: [dateText(t.start), dateText(t.end)].filter(Boolean).join(' – ') || '✓',
          payload: { a, b, signed: dateText(t.start) || null, ended: dateText(t.end) || null },
          editorSet: false,
        });
      } else if (t.end && !tie.ended) {
        out.push({
          ...tieBase,
          kind: 'ended_tie',
          subjectId: pairId(a, b),
          oldValue: tie.status,
          newValue: dateText(t.end),
          payload: { a, b, tie: tie.id, ended: dateText(t.end) },
          editorSet: await editorSetFacts(this.store, 'twinning', String(tie.id), ['ended', 'status']),
        });
      }
    }
    // ties the registry has from Wikidata, which no statement on either side names any more
    const partnerQids = await this.store.proposals.qidsOf([...storedByPartner.keys()]);
    for (const [partner, tie] of storedByPartner) {
      if (listed.has(partner) || !partnerQids.get(partner)) continue;
      if (mine.some((t) => t.partner === partnerQids.get(partner))) continue;
      if (!tie.sources.some(isWikidataSource)) continue;
      out.push({
        ...tieBase,
        kind: 'gone_tie',
        subjectId: pairId(tie.a, tie.b),
        oldValue: [dateText(tie.signed), tie.status].filter(Boolean).join(', '),
        newValue: '—',
        payload: { a: tie.a, b: tie.b, tie: tie.id },
        editorSet: await editorSetFacts(this.store, 'twinning', String(tie.id), [
          'kind',
          'signed',
          'ended',
          'status',
          'source',
          'notes',
        ]),
      });
    }
    return out;
  }

  /** Whether the actor may decide this proposal: a site admin, or an editor of its place or tie. */
  private async mayDecide(actor: Acting, p: Proposal): Promise<boolean> {
    if (this.can.isAdmin(actor)) return true;
    if (p.subjectType === 'place') return this.can.mayEditPlace(actor, p.subjectId);
    const [a, b] = p.subjectId.split(' ');
    return this.can.mayEditPair(actor, a!, b!);
  }

  private async waiting(id: number): Promise<Proposal> {
    const p = await this.store.proposals.get(id);
    if (!p) throw new NotFoundError(`There is no proposal ${id}.`);
    if (p.status !== 'proposed') throw new ValidationError(`Proposal ${id} was ${p.status} already.`);
    return p;
  }

  /** Applies a proposal as an edit by the actor (revision, audit, version), and marks it accepted. */
  async accept(actor: Acting, id: number, now = new Date()): Promise<void> {
    await this.apply(actor, id, now);
    await this.markSynced();
  }

  private async apply(actor: Acting, id: number, now: Date): Promise<void> {
    const p = await this.waiting(id);
    if (!(await this.mayDecide(actor, p))) throw this.refusal();
    const retrieved = p.retrievedAt;
    const citation = citationOf(p.qid, retrieved);
    const url = revisionUrl(p.qid, p.wdRevision);
    const from = {
      source: 'Wikidata',
      qid: p.qid,
      revision: p.wdRevision,
      retrieved,
      proposal: p.id,
      kind: p.kind,
    };
    const audit = {
      action: 'wikidata.accept',
      subject: `proposal:${p.id}`,
      detail: `${p.kind} ${p.subjectId}: ${p.newValue}`,
    };
    const also = async (tx: Store) => {
      if (!(await tx.proposals.decide(p.id, 'accepted', userIdOf(actor), now.toISOString())))
        throw new ValidationError(`Proposal ${id} was decided meanwhile.`);
    };
    const pl = p.payload;
    if (p.subjectType === 'place') {
      const place = await this.store.places.get(p.subjectId);
      if (!place) throw new NotFoundError(`There is no place with id ${p.subjectId}.`);
      let record: Record<string, unknown>;
      let fact: string;
      switch (p.kind) {
        case 'label': {
          const lang = String(pl.lang);
          record = { names: { ...place.names, [lang]: String(pl.label) } };
          if (lang === 'en') record.name = String(pl.label);
          fact = 'names';
          break;
        }
        case 'country':
          record = { country: pl.country };
          fact = 'country';
          break;
        case 'coordinates':
          record = { lat: pl.lat, lon: pl.lon };
          fact = 'coordinates';
          break;
        case 'population':
          record = { population: pl.population, population_year: pl.year ?? '' };
          fact = 'population';
          break;
        case 'parent':
          record = { parent: pl.parent };
          fact = 'parent';
          break;
        default:
          throw new ValidationError(`Proposal ${id} is of an unknown kind.`);
      }
      await this.facts.applyPlace(
        actor,
        p.subjectId,
        { record, source: { fact, url, citation }, from, audit, also },
        now,
      );
      return;
    }
    const action = p.kind === 'new_tie' ? 'new' : p.kind === 'ended_tie' ? 'ended' : 'gone';
    await this.facts.applyTie(
      actor,
      {
        a: String(pl.a),
        b: String(pl.b),
        action,
        signed: (pl.signed as string | null) ?? null,
        ended: (pl.ended as string | null) ?? null,
        source: { fact: action === 'new' ? 'tie' : 'ended', url, citation },
        isFromSource: isWikidataSource,
        from,
        audit,
        also,
      },
      now,
    );
  }

  async reject(actor: Acting, id: number, now = new Date()): Promise<void> {
    const p = await this.waiting(id);
    if (!(await this.mayDecide(actor, p))) throw this.refusal();
    await this.store.transaction(async (tx) => {
      if (!(await tx.proposals.decide(p.id, 'rejected', userIdOf(actor), now.toISOString())))
        throw new ValidationError(`Proposal ${id} was decided meanwhile.`);
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: 'wikidata.reject',
        subject: `proposal:${p.id}`,
        detail: `${p.kind} ${p.subjectId}: ${p.newValue}`,
      });
    });
    await this.markSynced();
  }

  /**
   * Accepts every waiting proposal of a kind the actor may decide, one by one (each its own edit); the ones
   * an editor set stay for a decision of their own. How many were accepted, and which could not be.
   */
  async acceptAll(
    actor: Acting,
    kind: string,
    now = new Date(),
  ): Promise<{ accepted: number; failed: number }> {
    if (!isProposalKind(kind)) throw new ValidationError(`"${kind}" is not a kind of proposal.`);
    this.requireReviewer(actor);
    let accepted = 0;
    let failed = 0;
    for (const p of await this.store.proposals.list('proposed', kind, 10_000)) {
      if (p.editorSet || !(await this.mayDecide(actor, p))) continue;
      try {
        await this.accept(actor, p.id, now);
        accepted++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        failed++;
      }
    }
    return { accepted, failed };
  }

  private refusal() {
    return new ForbiddenError(
      'You may not decide this proposal: it is about a place or tie you do not edit.',
    );
  }

  /** Site admins and editors of an organization review proposals; others may not open the page. */
  private requireReviewer(actor: Acting): void {
    if (actor === SYSTEM || actor.user.isAdmin) return;
    if ([...actor.roles.values()].includes('editor')) return;
    throw new ForbiddenError(
      'Only site admins and editors of an organization review what Wikidata proposes.',
    );
  }

  /** The review page: waiting proposals the actor may decide (of one kind, if given), with counts per kind. */
  async review(actor: Acting, kind: string | null, limit = 300): Promise<ReviewView> {
    this.requireReviewer(actor);
    const k = kind && isProposalKind(kind) ? kind : null;
    const admin = this.can.isAdmin(actor);
    let list = await this.store.proposals.list('proposed', k, admin ? limit : 10_000);
    if (!admin) {
      const mine: Proposal[] = [];
      for (const p of list) if (await this.mayDecide(actor, p)) mine.push(p);
      list = mine.slice(0, limit);
    }
    const subjectIds = (p: Proposal) => (p.subjectType === 'place' ? [p.subjectId] : p.subjectId.split(' '));
    const valueIds = (p: Proposal) =>
      p.kind === 'parent' ? [p.oldValue, p.newValue].filter((x): x is string => x !== null) : [];
    const places = await this.store.places.getMany(list.flatMap((p) => [...subjectIds(p), ...valueIds(p)]));
    const named = (id: string) => ({
      id,
      name: places.get(id)?.name ?? id,
      kind: places.get(id)?.kind ?? 'city',
      names: places.get(id)?.names ?? {},
    });
    return {
      kind: k,
      counts: await this.store.proposals.counts('proposed'),
      proposals: list.map((p) => ({
        ...p,
        places: subjectIds(p).map(named),
        valueNames: Object.fromEntries(valueIds(p).map((id) => [id, places.get(id)?.name ?? id])),
        wikidataUrl: revisionUrl(p.qid, p.wdRevision),
      })),
      schedule: { ...(await this.schedule()), mayChange: admin },
    };
  }

  async schedule(): Promise<{ enabled: boolean; lastRun: string | null }> {
    return {
      enabled: (await this.store.meta.get(SCHEDULE_KEY)) === 'on',
      lastRun: (await this.store.meta.get(LAST_RUN_KEY)) ?? null,
    };
  }

  /** Switches the daily run on or off (site admins). */
  async setSchedule(actor: Acting, on: boolean, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    await this.store.transaction(async (tx) => {
      await tx.meta.set(SCHEDULE_KEY, on ? 'on' : 'off');
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: on ? 'wikidata.schedule.on' : 'wikidata.schedule.off',
      });
    });
  }

  /**
   * The daily run, when it is switched on: at most once a day across every server (the first to take the
   * day's turn in `meta` runs it). The report, or null when not due.
   */
  async runIfDue(now = new Date(), signal?: AbortSignal): Promise<SyncReport | null> {
    const { enabled, lastRun } = await this.schedule();
    if (!enabled) return null;
    if (lastRun && now.getTime() - Date.parse(lastRun) < DAY) return null;
    if (!(await this.store.meta.swap(LAST_RUN_KEY, lastRun ?? undefined, now.toISOString()))) return null;
    // only items changed since the last run (a day's margin); everything the first time
    const since = lastRun ? new Date(Date.parse(lastRun) - DAY).toISOString().slice(0, 10) : undefined;
    return this.run({ since, signal, catchUp: lastRun !== null && lastRun !== undefined }, now);
  }

  /** For the command line: who acts there. */
  static readonly actor = SYSTEM;
}
