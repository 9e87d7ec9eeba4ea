import type { FastifyInstance } from 'fastify';
import { isCountryCode } from '../../domain/countries.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Place } from '../../domain/places.js';
import { TIE_SECTIONS } from '../../domain/sections.js';
import { TWINNING_KINDS, TWINNING_STATUSES, type Twinning } from '../../domain/twinnings.js';
import type { PlacesService } from '../../services/places.js';
import { bySubject } from '../../services/content.js';
import type { Store } from '../../store/store.js';
import type { TwinningFilters } from '../../store/twinnings-repo.js';
import { siteAssets } from '../assets.js';
import { TiesMap } from '../views/charts.js';
import { LangField, SelectField } from '../views/forms.js';
import { KIND_LABELS, STATUS_LABELS, formatDate, localName, messages, type Lang } from '../views/i18n.js';
import { EditLink } from '../views/post-form.js';
import { Permissions } from '../../services/orgs.js';
import { ProgramPanels } from '../views/program-panels.js';
import type { ContentIndex } from '../../services/content-index.js';
import { collator, numberFormat } from '../views/format.js';
import { Pager, href, pageFor } from '../views/layout.js';
import { placePath } from '../views/links.js';
import { Sections } from '../views/sections.js';
import { DataTable } from '../views/table.js';

const T = {
  en: {
    title: 'Explore ties',
    between: (a: string, b: string) => `Ties between ${a} and ${b}`,
    of: (a: string) => `Ties of ${a}`,
    intro:
      'Every tie in the registry: choose a country, or two for the ties between them, the kind of tie, its status and the decade it was signed in.',
    country: 'Country',
    partnerCountry: 'Partner country',
    kind: 'Kind',
    status: 'Status',
    decade: 'Signed in',
    any: 'any',
    decadeLabel: (d: number) => `the ${d}s`,
    apply: 'Show',
    count: (n: string) => `${n} ties match.`,
    none: 'No tie matches these filters.',
    place: 'Place',
    partner: 'Partner',
    signed: 'Signed',
    details: 'Details',
    next: 'Next page',
    prev: 'Previous page',
    // one tie
    tieTitle: (a: string, b: string) => `${a} and ${b}`,
    facts: 'The tie',
    ended: 'Ended',
    listedBy: 'Listed by',
    listedBoth: 'both sides',
    notes: 'Notes',
    sources: 'Sources',
    unknown: 'not known',
    profile: 'Story and programs',
    empty: 'The story of this tie and its programs have not been written yet.',
    mapTitle: (a: string, b: string) => `${a} and ${b} on the map`,
    mapDesc: (a: string, b: string) => `World map with a line from ${a} to ${b}.`,
    sides: 'The two places',
  },
  zh: {
    title: '浏览友好关系',
    between: (a: string, b: string) => `${a}与${b}之间的友好关系`,
    of: (a: string) => `${a}的友好关系`,
    intro:
      '登记库中的全部友好关系：可选择一个国家，或两个国家查看两国之间的友好关系，以及关系类型、状态和建立年代。',
    country: '国家',
    partnerCountry: '对方国家',
    kind: '类型',
    status: '状态',
    decade: '建立年代',
    any: '任意',
    decadeLabel: (d: number) => `${d}年代`,
    apply: '显示',
    count: (n: string) => `共${n}对。`,
    none: '没有符合条件的友好关系。',
    place: '地方',
    partner: '友城',
    signed: '建立',
    details: '详情',
    next: '下一页',
    prev: '上一页',
    tieTitle: (a: string, b: string) => `${a}与${b}`,
    facts: '友好关系',
    ended: '终止',
    listedBy: '列出方',
    listedBoth: '双方',
    notes: '备注',
    sources: '来源',
    unknown: '不详',
    profile: '缘由与交流项目',
    empty: '尚未撰写这对友城的结好缘由和交流项目。',
    mapTitle: (a: string, b: string) => `${a}与${b}地图`,
    mapDesc: (a: string, b: string) => `世界地图，显示从${a}到${b}的连线。`,
    sides: '双方',
  },
};

const DECADES = Array.from({ length: 10 }, (_, i) => 1930 + i * 10);
const SIZE = 50;

type ExploreQuery = {
  a?: string;
  b?: string;
  kind?: string;
  status?: string;
  decade?: string;
  page?: string;
};

const local = (p: Pick<Place, 'name' | 'names'> | undefined, lang: Lang, fallback = '') =>
  p ? localName(p, lang) : fallback;

