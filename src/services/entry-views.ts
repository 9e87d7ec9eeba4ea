import { WITH_SUBJECTS, type Entry, type EntrySubjectType, type EntryType } from '../domain/entries.js';
import { NotFoundError } from '../domain/errors.js';
import { isRowId, parseRowId } from '../domain/ids.js';
import type { Organization } from '../domain/organizations.js';
import { effectiveFacts, type Place } from '../domain/places.js';
import type { Subjects } from '../store/entries-repo.js';
import type { NotifyMode } from '../store/notify-repo.js';
import type { Photo } from '../store/photos-repo.js';
import type { Store } from '../store/store.js';
import type { CommentsService, CommentsView } from './comments.js';
import { entryType, type EntriesService } from './entries.js';
import type { NotifyService } from './notify.js';
import type { Actor } from './orgs.js';
import type { OrgsService } from './orgs.js';
import type { EntryRefs, ProgramService, SubjectRef } from './program.js';
import type { ListingView, SeekingService } from './seeking.js';

/** how many posts and activities one page of their lists shows */
export const PER_PAGE = { post: 20, activity: 50 } as const;
/** how far back calendars reach, so that an event of last week is still in a subscriber's calendar */
const CALENDAR_PAST_MS = 30 * 86_400_000;

/** One post, event or activity on its own page. */
export interface EntryPageView extends EntryRefs {
  entry: Entry;
  org: Organization;
  photos: Photo[];
  /** the organization's people and institutions an activity names among its participants, in its order */
  participants: Entry[];
  /** whether the reader edits the organization's entries */
  mayEdit: boolean;
  /** a post's comments as the reader sees them; null for events and activities */
  comments: CommentsView | null;
}

/** What a list is filtered to: `place:Q74957`, `twinning:12` or `country:CN`, and what that is. */
export interface ListAbout {
  key: string;
  ref: SubjectRef;
}

/** News or activities, newest first, a page at a time. */
export interface EntryListView extends EntryRefs {
  type: 'post' | 'activity';
  entries: Entry[];
  total: number;
  page: number;
  perPage: number;
  about: ListAbout | null;
}

/** Events that have not ended, soonest first. */
export interface EventsView extends EntryRefs {
  entries: Entry[];
}

/** An organization's public page. */
export interface OrgView extends EntryRefs {
  org: Organization;
  home: Place | null;
  news: Entry[];
  events: Entry[];
  activities: Entry[];
  committees: Entry[];
  people: Entry[];
  institutions: Entry[];
  memberships: Entry[];
  /** the countries of committees and the places of institutions, by id */
  places: Map<string, Place>;
  mayManage: boolean;
  /** how the reader follows the organization, if they do */
  following: NotifyMode | null;
  /** its open "seeking partners" listing, without the contact */
  listing: ListingView | null;
}

/** What a news feed or a calendar holds, and what it is of. */
export interface FeedView {
  about: ListAbout | null;
  org: Organization | null;
  entries: Entry[];
  /** the publishers of the entries */
  orgs: Map<number, Organization>;
}

/** A place, tie or country an entry may be about: its key ("place:Q74957") and the places that name it. */
export interface SubjectChoice {
  key: string;
  /** one place, or a tie's two (the home first) */
  names: { name: string; names?: Readonly<Record<string, string>> }[];
}

/** An entry's editor: the organization's form for one type of entry, new or existing. */
export interface EntryFormView {
  org: Organization;
  type: EntryType;
  entry: Entry | null;
  /** what a new entry starts with: an event's time zone from the home, a post's kind */
  defaults: Record<string, string>;
  /** what the organization's entries may be about: its home, its ties, the partners and their countries */
  subjects: SubjectChoice[];
  /** what is ticked at first: the entry's subjects, or a new entry's home */
  chosen: string[];
  committees: Entry[];
  people: Entry[];
  institutions: Entry[];
}

/** The editors' list of one type of an organization's entries. */
export interface EntryManageView {
  org: Organization;
  type: EntryType;
  entries: Entry[];
}

/** The read models of organizations' pages and of their entries: one call per page or feed. */
export class EntryViews {
  constructor(
    private readonly store: Store,
    private readonly program: ProgramService,
    private readonly orgs: OrgsService,
    private readonly entries: EntriesService,
    private readonly comments: CommentsService,
    private readonly notify: NotifyService,
    private readonly seeking: SeekingService,
  ) {}

  /** Every organization, by name. */
  organizations(): Promise<Organization[]> {
    return this.store.orgs.list();
  }

