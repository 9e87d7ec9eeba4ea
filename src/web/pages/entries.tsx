import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import ical from 'ical-generator';
import {
  ENTRY_TYPES,
  WITH_SUBJECTS,
  entryPath,
  isEntryType,
  parseSubjects,
  type Entry,
  type EntrySubjectType,
  type EntryType,
} from '../../domain/entries.js';
import { NotFoundError, ValidationError, type Problem } from '../../domain/errors.js';
import type { Organization } from '../../domain/organizations.js';
import { effectiveFacts } from '../../domain/places.js';
import type { EntriesService } from '../../services/entries.js';
import type { NotifyService } from '../../services/notify.js';
import type { OrgsService } from '../../services/orgs.js';
import type { Subjects } from '../../store/entries-repo.js';
import type { Store } from '../../store/store.js';
import { idParam } from '../site.js';
import { csrfToken, signInFirst } from '../auth.js';
import { EntryFields, formValues, type FormValues, type SubjectOption } from '../views/entry-form.js';
import { CHOICE_LABELS, ENTRY_LABELS } from '../views/entry-labels.js';
import {
  EntryLog,
  Gallery,
  orgsOf,
  entryDatetime,
  entryWhen,
  money,
  subjectLinks,
  type SubjectLink,
} from '../views/entry-view.js';
import { numberFormat } from '../views/format.js';
import { localName, type Lang } from '../views/i18n.js';
import { Pager, href, html, pageFor } from '../views/layout.js';
import { placePath } from '../views/links.js';
import { renderMarkdown } from '../views/markdown.js';
import { EditLink, Notice, PostForm, Problems } from '../views/post-form.js';
import { RevisionLog } from '../views/revisions.js';
import { FollowForm, PhotoForm } from './community.js';

const T = {
  en: {
    manage: 'Manage',
    edit: (what: string) => `Edit: ${what}`,
    add: 'Add',
    save: 'Save',
    saved: 'Saved.',
    deleted: 'Deleted.',
    del: 'Delete',
    cannot: 'That did not work',
    about: 'About',
    aboutField: 'What it is about',
    none: 'Nothing yet.',
    history: 'History',
    news: 'News',
    allNews: 'News from every program',
    newsIntro: 'What sister-city programs publish: news and articles about their places and partners.',
    events: 'Upcoming events',
    eventsIntro:
      'Events of sister-city programs that have not ended yet, soonest first. Times are local to each event.',
    feed: 'Atom feed',
    calendar: 'Calendar (iCalendar)',
    older: 'Older',
    venue: 'Venue',
    when: 'When',
    participants: 'Participants',
    outcome: 'Outcome',
    amount: 'Amount',
    seeking: 'Seeking participants',
    contactTo: 'To take part, contact',
    people: 'People',
    committees: 'Committees',
    institutions: 'Partner institutions',
    memberships: 'Memberships',
    activities: 'Activities',
    since: (y: string) => `since ${y}`,
    home: 'Home',
    byOrg: 'Published by',
    contact: 'Contact',
    organizations: 'Organizations',
    noOrgs: 'No organization yet.',
    addToCalendar: 'Add to a calendar (.ics)',
    back: 'Back',
    published: 'Published',
    allActivities: 'Activities of every program',
    activitiesIntro:
      'Delegations, exchanges, programs, festivals, conferences and business outcomes that sister-city programs recorded, newest first.',
    activitiesAbout: (x: string) => `Activities about ${x}`,
    newsAbout: (x: string) => `News about ${x}`,
    activityCount: (n: string) => (n === '1' ? '1 activity' : `${n} activities`),
    postCount: (n: string) => (n === '1' ? '1 post' : `${n} posts`),
    backTo: (x: string) => `Back to ${x}`,
    newer: 'Newer',
  },
  zh: {
    manage: '管理',
    edit: (what: string) => `编辑：${what}`,
    add: '添加',
    save: '保存',
    saved: '已保存。',
    deleted: '已删除。',
    del: '删除',
    cannot: '未能完成',
    about: '相关',
    aboutField: '相关地方与友好关系',
    none: '暂无。',
    history: '修订历史',
    news: '新闻',
    allNews: '各友城项目的新闻',
    newsIntro: '各友城项目发布的新闻和文章。',
    events: '近期活动日程',
    eventsIntro: '尚未结束的友城活动，按时间先后排列，时间为当地时间。',
    feed: 'Atom 订阅',
    calendar: '日历（iCalendar）',
    older: '更早',
    venue: '地点',
    when: '时间',
    participants: '参加者',
    outcome: '成果',
    amount: '金额',
    seeking: '招募参加者',
    contactTo: '报名请联系',
    people: '人员',
    committees: '委员会',
    institutions: '合作机构',
    memberships: '会员资格',
    activities: '交流活动',
    since: (y: string) => `${y}年加入`,
    home: '所在地',
    byOrg: '发布机构',
    contact: '联系方式',
    organizations: '机构',
    noOrgs: '尚无机构。',
    addToCalendar: '添加到日历（.ics）',
    back: '返回',
    published: '发布时间',
    allActivities: '各友城项目的交流活动',
    activitiesIntro: '各友城项目记录的代表团、交流、项目、节庆、会议和经贸成果，由近及远排列。',
    activitiesAbout: (x: string) => `与${x}相关的交流活动`,
    newsAbout: (x: string) => `与${x}相关的新闻`,
    activityCount: (n: string) => `共${n}项交流活动`,
    postCount: (n: string) => `共${n}篇`,
    backTo: (x: string) => `返回${x}`,
    newer: '较新',
  },
};

