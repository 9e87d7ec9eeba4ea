import { DateTime } from 'luxon';
import type { PartialDate } from '../../domain/dates.js';
import { entryPath, type Entry } from '../../domain/entries.js';
import type { Organization } from '../../domain/organizations.js';
import type { Photo } from '../../store/photos-repo.js';
import { messages, type Catalogue, type Lang } from '../i18n/index.js';
import { href } from './layout.js';

/** When an entry is: a post's publishing time, an event's local time in its zone, an activity's dates. */
export function entryWhen(e: Entry, t: Catalogue): string {
  if (e.type === 'event' && e.startsAt) {
    const zone = String(e.data.timezone ?? 'UTC');
    const at = (iso: string) => {
      const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
      return { day: t.date({ date: dt.toISODate()!, precision: 'day' }), time: dt.toFormat('HH:mm') };
    };
    const s = at(e.startsAt);
    const end = e.endsAt ? at(e.endsAt) : null;
    const until = end ? (end.day === s.day ? `–${end.time}` : ` – ${end.day}, ${end.time}`) : '';
    return `${s.day}, ${s.time}${until} (${zone})`;
  }
  if (e.type === 'activity') {
    const d = e.data.date as PartialDate | null;
    const end = e.data.endDate as PartialDate | null;
    return d ? t.date(d) + (end ? ` – ${t.date(end)}` : '') : '';
  }
  return e.startsAt ? t.time(e.startsAt) : '';
}

/** The machine-readable time of an entry for <time datetime>. */
export function entryDatetime(e: Entry): string | undefined {
  if (e.type === 'activity') return (e.data.date as PartialDate | null)?.date;
  return e.startsAt ?? undefined;
}

export interface SubjectLink {
  label: string;
  path: string;
}

/** What an entry is about, as links separated by commas. */
export function SubjectList(p: { links: SubjectLink[]; lang: Lang }) {
  return (
    <>
      {p.links.map((s, i) => (
        <>
          {i > 0 && ', '}
          <a href={href(s.path, p.lang)}>{s.label}</a>
        </>
      ))}
    </>
  );
}

/** A dated list of entries (newest first for activities and news, soonest first for events). */
export function EntryLog(p: {
  entries: Entry[];
  orgs: Map<number, Organization>;
  lang: Lang;
  /** what each entry is about, keyed `type:id`; without it the list leaves that out */
  subjects?: Map<string, SubjectLink>;
  aboutLabel?: string;
}) {
  const t = messages(p.lang);
  return (
    <ul class="log entries">
      {p.entries.map((e) => {
        const org = p.orgs.get(e.orgId);
        const about = p.subjects ? e.subjects.flatMap((s) => p.subjects!.get(`${s.type}:${s.id}`) ?? []) : [];
        return (
          <li>
            <time datetime={entryDatetime(e)}>{entryWhen(e, t)}</time>{' '}
            {e.type !== 'post' && e.data.kind ? (
              <span class="tag">{t.entries.choices[String(e.data.kind)]}</span>
            ) : null}{' '}
            <a href={href(entryPath(e, org?.slug ?? ''), p.lang)}>{e.title}</a>
            {org && <span class="muted"> · {org.name}</span>}
            {e.type === 'activity' && e.data.seeking ? (
              <strong class="seeking"> · {t.entries.seekingTag}</strong>
            ) : null}
            {about.length > 0 && (
              <span class="muted">
                {' '}
                · {p.aboutLabel ?? t.entries.aboutLower} <SubjectList links={about} lang={p.lang} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** An amount in its currency, as the reader's language writes money. */
export function money(amount: number, currency: string, t: Catalogue): string {
  try {
    return new Intl.NumberFormat(t.locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${t.num(amount)} ${currency}`;
  }
}

/** Photos as thumbnails, each leading to its large version, with its caption. */
export function Gallery(p: { photos: Photo[] }) {
  if (!p.photos.length) return null;
  return (
    <ul class="gallery">
      {p.photos.map((ph) => (
        <li>
          <a href={`/photos/${ph.id}/large.webp`}>
            <img
              src={`/photos/${ph.id}/thumb.webp`}
              alt={ph.caption}
              width={480}
              height={360}
              loading="lazy"
            />
          </a>
          <span>{ph.caption}</span>
        </li>
      ))}
    </ul>
  );
}