  async org(slug: string, actor: Actor | null, now = new Date()): Promise<OrgView> {
    const org = await this.orgs.get(slug);
    const of = (type: EntryType) => this.store.entries.ofOrg(org.id, type);
    const [
      home,
      news,
      events,
      activities,
      committees,
      people,
      institutions,
      memberships,
      following,
      listing,
    ] = await Promise.all([
      org.homeId ? this.store.places.get(org.homeId) : undefined,
      this.store.entries.latest(['post'], { limit: 10, orgId: org.id }),
      this.store.entries.upcoming(now.toISOString(), { limit: 20, orgId: org.id }),
      this.store.entries.latest(['activity'], { limit: 30, orgId: org.id }),
      of('committee'),
      of('person'),
      of('institution'),
      of('membership'),
      this.notify.following(actor, 'org', String(org.id)),
      this.seeking.ofOrg(org.id),
    ]);
    const placeIds = [...committees.map((c) => c.data.country), ...institutions.map((i) => i.data.place)];
    const [refs, places] = await Promise.all([
      this.program.refs([...news, ...events, ...activities]),
      this.store.places.getMany(placeIds.filter((x): x is string => typeof x === 'string' && !!x)),
    ]);
    return {
      ...refs,
      org,
      home: home ?? null,
      news,
      events,
      activities,
      committees,
      people,
      institutions,
      memberships,
      places,
      mayManage: !!actor && this.orgs.can.isEditorOf(actor, org.id),
      following,
      listing,
    };
  }

  /** A post (with its comments), an event or an activity; "not found" for an id of another type. */
  async entry(type: EntryType, id: number, actor: Actor | null): Promise<EntryPageView> {
    const missing = new NotFoundError(`There is no ${type} ${id}.`);
    const entry = isRowId(id) ? await this.store.entries.get(id) : undefined;
    const org = entry?.type === type ? await this.store.orgs.byId(entry.orgId) : undefined;
    if (!entry || !org) throw missing;
    const d = entry.data;
    const named = [
      ...(Array.isArray(d.people) ? d.people : []),
      ...(Array.isArray(d.institutions) ? d.institutions : []),
    ].map((x) => parseRowId(String(x)));
    const [refs, photos, found, comments] = await Promise.all([
      this.program.refs([entry]),
      this.store.photos.of('entry', [String(entry.id)]),
      Promise.all(named.map((n) => (n === null ? undefined : this.store.entries.get(n)))),
      type === 'post' ? this.comments.thread(entry, actor) : null,
    ]);
    return {
      ...refs,
      entry,
      org,
      photos,
      // only the organization's own: an id of another's is not named
      participants: found.filter((x): x is Entry => !!x && x.orgId === org.id),
      mayEdit: !!actor && this.orgs.can.isEditorOf(actor, org.id),
      comments,
    };
  }

  /** News or activities of every program, or about a place (with its ties), a tie or a country. */
  async list(type: 'post' | 'activity', about: string | undefined, page: number): Promise<EntryListView> {
    const perPage = PER_PAGE[type];
    const filter = await this.about(about);
    const [entries, total] = await Promise.all([
      this.store.entries.latest([type], {
        limit: perPage,
        offset: (page - 1) * perPage,
        about: filter?.subjects,
      }),
      this.store.entries.count([type], filter?.subjects),
    ]);
    const refs = await this.program.refs(entries);
    return { ...refs, type, entries, total, page, perPage, about: filter?.about ?? null };
  }

  async upcoming(now = new Date()): Promise<EventsView> {
    const entries = await this.store.entries.upcoming(now.toISOString(), { limit: 100 });
    return { ...(await this.program.refs(entries)), entries };
  }

  /** The latest news of every program, about something, or of one organization (`org` is its slug). */
  async newsFeed(q: { about?: string | undefined; org?: string }): Promise<FeedView> {
    const org = q.org === undefined ? null : await this.orgs.get(q.org);
    const filter = await this.about(q.about);
    const entries = await this.store.entries.latest(['post'], {
      limit: 50,
      about: filter?.subjects,
      ...(org ? { orgId: org.id } : {}),
    });
    return { about: filter?.about ?? null, org, entries, orgs: (await this.program.refs(entries)).orgs };
  }

  /** Events of every program or of one organization, from a month ago on. */
  async calendar(q: { org?: string }, now = new Date()): Promise<FeedView> {
    const org = q.org === undefined ? null : await this.orgs.get(q.org);
    const since = new Date(now.getTime() - CALENDAR_PAST_MS).toISOString();
    const entries = await this.store.entries.upcoming(since, {
      limit: 500,
      ...(org ? { orgId: org.id } : {}),
    });
    return { about: null, org, entries, orgs: (await this.program.refs(entries)).orgs };
  }