type Body = Record<string, unknown>;
const cached = { config: { cache: true } };

/** Organizations' entries: the editors' forms and history, the public pages, the news feed and the calendar. */
export function entryPages(
  app: FastifyInstance,
  deps: {
    store: Store;
    entries: EntriesService;
    orgs: OrgsService;
    notify: NotifyService;
    publicUrl: string;
    /** the comments under a post, with the form to write one */
    comments: (req: FastifyRequest, reply: FastifyReply, post: Entry) => Promise<unknown>;
  },
): void {
  const { store, entries, orgs } = deps;

  /**
   * What a list is about, from `?about=place:Q…`, `twinning:12` or `country:CN`: a place together with its ties,
   * as on its page. Undefined without a filter; "not found" for something that is not there.
   */
  async function listAbout(
    about: string | undefined,
    lang: Lang,
  ): Promise<{ subjects: Subjects; link: SubjectLink } | undefined> {
    if (!about) return undefined;
    const missing = () =>
      new NotFoundError(
        `There is nothing to list about "${about}": use place:ID, twinning:NUMBER or country:CODE.`,
      );
    const m = /^(place|twinning|country):([\w-]{1,60})$/.exec(about);
    if (!m || (m[1] === 'twinning' && !/^\d{1,12}$/.test(m[2]!))) throw missing();
    const type = m[1] as EntrySubjectType;
    const id = m[2]!;
    const link = (await subjectLinks(store, [{ type, id }], lang)).get(`${type}:${id}`);
    if (!link) throw missing();
    if (type !== 'place') return { subjects: [{ type, ids: [id] }], link };
    const ties = (await store.twinnings.forPlace(id)).map((x) => String(x.twinning.id));
    return {
      subjects: [
        { type: 'place', ids: [id] },
        { type: 'twinning', ids: ties },
      ],
      link,
    };
  }

  /** What an organization's editors may tie entries to: its home, its ties, the partners and their countries. */
  async function subjectOptions(org: Organization, lang: Lang): Promise<SubjectOption[]> {
    if (!org.homeId) return [];
    const home = await store.places.get(org.homeId);
    if (!home) return [];
    const homeName = localName(home, lang);
    const partners = await store.twinnings.forPlace(home.id);
    const countries = new Set(partners.map((p) => p.partner.country).filter((c): c is string => !!c));
    const countryPlaces = await store.places.getMany([...countries]);
    return [
      { value: `place:${home.id}`, label: homeName },
      ...partners.map((p) => ({
        value: `twinning:${p.twinning.id}`,
        label: `${homeName} – ${localName(p.partner, lang)}`,
      })),
      ...partners.map((p) => ({ value: `place:${p.partner.id}`, label: localName(p.partner, lang) })),
      ...[...countryPlaces.values()].map((c) => ({ value: `country:${c.id}`, label: localName(c, lang) })),
    ];
  }

  /** The organization's people and institutions, to name as an activity's participants. */
  async function refOptions(org: Organization) {
    const [people, institutions] = await Promise.all([
      store.entries.ofOrg(org.id, 'person'),
      store.entries.ofOrg(org.id, 'institution'),
    ]);
    const opt = (e: Entry) => ({ value: String(e.id), label: e.title });
    return { people: people.map(opt), institutions: institutions.map(opt) };
  }

  async function committeeOptions(org: Organization): Promise<SubjectOption[]> {
    return (await store.entries.ofOrg(org.id, 'committee')).map((c) => ({
      value: String(c.id),
      label: c.title,
    }));
  }

  async function managed(req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
    const actor = signInFirst(req, reply);
    if (!actor) return null;
    const org = await orgs.get(req.params.slug);
    orgs.can.requireEditor(actor, org);
    return { actor, org };
  }

  function typeOf(text: string): EntryType {
    if (!isEntryType(text))
      throw new NotFoundError(`"${text}" is not a kind of entry; use one of ${ENTRY_TYPES.join(', ')}.`);
    return text;
  }

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    org: Organization,
    type: EntryType,
    entry: Entry | null,
    v: {
      values?: FormValues;
      chosen?: string[];
      problems?: Problem[];
      notice?: string;
    },
  ) {
    const t = T[req.lang];
    const l = ENTRY_LABELS[req.lang][type];
    const title = entry ? t.edit(entry.title) : `${l.add} · ${org.name}`;
    const home = org.homeId ? await store.places.get(org.homeId) : undefined;
    const defaults: Record<string, string | boolean> =
      type === 'event' && home
        ? { timezone: effectiveFacts(home, null).timezone ?? '' }
        : type === 'post'
          ? { kind: 'news' }
          : {};
    const values = v.values ?? (entry ? formValues(entry) : defaults);
    const chosen =
      v.chosen ??
      (entry
        ? entry.subjects.map((s) => `${s.type}:${s.id}`)
        : home && WITH_SUBJECTS.includes(type)
          ? [`place:${home.id}`]
          : []);
    const action = entry ? `/entries/${entry.id}/edit` : `/orgs/${org.slug}/entries/${type}/new`;
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(`/orgs/${org.slug}/entries/${type}`, req.lang)}>{l.many}</a>
              {entry && (
                <>
                  {' · '}
                  <a href={href(`/entries/${entry.id}/history`, req.lang)}>{t.history}</a>
                  {' · '}
                  <a href={href(entryPath(entry, org.slug), req.lang)}>{t.back}</a>
                </>
              )}
            </p>
            <h1>{title}</h1>
            {v.notice && <Notice>{v.notice}</Notice>}
            <Problems
              title={t.cannot}
              messages={(v.problems ?? []).map((p) =>
                p.column
                  ? `${ENTRY_LABELS[req.lang][type].fields[p.column]?.label ?? p.column}: ${p.message}`
                  : p.message,
              )}
            />
            <PostForm action={href(action, req.lang)} csrf={csrfToken(req, reply)} class="stack wide">
              <EntryFields
                type={type}
                lang={req.lang}
                values={values}
                problems={v.problems ?? []}
                subjects={await subjectOptions(org, req.lang)}
                chosen={chosen}
                committees={await committeeOptions(org)}
                refs={type === 'activity' ? await refOptions(org) : { people: [], institutions: [] }}
                aboutLabel={t.aboutField}
              />
              <button type="submit">{t.save}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  /** The fields of a posted entry form, as text (checkboxes "on"); subjects as a list. */
  function posted(body: unknown): { raw: Record<string, unknown>; chosen: string[] } {
    const b = (body ?? {}) as Body;
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(b)) {
      if (k === '_csrf' || k === 'subjects') continue;
      if (typeof v === 'string') raw[k] = v;
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) raw[k] = v;
    }
    const s = b.subjects;
    const chosen = (Array.isArray(s) ? s : s === undefined ? [] : [s]).filter(
      (x): x is string => typeof x === 'string',
    );
    return { raw, chosen };
  }

  function problemList(e: unknown): Problem[] {
    return e instanceof ValidationError && e.problems.length
      ? e.problems
      : [{ message: (e as Error).message }];
  }

  async function saveFrom(
    req: FastifyRequest<{ Body: Body }>,
    reply: FastifyReply,
    org: Organization,
    type: EntryType,
    entry: Entry | null,
    actor: Parameters<EntriesService['save']>[0],
  ) {
    const { raw, chosen } = posted(req.body);
    try {
      const id = await entries.save(actor, org, type, entry?.id ?? null, raw, parseSubjects(chosen));
      return reply.redirect(href(`/entries/${id}/edit`, req.lang, { done: 'saved' }), 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      reply.code(400);
      const values: FormValues = {};
      for (const [k, v] of Object.entries(raw)) values[k] = Array.isArray(v) ? v.map(String) : String(v);
      return formPage(req, reply, org, type, entry, { values, chosen, problems: problemList(e) });
    }
  }

  // The editors' list of one type of entry
  app.get<{ Params: { slug: string; type: string }; Querystring: { done?: string } }>(
    '/orgs/:slug/entries/:type',
    async (req, reply) => {
      const m = await managed(req, reply);
      if (!m) return reply;
      const type = typeOf(req.params.type);
      const t = T[req.lang];
      const l = ENTRY_LABELS[req.lang][type];
      const list = await store.entries.ofOrg(m.org.id, type);
      const csrf = csrfToken(req, reply);
      return html(reply).send(
        pageFor(req, {
          title: `${l.many} · ${m.org.name}`,
          children: (
            <>
              <p>
                <a href={href(`/orgs/${m.org.slug}/manage`, req.lang)}>
                  {t.manage}: {m.org.name}
                </a>
              </p>
              <h1>{`${l.many} · ${m.org.name}`}</h1>
              {req.query.done === 'deleted' && <Notice>{t.deleted}</Notice>}
              <p>
                <a class="button" href={href(`/orgs/${m.org.slug}/entries/${type}/new`, req.lang)}>
                  {l.add}
                </a>
              </p>
              {list.length ? (
                <ul class="log">
                  {list.map((e) => (
                    <li>
                      {e.startsAt && <time datetime={entryDatetime(e)}>{entryWhen(e, req.lang)}</time>}{' '}
                      <a href={href(`/entries/${e.id}/edit`, req.lang)}>{e.title}</a>{' '}
                      <PostForm action={href(`/entries/${e.id}/delete`, req.lang)} csrf={csrf} class="inline">
                        <button type="submit" class="link">
                          {t.del}
                          <span class="visually-hidden"> {e.title}</span>
                        </button>
                      </PostForm>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t.none}</p>
              )}
            </>
          ),
        }),
      );
    },
  );

  app.get<{ Params: { slug: string; type: string } }>('/orgs/:slug/entries/:type/new', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    return formPage(req, reply, m.org, typeOf(req.params.type), null, {});
  });

  app.post<{ Params: { slug: string; type: string }; Body: Body }>(
    '/orgs/:slug/entries/:type/new',
    async (req, reply) => {
      const m = await managed(req, reply);
      if (!m) return reply;
      return saveFrom(req, reply, m.org, typeOf(req.params.type), null, m.actor);
    },
  );

  async function editable(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const actor = signInFirst(req, reply);
    if (!actor) return null;
    const id = idParam(req.params.id, `There is no entry ${req.params.id}.`);
    const { entry, org } = await entries.requireEditorOf(actor, id);
    return { actor, entry, org };
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/entries/:id/edit',
    async (req, reply) => {
      const e = await editable(req, reply);
      if (!e) return reply;
      const t = T[req.lang];
      return formPage(req, reply, e.org, e.entry.type, e.entry, {
        notice: req.query.done === 'saved' ? t.saved : req.query.done === 'restored' ? t.saved : undefined,
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>('/entries/:id/edit', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    return saveFrom(req, reply, e.org, e.entry.type, e.entry, e.actor);
  });

  app.post<{ Params: { id: string } }>('/entries/:id/delete', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    await entries.remove(e.actor, e.entry.id);
    return reply.redirect(
      href(`/orgs/${e.org.slug}/entries/${e.entry.type}`, req.lang, { done: 'deleted' }),
      303,
    );
  });

  app.get<{ Params: { id: string } }>('/entries/:id/history', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    const t = T[req.lang];
    const { revisions } = await entries.history(e.actor, e.entry.id);
    const csrf = csrfToken(req, reply);
    const title = `${t.history}: ${e.entry.title}`;
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(`/entries/${e.entry.id}/edit`, req.lang)}>{t.edit(e.entry.title)}</a>
            </p>
            <h1>{title}</h1>
            <RevisionLog
              revisions={revisions}
              lang={req.lang}
              csrf={csrf}
              restorePath={(r) => `/entries/restore/${r.id}`}
            >
              {(r) => {
                const snap = JSON.parse(r.data) as { title: string; data: Record<string, unknown> };
                return (
                  <details>
                    <summary>{snap.title}</summary>
                    <dl class="facts">
                      {Object.entries(snap.data)
                        .filter(([, v]) => v !== null && v !== '' && v !== false)
                        .map(([k, v]) => (
                          <>
                            <dt>{ENTRY_LABELS[req.lang][e.entry.type].fields[k]?.label ?? k}</dt>
                            <dd class="pre">
                              {typeof v === 'object' && v && 'date' in v
                                ? String((v as { date: string }).date)
                                : Array.isArray(v)
                                  ? v.join('\n')
                                  : String(v)}
                            </dd>
                          </>
                        ))}
                    </dl>
                  </details>
                );
              }}
            </RevisionLog>
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { rev: string } }>('/entries/restore/:rev', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const rev = idParam(req.params.rev, `There is no revision ${req.params.rev}.`);
    const entry = await entries.restore(actor, rev);
    return reply.redirect(href(`/entries/${entry.id}/edit`, req.lang, { done: 'restored' }), 303);
  });

  // ---- Public pages ----

  /** One post, event or activity, with what it is about and who published it. */
  async function entryPage(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    type: EntryType,
    extra?: (e: Entry, org: Organization) => Promise<unknown>,
  ) {
    const t = T[req.lang];
    const missing = `There is no ${ENTRY_LABELS.en[type].one} ${req.params.id}.`;
    const entry = await store.entries.get(idParam(req.params.id, missing));
    if (!entry || entry.type !== type) throw new NotFoundError(missing);
    const org = (await store.orgs.byId(entry.orgId))!;
    const about = [...(await subjectLinks(store, entry.subjects, req.lang)).values()];
    const d = entry.data;
    const lang = req.lang;
    const mayEdit = req.actor ? orgs.can.isEditorOf(req.actor, org.id) : false;
    const body = type === 'post' ? d.body : type === 'event' ? d.description : d.summary;
    const photos = await store.photos.of('entry', [String(entry.id)]);
    // participants: the organization's people and institutions named, then the other names
    const refIds = [
      ...(Array.isArray(d.people) ? d.people : []),
      ...(Array.isArray(d.institutions) ? d.institutions : []),
    ];
    const refs = (await Promise.all(refIds.map((id) => store.entries.get(Number(id))))).filter(
      (x): x is Entry => !!x && x.orgId === org.id,
    );
    const participants = [
      ...refs.map((r) =>
        r.type === 'person' ? (
          <>
            {r.title}
            {r.data.position ? `, ${String(r.data.position)}` : ''}
          </>
        ) : r.data.url ? (
          <a href={String(r.data.url)} rel="external nofollow">
            {r.title}
          </a>
        ) : (
          <>{r.title}</>
        ),
      ),
      ...(Array.isArray(d.participants) ? d.participants.map((x) => <>{x}</>) : []),
    ];
    return html(reply).send(
      pageFor(req, {
        title: entry.title,
        description: typeof d.summary === 'string' && type === 'post' ? d.summary : undefined,
        children: (
          <>
            <article>
              <p class="muted">
                {type === 'post' ? t.news : ENTRY_LABELS[lang][type].many} ·{' '}
                <a href={href(`/orgs/${org.slug}`, lang)}>{org.name}</a>
              </p>
              <h1>{entry.title}</h1>
              {mayEdit && (
                <EditLink href={href(`/entries/${entry.id}/edit`, lang)} label={`${t.edit(entry.title)}`} />
              )}
              <dl class="facts card">
                <dt>{type === 'post' ? t.published : t.when}</dt>
                <dd>
                  <time datetime={entryDatetime(entry)}>{entryWhen(entry, lang)}</time>
                  {type === 'event' && (
                    <>
                      {' · '}
                      <a href={`/events/${entry.id}.ics`}>{t.addToCalendar}</a>
                    </>
                  )}
                </dd>
                {d.kind && type === 'activity' && (
                  <>
                    <dt>{ENTRY_LABELS[lang].activity.fields.kind!.label}</dt>
                    <dd>{CHOICE_LABELS[lang][String(d.kind)]}</dd>
                  </>
                )}
                {d.venue && (
                  <>
                    <dt>{t.venue}</dt>
                    <dd>{String(d.venue)}</dd>
                  </>
                )}
                {about.length > 0 && (
                  <>
                    <dt>{t.about}</dt>
                    <dd>
                      {about.map((s: SubjectLink, i) => (
                        <>
                          {i > 0 && ', '}
                          <a href={href(s.path, lang)}>{s.label}</a>
                        </>
                      ))}
                    </dd>
                  </>
                )}
                {participants.length > 0 && (
                  <>
                    <dt>{t.participants}</dt>
                    <dd>
                      <ul>
                        {participants.map((x) => (
                          <li>{x}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {d.outcome && (
                  <>
                    <dt>{t.outcome}</dt>
                    <dd>{String(d.outcome)}</dd>
                  </>
                )}
                {typeof d.amount === 'number' && d.currency && (
                  <>
                    <dt>{t.amount}</dt>
                    <dd>{money(d.amount, String(d.currency), lang)}</dd>
                  </>
                )}
              </dl>
              {d.seeking && (
                <p class="notice">
                  <strong>{t.seeking}.</strong> {t.contactTo}: {String(d.contact ?? '')}
                </p>
              )}
              {typeof body === 'string' && body && (
                <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
              )}
              <Gallery photos={photos} />
              {mayEdit && <PhotoForm req={req} reply={reply} subject={`entry:${entry.id}`} />}
            </article>
            {extra && (await extra(entry, org))}
          </>
        ),
      }),
    );
  }

  app.get<{ Params: { id: string } }>('/events/:id', cached, async (req, reply) => {
    const ics = /^(\d{1,12})\.ics$/.exec(req.params.id);
    if (ics) {
      const e = await store.entries.get(Number(ics[1]));
      if (!e || e.type !== 'event') throw new NotFoundError(`There is no event ${ics[1]}.`);
      return sendCalendar(reply, e.title, [e], await orgsOf(store, [e]));
    }
    return entryPage(req, reply, 'event');
  });
  app.get<{ Params: { id: string } }>('/activities/:id', cached, async (req, reply) =>
    entryPage(req, reply, 'activity'),
  );
  app.get<{ Params: { id: string } }>('/news/:id', cached, async (req, reply) =>
    entryPage(req, reply, 'post', async (e) => deps.comments(req, reply, e)),
  );

  const PER_PAGE = { post: 20, activity: 50 } as const;

  /** News or activities, newest first, a page at a time: of every program, or about a place, tie or country. */
  async function entryListPage(
    req: FastifyRequest<{ Querystring: { about?: string; page?: string } }>,
    reply: FastifyReply,
    type: 'post' | 'activity',
  ) {
    const t = T[req.lang];
    const lang = req.lang;
    const per = PER_PAGE[type];
    const pageNo = Math.max(1, Math.min(10_000, Number(req.query.page) || 1));
    const about = await listAbout(req.query.about, lang);
    const [list, total] = await Promise.all([
      store.entries.latest([type], { limit: per, offset: (pageNo - 1) * per, about: about?.subjects }),
      store.entries.count([type], about?.subjects),
    ]);
    const subjects = await subjectLinks(
      store,
      list.flatMap((e) => e.subjects),
      lang,
    );
    const news = type === 'post';
    const title = about
      ? (news ? t.newsAbout : t.activitiesAbout)(about.link.label)
      : news
        ? t.allNews
        : t.allActivities;
    const count = numberFormat(lang).format(total);
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <h1>{title}</h1>
            {about ? (
              <p>
                <a href={href(about.link.path, lang)}>{t.backTo(about.link.label)}</a>
              </p>
            ) : (
              <p>{news ? t.newsIntro : t.activitiesIntro}</p>
            )}
            {news && (
              <p class="downloads">
                <a href={href('/news.atom', 'en', { about: req.query.about })} type="application/atom+xml">
                  {t.feed}
                </a>
              </p>
            )}
            <p class="muted">{news ? t.postCount(count) : t.activityCount(count)}</p>
            {list.length ? (
              <EntryLog
                entries={list}
                orgs={await orgsOf(store, list)}
                lang={lang}
                subjects={subjects}
                aboutLabel={t.about}
              />
            ) : (
              <p>{t.none}</p>
            )}
            <Pager
              lang={lang}
              path={news ? '/news' : '/activities'}
              query={{ about: req.query.about }}
              page={pageNo}
              hasNext={pageNo * per < total}
              prev={t.newer}
              next={t.older}
            />
          </>
        ),
      }),
    );
  }

  app.get<{ Querystring: { about?: string; page?: string } }>('/news', cached, (req, reply) =>
    entryListPage(req, reply, 'post'),
  );
  app.get<{ Querystring: { about?: string; page?: string } }>('/activities', cached, (req, reply) =>
    entryListPage(req, reply, 'activity'),
  );

  app.get('/events', cached, async (req, reply) => {
    const t = T[req.lang];
    const list = await store.entries.upcoming(new Date().toISOString(), { limit: 100 });
    const subjects = await subjectLinks(
      store,
      list.flatMap((e) => e.subjects),
      req.lang,
    );
    return html(reply).send(
      pageFor(req, {
        title: t.events,
        children: (
          <>
            <h1>{t.events}</h1>
            <p>{t.eventsIntro}</p>
            <p class="downloads">
              <a href="/events.ics" type="text/calendar">
                {t.calendar}
              </a>
            </p>
            {list.length ? (
              <EntryLog
                entries={list}
                orgs={await orgsOf(store, list)}
                lang={req.lang}
                subjects={subjects}
                aboutLabel={t.about}
              />
            ) : (
              <p>{t.none}</p>
            )}
          </>
        ),
      }),
    );
  });

  // ---- Feeds ----

  async function sendAtom(
    reply: FastifyReply,
    title: string,
    selfPath: string,
    pagePath: string,
    list: Entry[],
  ) {
    const publishers = await orgsOf(store, list);
    const base = deps.publicUrl;
    const feed = new Feed({
      title,
      id: `${base}${selfPath}`,
      link: `${base}${pagePath}`,
      language: 'en',
      updated: list[0] ? new Date(list[0].updatedAt) : new Date(0),
      feedLinks: { atom: `${base}${selfPath}` },
      copyright: '',
      generator: 'Twinning',
    });
    for (const e of list) {
      const org = publishers.get(e.orgId);
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
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  }

  app.get<{ Querystring: { about?: string } }>('/news.atom', cached, async (req, reply) => {
    const about = await listAbout(req.query.about, 'en');
    const query = about ? `?about=${encodeURIComponent(req.query.about!)}` : '';
    return sendAtom(
      reply,
      about ? `Twinning: news about ${about.link.label}` : 'Twinning: news from sister-city programs',
      `/news.atom${query}`,
      `/news${query}`,
      await store.entries.latest(['post'], { limit: 50, about: about?.subjects }),
    );
  });

  function sendCalendar(
    reply: FastifyReply,
    name: string,
    list: Entry[],
    publishers: Map<number, Organization>,
  ) {
    const cal = ical({ name, prodId: { company: 'Twinning', product: 'events', language: 'EN' } });
    for (const e of list) {
      if (!e.startsAt) continue;
      const org = publishers.get(e.orgId);
      cal.createEvent({
        id: `event-${e.id}@twinning`,
        start: new Date(e.startsAt),
        end: new Date(e.endsAt ?? new Date(Date.parse(e.startsAt) + 3_600_000).toISOString()),
        summary: e.title,
        description: [
          org ? `${org.name}.` : '',
          typeof e.data.description === 'string' ? e.data.description : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        location: typeof e.data.venue === 'string' ? e.data.venue : undefined,
        url: `${deps.publicUrl}/events/${e.id}`,
        lastModified: new Date(e.updatedAt),
        stamp: new Date(e.updatedAt),
      });
    }
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="events.ics"`)
      .send(cal.toString());
  }

  app.get('/events.ics', cached, async (_req, reply) => {
    const list = await store.entries.upcoming(new Date(Date.now() - 30 * 86_400_000).toISOString(), {
      limit: 500,
    });
    return sendCalendar(reply, 'Twinning: sister-city events', list, await orgsOf(store, list));
  });

  // ---- Organizations ----

  app.get('/orgs', cached, async (req, reply) => {
    const t = T[req.lang];
    const list = await store.orgs.list();
    return html(reply).send(
      pageFor(req, {
        title: t.organizations,
        children: (
          <>
            <h1>{t.organizations}</h1>
            {list.length ? (
              <ul class="cards">
                {list.map((o) => (
                  <li>
                    <a class="title" href={href(`/orgs/${o.slug}`, req.lang)}>
                      {o.name}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.noOrgs}</p>
            )}
          </>
        ),
      }),
    );
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug', cached, async (req, reply) => {
    const feed = /^(.+)\.(atom|ics)$/.exec(req.params.slug);
    if (feed) {
      const org = await orgs.get(feed[1]!);
      if (feed[2] === 'atom')
        return sendAtom(
          reply,
          `${org.name}: news`,
          `/orgs/${org.slug}.atom`,
          `/orgs/${org.slug}`,
          await store.entries.latest(['post'], { limit: 50, orgId: org.id }),
        );
      const list = await store.entries.upcoming(new Date(Date.now() - 30 * 86_400_000).toISOString(), {
        limit: 500,
        orgId: org.id,
      });
      return sendCalendar(reply, `${org.name}: events`, list, new Map([[org.id, org]]));
    }
    const t = T[req.lang];
    const lang = req.lang;
    const org = await orgs.get(req.params.slug);
    const home = org.homeId ? await store.places.get(org.homeId) : undefined;
    const [news, events, activities, committees, people, institutions, memberships] = await Promise.all([
      store.entries.latest(['post'], { limit: 10, orgId: org.id }),
      store.entries.upcoming(new Date().toISOString(), { limit: 20, orgId: org.id }),
      store.entries.latest(['activity'], { limit: 30, orgId: org.id }),
      store.entries.ofOrg(org.id, 'committee'),
      store.entries.ofOrg(org.id, 'person'),
      store.entries.ofOrg(org.id, 'institution'),
      store.entries.ofOrg(org.id, 'membership'),
    ]);
    const publishers = new Map([[org.id, org]]);
    const subjects = await subjectLinks(
      store,
      [...news, ...events, ...activities].flatMap((e) => e.subjects),
      lang,
    );
    const countries = await store.places.getMany(committees.map((c) => String(c.data.country)));
    const instPlaces = await store.places.getMany(
      institutions.map((i) => String(i.data.place ?? '')).filter(Boolean),
    );
    const mayManage = req.actor && orgs.can.isEditorOf(req.actor, org.id);
    /** One of the organization's dated lists, with its feed. */
    const log = (
      id: string,
      title: string,
      list: Entry[],
      feed?: { href: string; type: string; label: string },
    ) => (
      <section aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        {list.length ? (
          <EntryLog entries={list} orgs={publishers} lang={lang} subjects={subjects} aboutLabel={t.about} />
        ) : (
          <p>{t.none}</p>
        )}
        {feed && (
          <p class="downloads">
            <a href={feed.href} type={feed.type}>
              {feed.label}
            </a>
          </p>
        )}
      </section>
    );
    const role = (p: Entry) =>
      [CHOICE_LABELS[lang][String(p.data.role)], p.data.position].filter(Boolean).join(', ');
    return html(reply).send(
      pageFor(req, {
        title: org.name,
        children: (
          <>
            <h1>{org.name}</h1>
            <p class="lead">
              {home && (
                <>
                  {t.home}: <a href={href(placePath(home), lang)}>{localName(home, lang)}</a>
                </>
              )}
            </p>
            {mayManage && <EditLink href={href(`/orgs/${org.slug}/manage`, lang)} label={t.manage} />}
            {org.about && <p class="prose">{org.about}</p>}
            <FollowForm
              req={req}
              reply={reply}
              targetType="org"
              targetId={String(org.id)}
              following={await deps.notify.following(req.actor, 'org', String(org.id))}
            />
            <div class="grid2">
              {log('h-news', t.news, news, {
                href: `/orgs/${org.slug}.atom`,
                type: 'application/atom+xml',
                label: t.feed,
              })}
              {log('h-events', t.events, events, {
                href: `/orgs/${org.slug}.ics`,
                type: 'text/calendar',
                label: t.calendar,
              })}
            </div>
            {log('h-activities', t.activities, activities)}
            {people.length > 0 && (
              <section aria-labelledby="h-people">
                <h2 id="h-people">{t.people}</h2>
                <ul class="cards">
                  {people.map((p) => (
                    <li>
                      <span class="title">{p.title}</span>
                      {role(p)}
                      {p.data.committee ? (
                        <> · {committees.find((c) => c.id === p.data.committee)?.title}</>
                      ) : null}
                      {p.data.public && (p.data.email || p.data.phone) ? (
                        <span class="contact">
                          {p.data.email && (
                            <>
                              <br />
                              <a href={`mailto:${String(p.data.email)}`}>{String(p.data.email)}</a>
                            </>
                          )}
                          {p.data.phone && (
                            <>
                              <br />
                              <a href={`tel:${String(p.data.phone).replace(/[^+\d]/g, '')}`}>
                                {String(p.data.phone)}
                              </a>
                            </>
                          )}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {committees.length > 0 && (
              <section aria-labelledby="h-committees">
                <h2 id="h-committees">{t.committees}</h2>
                <ul>
                  {committees.map((c) => {
                    const country = countries.get(String(c.data.country));
                    return (
                      <li>
                        <strong>{c.title}</strong>
                        {country && (
                          <>
                            {' · '}
                            <a href={href(placePath(country), lang)}>{localName(country, lang)}</a>
                          </>
                        )}
                        {c.data.about && <> — {String(c.data.about)}</>}
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
            {institutions.length > 0 && (
              <section aria-labelledby="h-inst">
                <h2 id="h-inst">{t.institutions}</h2>
                <ul>
                  {institutions.map((i) => {
                    const place = instPlaces.get(String(i.data.place ?? ''));
                    return (
                      <li>
                        {i.data.url ? (
                          <a href={String(i.data.url)} rel="external nofollow">
                            {i.title}
                          </a>
                        ) : (
                          i.title
                        )}{' '}
                        ({CHOICE_LABELS[lang][String(i.data.kind)]}
                        {place && (
                          <>
                            {', '}
                            <a href={href(placePath(place), lang)}>{localName(place, lang)}</a>
                          </>
                        )}
                        )
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
            {memberships.length > 0 && (
              <section aria-labelledby="h-memberships">
                <h2 id="h-memberships">{t.memberships}</h2>
                <ul>
                  {memberships.map((m) => (
                    <li>
                      {m.data.url ? (
                        <a href={String(m.data.url)} rel="external nofollow">
                          {m.title}
                        </a>
                      ) : (
                        m.title
                      )}
                      , {t.since(String(m.data.since))}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        ),
      }),
    );
  });
}