function countryCode(v: string | undefined, what: string): string | undefined {
  const c = v?.trim().toUpperCase();
  if (!c) return undefined;
  if (!isCountryCode(c))
    throw new ValidationError(`${what} "${v}" is not an ISO 3166-1 alpha-2 code such as CN`);
  return c;
}

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], what: string): T | undefined {
  if (!v) return undefined;
  if (!(allowed as readonly string[]).includes(v))
    throw new ValidationError(`${what} "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

export function tiePages(
  app: FastifyInstance,
  store: Store,
  places: PlacesService,
  index: ContentIndex,
): void {
  const opts = { config: { cache: true }, schema: { hide: true } };

  app.get<{ Querystring: ExploreQuery }>('/ties', opts, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const q = req.query;
    const a = countryCode(q.a, 'country');
    const b = countryCode(q.b, 'partner country');
    if (b && !a)
      throw new ValidationError('Choose the first country too, or move the partner country there.');
    const kind = oneOf(q.kind, TWINNING_KINDS, 'kind');
    const status = oneOf(q.status, TWINNING_STATUSES, 'status');
    const decade = q.decade ? Number(q.decade) : undefined;
    if (
      decade !== undefined &&
      !(Number.isInteger(decade) && decade >= 1000 && decade < 2100 && decade % 10 === 0)
    )
      throw new ValidationError(`decade "${q.decade}" must be a year ending in 0, such as 1990`);
    const pageNo = Math.max(1, Math.min(1000, Number(q.page) || 1));
    const filters: TwinningFilters = {
      country: a,
      partnerCountry: b,
      kind,
      status,
      since: decade ? `${decade}-01-01` : undefined,
      until: decade ? `${decade + 10}-01-01` : undefined,
    };
    const [total, ties, countryList] = await Promise.all([
      store.twinnings.countWhere(filters),
      store.twinnings.list(filters, SIZE, (pageNo - 1) * SIZE),
      store.places.list({ kind: 'country' }, 1000, 0),
    ]);
    const ids = [...new Set(ties.flatMap((x) => [x.a, x.b]))];
    const sides = await store.places.getMany(ids);
    const countries = new Map(countryList.map((h) => [h.place.id, h.place]));
    const coll = collator(lang);
    const sorted = [...countries.values()].sort((x, y) => coll.compare(local(x, lang), local(y, lang)));
    const num = numberFormat(lang);
    const title =
      a && b
        ? t.between(local(countries.get(a), lang, a), local(countries.get(b), lang, b))
        : a
          ? t.of(local(countries.get(a), lang, a))
          : t.title;
    const query = { a, b, kind, status, decade: decade ? String(decade) : undefined };
    // show the chosen country's side first
    const ordered = (x: Twinning): [string, string] =>
      a && sides.get(x.b)?.country === a && sides.get(x.a)?.country !== a ? [x.b, x.a] : [x.a, x.b];
    const side = (id: string) => {
      const p = sides.get(id);
      const c = p?.country ? countries.get(p.country) : undefined;
      return (
        <>
          {p ? <a href={href(placePath(p), lang)}>{local(p, lang)}</a> : id}
          {c && p?.kind !== 'country' && <span class="muted"> · {local(c, lang)}</span>}
        </>
      );
    };
    const countryOptions = sorted.map((c) => [c.id, local(c, lang)] as const);
    return reply.type('text/html; charset=utf-8').send(
      pageFor(req, {
        title,
        children: (
          <>
            <h1>{title}</h1>
            <p class="muted">{t.intro}</p>
            <form class="filters card" method="get" action="/ties">
              <LangField lang={lang} />
              <SelectField label={t.country} name="a" value={a} none={t.any} options={countryOptions} />
              <SelectField
                label={t.partnerCountry}
                name="b"
                value={b}
                none={t.any}
                options={countryOptions}
              />
              <SelectField
                label={t.kind}
                name="kind"
                value={kind}
                none={t.any}
                options={TWINNING_KINDS.map((k) => [k, KIND_LABELS[lang][k]!] as const)}
              />
              <SelectField
                label={t.status}
                name="status"
                value={status}
                none={t.any}
                options={TWINNING_STATUSES.map((s) => [s, STATUS_LABELS[lang][s]!] as const)}
              />
              <SelectField
                label={t.decade}
                name="decade"
                value={decade ? String(decade) : undefined}
                none={t.any}
                options={DECADES.map((d) => [String(d), t.decadeLabel(d)] as const)}
              />
              <button type="submit">{t.apply}</button>
            </form>
            <p role="status">{total ? t.count(num.format(total)) : t.none}</p>
            {ties.length > 0 && (
              <DataTable
                columns={[
                  { label: t.place },
                  { label: t.partner },
                  { label: t.kind },
                  { label: t.signed },
                  { label: t.status },
                  { label: t.details },
                ]}
                rows={ties.map((x) => {
                  const [first, second] = ordered(x);
                  return [
                    side(first),
                    side(second),
                    KIND_LABELS[lang][x.kind],
                    x.signed ? formatDate(x.signed, lang) : '',
                    STATUS_LABELS[lang][x.status],
                    <a
                      href={href(`/ties/${x.id}`, lang)}
                      aria-label={`${t.details}: ${local(sides.get(first), lang, first)} – ${local(sides.get(second), lang, second)}`}
                    >
                      {t.details}
                    </a>,
                  ];
                })}
              />
            )}
            <Pager
              lang={lang}
              path="/ties"
              query={query}
              page={pageNo}
              hasNext={pageNo * SIZE < total}
              prev={t.prev}
              next={t.next}
            />
          </>
        ),
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/ties/:id', opts, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const id = Number(req.params.id);
    const tie = Number.isSafeInteger(id) && id > 0 ? await store.twinnings.get(id) : undefined;
    if (!tie) throw new NotFoundError(`There is no tie with id ${req.params.id}.`);
    const [pa, pb, sections] = await Promise.all([
      places.detail(tie.a),
      places.detail(tie.b),
      store.sections.of('twinning', [String(tie.id)]),
    ]);
    // in home mode the home comes first
    const [x, y] = req.site.home?.id === tie.b ? [pb, pa] : [pa, pb];
    const nx = local(x.place, lang);
    const ny = local(y.place, lang);
    const title = t.tieTitle(nx, ny);
    const countryOf = (d: typeof x) => d.ancestors.find((c) => c.kind === 'country');
    const listed =
      tie.listedBy === 'both'
        ? t.listedBoth
        : tie.listedBy === 'a'
          ? local(pa.place, lang)
          : tie.listedBy === 'b'
            ? local(pb.place, lang)
            : null;
    const located = [x, y].every((d) => d.place.lat !== null && d.place.lon !== null);
    const mayEdit = req.actor ? await new Permissions(store).mayEditTie(req.actor, tie.id) : false;
    const program = await ProgramPanels({
      req,
      reply,
      store,
      index,
      subjects: [{ type: 'twinning', ids: [String(tie.id)] }],
      about: `twinning:${tie.id}`,
    });
    return reply.type('text/html; charset=utf-8').send(
      pageFor(req, {
        title,
        children: (
          <>
            <h1>{title}</h1>
            <section class="card" aria-labelledby="h-facts">
              <h2 id="h-facts">{t.facts}</h2>
              <dl class="facts">
                <dt>{t.kind}</dt>
                <dd>{KIND_LABELS[lang][tie.kind]}</dd>
                <dt>{t.status}</dt>
                <dd>{STATUS_LABELS[lang][tie.status]}</dd>
                <dt>{t.signed}</dt>
                <dd>{tie.signed ? formatDate(tie.signed, lang) : t.unknown}</dd>
                {tie.ended && (
                  <>
                    <dt>{t.ended}</dt>
                    <dd>{formatDate(tie.ended, lang)}</dd>
                  </>
                )}
                {listed && (
                  <>
                    <dt>{t.listedBy}</dt>
                    <dd>{listed}</dd>
                  </>
                )}
                {tie.notes && (
                  <>
                    <dt>{t.notes}</dt>
                    <dd>{tie.notes}</dd>
                  </>
                )}
                {tie.sources.length > 0 && (
                  <>
                    <dt>{t.sources}</dt>
                    <dd>
                      <ul>
                        {tie.sources.map((s) => (
                          <li>
                            {s.url ? (
                              <a href={s.url} rel="external nofollow">
                                {s.citation ?? s.url}
                              </a>
                            ) : (
                              s.citation
                            )}
                            {s.fact && <span class="muted"> ({s.fact})</span>}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
            </section>
            <section aria-labelledby="h-profile">
              <h2 id="h-profile">{t.profile}</h2>
              {mayEdit && (
                <EditLink href={href(`/edit/tie/${tie.id}`, lang)} label={messages(lang).editSections} />
              )}
              <Sections
                keys={TIE_SECTIONS}
                sections={bySubject(sections).get(String(tie.id)) ?? new Map()}
                lang={lang}
                empty={t.empty}
              />
            </section>
            {program}
            <section aria-labelledby="h-sides">
              <h2 id="h-sides">{t.sides}</h2>
              <ul class="cards">
                {[x, y].map((d) => (
                  <li>
                    <a class="title" href={href(placePath(d.place), lang)}>
                      {local(d.place, lang)}
                    </a>
                    <span class="muted">{local(countryOf(d), lang)}</span>
                  </li>
                ))}
              </ul>
            </section>
            {located && (
              <section aria-labelledby="h-map">
                <h2 id="h-map">{t.mapTitle(nx, ny)}</h2>
                <figure>
                  <TiesMap
                    id="tie-map"
                    land={siteAssets().land.path}
                    home={{ lat: x.place.lat!, lon: x.place.lon!, label: nx }}
                    partners={[{ lat: y.place.lat!, lon: y.place.lon!, label: ny }]}
                    text={{ title: t.mapTitle(nx, ny), desc: t.mapDesc(nx, ny) }}
                  />
                </figure>
              </section>
            )}
          </>
        ),
      }),
    );
  });
}