  /** One event, for a calendar. */
  async eventCalendar(id: number): Promise<FeedView> {
    const e = isRowId(id) ? await this.store.entries.get(id) : undefined;
    if (!e || e.type !== 'event') throw new NotFoundError(`There is no event ${id}.`);
    const { orgs } = await this.program.refs([e]);
    return { about: null, org: orgs.get(e.orgId) ?? null, entries: [e], orgs };
  }

  /**
   * What a list is about, from `place:Q…`, `twinning:12` or `country:CN`: a place together with its ties, as
   * on its page. Undefined without a filter; "not found" for something that is not there.
   */
  private async about(
    key: string | undefined,
  ): Promise<{ subjects: Subjects; about: ListAbout } | undefined> {
    if (!key) return undefined;
    const missing = new NotFoundError(
      `There is nothing to list about "${key}": use place:ID, twinning:NUMBER or country:CODE.`,
    );
    const m = /^(place|twinning|country):([\w-]{1,60})$/.exec(key);
    if (!m || (m[1] === 'twinning' && parseRowId(m[2]!) === null)) throw missing;
    const type = m[1] as EntrySubjectType;
    const id = m[2]!;
    const ref = (await this.program.subjectRefs([{ type, id }])).get(`${type}:${id}`);
    if (!ref) throw missing;
    const about = { key, ref };
    if (type !== 'place') return { subjects: [{ type, ids: [id] }], about };
    const ties = (await this.store.twinnings.forPlace(id)).map((x) => String(x.twinning.id));
    return {
      subjects: [
        { type: 'place', ids: [id] },
        { type: 'twinning', ids: ties },
      ],
      about,
    };
  }

  // ---- the editors' side ----

  /** The editors' list of one type of entry. */
  async manage(actor: Actor, slug: string, typeName: string): Promise<EntryManageView> {
    const type = entryType(typeName);
    const org = await this.orgs.get(slug);
    this.orgs.can.requireEditor(actor, org);
    return { org, type, entries: await this.store.entries.ofOrg(org.id, type) };
  }

  /** The form of a new entry of a type (`{ slug, type }`) or of an existing one (`{ id }`). */
  async form(actor: Actor, target: { slug: string; type: string } | { id: number }): Promise<EntryFormView> {
    let org: Organization;
    let type: EntryType;
    let entry: Entry | null = null;
    if ('id' in target) {
      ({ entry, org } = await this.entries.requireEditorOf(actor, target.id));
      type = entry.type;
    } else {
      type = entryType(target.type);
      org = await this.orgs.get(target.slug);
      this.orgs.can.requireEditor(actor, org);
    }
    const of = (t: EntryType, wanted: boolean) =>
      wanted ? this.store.entries.ofOrg(org.id, t) : Promise.resolve([]);
    const [choices, committees, people, institutions] = await Promise.all([
      WITH_SUBJECTS.includes(type) ? this.subjectChoices(org) : { home: null, subjects: [] },
      of('committee', type === 'person'),
      of('person', type === 'activity'),
      of('institution', type === 'activity'),
    ]);
    const { home } = choices;
    const defaults: Record<string, string> =
      type === 'event' && home
        ? { timezone: effectiveFacts(home, null).timezone ?? '' }
        : type === 'post'
          ? { kind: 'news' }
          : {};
    const chosen = entry
      ? entry.subjects.map((s) => `${s.type}:${s.id}`)
      : home && WITH_SUBJECTS.includes(type)
        ? [`place:${home.id}`]
        : [];
    return {
      org,
      type,
      entry,
      defaults,
      subjects: choices.subjects,
      chosen,
      committees,
      people,
      institutions,
    };
  }

  /** What an organization's editors may tie entries to: its home, its ties, the partners and their countries. */
  private async subjectChoices(
    org: Organization,
  ): Promise<{ home: Place | null; subjects: SubjectChoice[] }> {
    const home = org.homeId ? await this.store.places.get(org.homeId) : undefined;
    if (!home) return { home: null, subjects: [] };
    const partners = await this.store.twinnings.forPlace(home.id);
    const countries = new Set(partners.map((p) => p.partner.country).filter((c): c is string => !!c));
    const countryPlaces = await this.store.places.getMany([...countries]);
    return {
      home,
      subjects: [
        { key: `place:${home.id}`, names: [home] },
        ...partners.map((p) => ({ key: `twinning:${p.twinning.id}`, names: [home, p.partner] })),
        ...partners.map((p) => ({ key: `place:${p.partner.id}`, names: [p.partner] })),
        ...[...countryPlaces.values()].map((c) => ({ key: `country:${c.id}`, names: [c] })),
      ],
    };
  }
}
