import { Feed } from 'feed';
import { compile } from 'html-to-text';
import ical from 'ical-generator';
import type { FeedView } from '../../services/entry-views.js';
import { messages } from '../i18n/index.js';
import { renderMarkdown } from './markdown.js';
import { subjectLink } from './program.js';

// Feeds are read by programs for every reader at once: they are written in English, and their addresses are
// the site's public ones.

/** Markdown as plain text for calendars: rendered as the pages render it, then read as text. */
const asText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ...['h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

export function markdownText(markdown: string): string {
  return asText(renderMarkdown(markdown)).trim();
}

/** The Atom feed of news: of every program, about something, or of one organization. */
export function atomFeed(f: FeedView, base: string): string {
  const t = messages('en');
  const query = f.about ? `?about=${encodeURIComponent(f.about.key)}` : '';
  const self = f.org ? `/orgs/${f.org.slug}.atom` : `/news.atom${query}`;
  const title = f.org
    ? t.orgs.feedTitle(f.org.name)
    : f.about
      ? t.posts.feedAbout(subjectLink(f.about.ref, 'en').label)
      : t.posts.feedTitle;
  const page = f.org ? `/orgs/${f.org.slug}` : `/news${query}`;
  const feed = new Feed({
    title,
    id: `${base}${self}`,
    link: `${base}${page}`,
    language: 'en',
    updated: f.entries[0] ? new Date(f.entries[0].updatedAt) : new Date(0),
    feedLinks: { atom: `${base}${self}` },
    copyright: '',
    generator: 'Twinning',
  });
  for (const e of f.entries) {
    const org = f.orgs.get(e.orgId);
    feed.addItem({
      title: e.title,
      id: `${base}/news/${e.id}`,
      link: `${base}/news/${e.id}`,
      date: new Date(e.updatedAt),
      published: new Date(e.startsAt ?? e.createdAt),
      description: typeof e.data.summary === 'string' ? e.data.summary : undefined,
      content: renderMarkdown(String(e.data.body ?? '')),
      author: org ? [{ name: org.name, link: `${base}/orgs/${org.slug}` }] : undefined,
    });
  }
  return feed.atom1();
}

/** An iCalendar of events: each with its publisher and description as plain text, its venue and page. */
export function calendar(f: FeedView, base: string, one = false): string {
  const t = messages('en');
  const name =
    one && f.entries[0]
      ? f.entries[0].title
      : f.org
        ? t.orgs.calendarTitle(f.org.name)
        : t.events.calendarTitle;
  const cal = ical({ name, prodId: { company: 'Twinning', product: 'events', language: 'EN' } });
  for (const e of f.entries) {
    if (!e.startsAt) continue;
    const org = f.orgs.get(e.orgId);
    const description = typeof e.data.description === 'string' ? markdownText(e.data.description) : '';
    cal.createEvent({
      id: `event-${e.id}@twinning`,
      start: new Date(e.startsAt),
      end: new Date(e.endsAt ?? new Date(Date.parse(e.startsAt) + 3_600_000).toISOString()),
      summary: e.title,
      description: [org ? t.events.by(org.name) : '', description].filter(Boolean).join('\n\n'),
      location: typeof e.data.venue === 'string' ? e.data.venue : undefined,
      url: `${base}/events/${e.id}`,
      lastModified: new Date(e.updatedAt),
      stamp: new Date(e.updatedAt),
    });
  }
  return cal.toString();
}
