import type { Entry, EntrySubject } from '../domain/entries.js';
import type { Organization } from '../domain/organizations.js';
import type { Place } from '../domain/places.js';
import type { NotifyMode } from '../store/notify-repo.js';
import type { Photo } from '../store/photos-repo.js';
import type { Subjects } from '../store/entries-repo.js';
import type { Store } from '../store/store.js';
import type { ContentIndex } from './content-index.js';
import type { Actor } from './orgs.js';

/** how many activities a page shows before linking to the whole log */
export const SHOWN_ACTIVITIES = 50;

/** What an entry is about, with the places a view needs to name it. */
export type SubjectRef =
  | { type: 'place' | 'country'; id: string; place: Place }
  | { type: 'twinning'; id: string; a: Place; b: Place };

/** The organizations that published a set of entries, and what the entries are about. */
export interface EntryRefs {
  orgs: Map<number, Organization>;
  /** `type:id` → what it is */
  subjects: Map<string, SubjectRef>;
}

/**
 * What programs did and publish about a place, a tie or a country: the newest activities (and how many there
 * are in all when there are more), news, upcoming events, photos (places), and whether the reader follows it.
 */
export interface ProgramView extends EntryRefs {
  activities: Entry[];
  /** the number of all activities when more than SHOWN_ACTIVITIES, else 0 */
  activityTotal: number;
  news: Entry[];
  upcoming: Entry[];
  photos: Photo[];
  /** null when the reader follows nothing here or is not signed in */
  following: NotifyMode | null;
}

/** The read side of organizations' entries on the pages of places, ties and countries. */
export class ProgramService {
  constructor(
    private readonly store: Store,
    private readonly index: ContentIndex,
  ) {}

  /**
   * The panels of a page about `subjects`; `place` adds its photos and the reader's follow. Most places have no
   * entries at all: the index says so without a query.
   */
  async panels(
    subjects: Subjects,
    opts: { place?: string; actor?: Actor | null; now?: Date } = {},
  ): Promise<ProgramView> {
    const about = { about: subjects };
    const now = (opts.now ?? new Date()).toISOString();
    const [latest, news, upcoming] = (await this.index.hasEntries(subjects))
      ? await Promise.all([
          this.store.entries.latest(['activity'], { limit: SHOWN_ACTIVITIES + 1, ...about }),
          this.store.entries.latest(['post'], { limit: 10, ...about }),
          this.store.entries.upcoming(now, { limit: 10, ...about }),
        ])
      : [[], [], []];
    const activities = latest.slice(0, SHOWN_ACTIVITIES);
    const [activityTotal, refs, photos, follow] = await Promise.all([
      latest.length > SHOWN_ACTIVITIES ? this.store.entries.count(['activity'], subjects) : 0,
      this.refs([...activities, ...news, ...upcoming]),
      opts.place && (await this.index.hasPhotos('place', opts.place))
        ? this.store.photos.of('place', [opts.place])
        : [],
      opts.place && opts.actor ? this.store.notify.get(opts.actor.user.id, 'place', opts.place) : undefined,
    ]);
    return { activities, activityTotal, news, upcoming, photos, following: follow?.mode ?? null, ...refs };
  }

  /** The publishers of entries and what they are about, looked up together. */
  async refs(entries: Entry[]): Promise<EntryRefs> {
    const orgIds = [...new Set(entries.map((e) => e.orgId))];
    const [orgs, subjects] = await Promise.all([
      Promise.all(orgIds.map((id) => this.store.orgs.byId(id))),
      this.subjectRefs(entries.flatMap((e) => e.subjects)),
    ]);
    return {
      orgs: new Map(orgs.filter((o): o is Organization => !!o).map((o) => [o.id, o])),
      subjects,
    };
  }

  /** What entries are about, with the places that name them, keyed `type:id`; what is gone is left out. */
  async subjectRefs(list: EntrySubject[]): Promise<Map<string, SubjectRef>> {
    const out = new Map<string, SubjectRef>();
    if (!list.length) return out;
    const ties = await Promise.all(
      [...new Set(list.filter((s) => s.type === 'twinning').map((s) => s.id))].map((id) =>
        this.store.twinnings.get(Number(id)),
      ),
    );
    const ids = new Set(list.filter((s) => s.type !== 'twinning').map((s) => s.id));
    for (const t of ties) if (t) [t.a, t.b].forEach((id) => ids.add(id));
    const places = await this.store.places.getMany([...ids]);
    for (const s of list) {
      if (s.type === 'twinning') {
        const t = ties.find((x) => x && String(x.id) === s.id);
        const a = t && places.get(t.a);
        const b = t && places.get(t.b);
        if (a && b) out.set(`twinning:${s.id}`, { type: 'twinning', id: s.id, a, b });
      } else {
        const place = places.get(s.id);
        if (place) out.set(`${s.type}:${s.id}`, { type: s.type, id: s.id, place });
      }
    }
    return out;
  }
}
