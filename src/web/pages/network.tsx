import type { FastifyInstance } from 'fastify';
import { CONTINENTS, type Continent } from '../../domain/countries.js';
import { ValidationError } from '../../domain/errors.js';
import { periodOptions, type NetworkService, type Overview, type PlaceRef } from '../../services/network.js';
import type { PlacesService } from '../../services/places.js';
import { CONTINENT_LABELS, localName, type Lang } from '../views/i18n.js';
import { DateField, LangField, SelectField } from '../views/forms.js';
import { numberFormat } from '../views/format.js';
import { href, pageFor } from '../views/layout.js';
import { placePath } from '../views/links.js';
import { DataTable } from '../views/table.js';

type Q = Record<string, string | undefined>;

const T = {
  en: {
    pathTitle: 'Chain of ties',
    pathIntro: 'How are two places linked? The shortest chain of ties in force between them.',
    fromPlace: 'From',
    toPlace: 'To',
    find: 'Find the chain',
    steps: (n: number) => `${n} tie${n === 1 ? '' : 's'} apart`,
    noChain: 'No chain of ties links these places.',
    networkTitle: 'The twinning network',
    networkIntro: 'Places are linked by ties in force (not ended or merely proposed).',
    places: 'Places with ties',
    ties: 'Ties',
    components: 'Separate groups',
    largest: 'Largest groups',
    size: 'Places',
    hub: 'Best connected place',
    mostConnected: 'Most connected places',
    mostCentral: 'Most central places',
    centralNote: 'Betweenness: how often a place lies on the shortest chains between others (estimated).',
    betweenness: 'Betweenness',
    computing: 'The network figures are being computed; this page will show them in a minute.',
    reloadHint: 'Reload the page in a minute:',
    reload: 'show the network figures',
    previous: (when: string) =>
      `Meanwhile, the figures computed on ${when} (UTC) are shown; the places and ties have changed since.`,
    aroundTitle: (n: string) => `Network of ${n}`,
    cousins: 'Cousin cities',
    cousinsNote: 'Places that share a partner but are not tied: candidates for a new tie.',
    sharedPartners: 'Shared partners',
    triangles: 'Open triangles',
    trianglesNote: 'Two partners not tied to each other: a trilateral tie could close the triangle.',
    componentSize: (n: string) => `Reaches ${n} places through chains of ties.`,
    qualityTitle: 'Data quality',
    qualityIntro: 'What editors should look at first.',
    oneSided: 'Ties listed by one side only',
    listedBy: 'Listed by',
    notListedBy: 'Not listed by',
    withoutCountry: 'Places without a country',
    withoutCoordinates: 'Places without coordinates',
    duplicates: 'Possible duplicates',
    showing: (shown: number, total: number) => `${total} in all; the first ${shown} are shown.`,
    place: 'Place',
    country: 'Country',
    ties2: 'Ties',
    stats: 'statistics',
    none: 'None.',
  },
  zh: {
    pathTitle: '友城链',
    pathIntro: '两地如何相连？两地之间现有友好关系构成的最短链。',
    fromPlace: '从',
    toPlace: '到',
    find: '查找',
    steps: (n: number) => `相隔${n}步`,
    noChain: '没有友好关系链连接这两地。',
    networkTitle: '友好城市网络',
    networkIntro: '以现有友好关系（不含已终止或拟建的）连接各地。',
    places: '有友城的地方',
    ties: '友好关系',
    components: '互不相连的群组',
    largest: '最大的群组',
    size: '地方数',
    hub: '联系最多的地方',
    mostConnected: '友城最多的地方',
    mostCentral: '最居中心的地方',
    centralNote: '介数：一地出现在其他地方之间最短链上的频率（估算）。',
    betweenness: '介数',
    computing: '正在计算网络数据，一分钟后本页即可显示。',
    reloadHint: '请一分钟后重新加载本页：',
    reload: '查看网络数据',
    previous: (when: string) => `在此期间显示的是${when}（UTC）计算的数据；此后地方和友好关系已有变化。`,
    aroundTitle: (n: string) => `${n}的友城网络`,
    cousins: '“表亲”城市',
    cousinsNote: '有共同友城但彼此尚未结好的地方：新友城的候选。',
    sharedPartners: '共同友城',
    triangles: '开放三角',
    trianglesNote: '两个彼此尚未结好的友城：三方关系可以闭合这个三角。',
    componentSize: (n: string) => `通过友城链可到达${n}个地方。`,
    qualityTitle: '数据质量',
    qualityIntro: '编辑应优先处理的问题。',
    oneSided: '只有一方列出的友好关系',
    listedBy: '列出方',
    notListedBy: '未列出方',
    withoutCountry: '缺少国家的地方',
    withoutCoordinates: '缺少坐标的地方',
    duplicates: '可能重复的地方',
    showing: (shown: number, total: number) => `共${total}个，显示前${shown}个。`,
    place: '地方',
    country: '国家',
    ties2: '友城数',
    stats: '统计',
    none: '无。',
  },
};

export function networkPages(app: FastifyInstance, network: NetworkService, places: PlacesService): void {
  const cacheable = { config: { cache: true }, schema: { hide: true } };
  const send = (reply: { type: (t: string) => { send: (b: string) => unknown } }, body: string) =>
    reply.type('text/html; charset=utf-8').send(body);

  const PlaceLink = (p: { place: PlaceRef; lang: Lang }) => (
    <a href={href(placePath(p.place), p.lang)}>{localName(p.place, p.lang)}</a>
  );

  app.get<{ Querystring: Q }>('/path', cacheable, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const from = req.query.from?.trim();
    const to = req.query.to?.trim();
    let result: { path: PlaceRef[] | null } | undefined;
    let ends: [string, string] | undefined;
    if (from || to) {
      if (!from || !to)
        throw new ValidationError(lang === 'zh' ? '请填写两个地方。' : 'Give both places: from and to.');
      const [a, b] = await Promise.all([places.resolve(from), places.resolve(to)]);
      ends = [localName(a, lang), localName(b, lang)];
      result = await network.path(a.id, b.id);
    }
    return send(
      reply,
      pageFor(req, {
        title: t.pathTitle,
        children: (
          <>
            <h1>{t.pathTitle}</h1>
            <p class="muted">{t.pathIntro}</p>
            <form class="filters card" method="get" action="/path">
              <LangField lang={lang} />
              <label>
                {t.fromPlace}
                <input name="from" value={from ?? ''} required placeholder="Anshan" />
              </label>
              <label>
                {t.toPlace}
                <input name="to" value={to ?? ''} required placeholder="Paris" />
              </label>
              <button type="submit">{t.find}</button>
            </form>
            {result && ends && (
              <section aria-live="polite" class="card">
                <h2>
                  {ends[0]} → {ends[1]}
                </h2>
                {result.path ? (
                  <>
                    <p>{t.steps(result.path.length - 1)}</p>
                    <ol>
                      {result.path.map((p) => (
                        <li>
                          <PlaceLink place={p} lang={lang} /> <span class="muted">{p.country ?? ''}</span>
                        </li>
                      ))}
                    </ol>
                  </>
                ) : (
                  <p>{t.noChain}</p>
                )}
              </section>
            )}
          </>
        ),
      }),
    );
  });

  app.get<{ Querystring: Q }>('/network', cacheable, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const state = await network.overview(20);
    const o = state.figures;
    const pending = state.status !== 'ready';
    if (pending) {
      // not the page of this version of the data: kept out of the response cache, and browsers ask again
      req.cacheVersion = undefined;
      req.cacheKey = undefined;
      reply.header('cache-control', 'no-store').header('retry-after', String(state.retryAfterSeconds));
    }
    const when = state.computedAt
      ? new Intl.DateTimeFormat(lang === 'zh' ? 'zh-Hans' : 'en-GB', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
        }).format(new Date(state.computedAt))
      : '';
    return send(
      reply,
      pageFor(req, {
        title: t.networkTitle,
        children: (
          <>
            <h1>{t.networkTitle}</h1>
            <p class="muted">{t.networkIntro}</p>
            {pending && (
              <div class="attention" role="status">
                <p>
                  <strong>{t.computing}</strong>
                </p>
                <p>
                  {t.reloadHint} <a href={href('/network', lang)}>{t.reload}</a>
                </p>
                {o && <p>{t.previous(when)}</p>}
              </div>
            )}
            {o && <Figures o={o} lang={lang} />}
          </>
        ),
      }),
    );
  });

  const Figures = ({ o, lang }: { o: Overview; lang: Lang }) => {
    const t = T[lang];
    const num = numberFormat(lang);
    return (
      <>
        <ul class="figures">
          <li>
            <span class="n">{num.format(o.places)}</span>
            {t.places}
          </li>
          <li>
            <span class="n">{num.format(o.ties)}</span>
            {t.ties}
          </li>
          <li>
            <span class="n">{num.format(o.components)}</span>
            {t.components}
          </li>
        </ul>
        <div class="grid2">
          <section>
            <h2>{t.mostConnected}</h2>
            <RefTable
              rows={o.mostConnected.map((p) => [p, num.format(p.ties)])}
              lang={lang}
              valueLabel={t.ties2}
            />
          </section>
          <section>
            <h2>{t.mostCentral}</h2>
            <p class="muted">{t.centralNote}</p>
            <RefTable
              rows={o.mostCentral.map((p) => [p, num.format(p.betweenness)])}
              lang={lang}
              valueLabel={t.betweenness}
            />
          </section>
        </div>
        <h2>{t.largest}</h2>
        <DataTable
          columns={[{ label: t.size, numeric: true }, { label: t.hub }]}
          rows={o.largestComponents.map((c) => [num.format(c.size), <PlaceLink place={c.hub} lang={lang} />])}
        />
      </>
    );
  };

  app.get<{ Params: { id: string }; Querystring: Q }>(
    '/places/:id/network',
    cacheable,
    async (req, reply) => {
      const lang = req.lang;
      const t = T[lang];
      const a = await network.around(req.params.id, 30);
      return send(
        reply,
        pageFor(req, {
          title: t.aroundTitle(localName(a.place, lang)),
          children: (
            <>
              <h1>{t.aroundTitle(localName(a.place, lang))}</h1>
              <p>
                {t.componentSize(numberFormat(lang).format(a.componentSize))}{' '}
                <a href={href(`/places/${encodeURIComponent(a.place.id)}/stats`, lang)}>{t.stats}</a>
              </p>
              <section>
                <h2>{t.cousins}</h2>
                <p class="muted">{t.cousinsNote}</p>
                {a.cousins.length ? (
                  <DataTable
                    columns={[{ label: t.place }, { label: t.country }, { label: t.sharedPartners }]}
                    rows={a.cousins.map((c) => [
                      <PlaceLink place={c} lang={lang} />,
                      c.country ?? '',
                      c.via.map((v, i) => (
                        <>
                          {i > 0 && ', '}
                          <PlaceLink place={v} lang={lang} />
                        </>
                      )),
                    ])}
                  />
                ) : (
                  <p>{t.none}</p>
                )}
              </section>
              <section>
                <h2>{t.triangles}</h2>
                <p class="muted">{t.trianglesNote}</p>
                {a.openTriangles.length ? (
                  <ul>
                    {a.openTriangles.map(([b, c]) => (
                      <li>
                        <PlaceLink place={b} lang={lang} /> — <PlaceLink place={c} lang={lang} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.none}</p>
                )}
              </section>
            </>
          ),
        }),
      );
    },
  );

  app.get<{ Querystring: Q }>('/quality', cacheable, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const r = await network.quality(50);
    const List = (p: { items: PlaceRef[]; total: number }) =>
      p.total ? (
        <>
          <p class="muted">{t.showing(p.items.length, p.total)}</p>
          <RefTable rows={p.items.map((x) => [x, String(x.ties)])} lang={lang} valueLabel={t.ties2} />
        </>
      ) : (
        <p>{t.none}</p>
      );
    return send(
      reply,
      pageFor(req, {
        title: t.qualityTitle,
        children: (
          <>
            <h1>{t.qualityTitle}</h1>
            <p class="muted">{t.qualityIntro}</p>
            <section>
              <h2>
                {t.oneSided} ({r.oneSided.count})
              </h2>
              <p class="muted">{t.showing(r.oneSided.items.length, r.oneSided.count)}</p>
              <DataTable
                columns={[{ label: t.listedBy }, { label: t.notListedBy }]}
                rows={r.oneSided.items.map((i) => [
                  <PlaceLink place={i.listedBy} lang={lang} />,
                  <PlaceLink place={i.notListedBy} lang={lang} />,
                ])}
              />
            </section>
            <section>
              <h2>
                {t.duplicates} ({r.duplicateCandidates.count})
              </h2>
              <ul>
                {r.duplicateCandidates.items.map((g) => (
                  <li>
                    {g.map((p, i) => (
                      <>
                        {i > 0 && ' · '}
                        <PlaceLink place={p} lang={lang} />{' '}
                        <span class="muted">{`${p.id} ${p.country ?? '?'}`}</span>
                      </>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
            <div class="grid2">
              <section>
                <h2>
                  {t.withoutCountry} ({r.withoutCountry.count})
                </h2>
                <List items={r.withoutCountry.items} total={r.withoutCountry.count} />
              </section>
              <section>
                <h2>
                  {t.withoutCoordinates} ({r.withoutCoordinates.count})
                </h2>
                <List items={r.withoutCoordinates.items} total={r.withoutCoordinates.count} />
              </section>
            </div>
          </>
        ),
      }),
    );
  });

  app.get<{ Querystring: Q }>('/rankings', cacheable, async (req, reply) => {
    const lang = req.lang;
    const q = req.query;
    const L = RANK_T[lang];
    const continent =
      q.continent && (CONTINENTS as readonly string[]).includes(q.continent)
        ? (q.continent as Continent)
        : undefined;
    const { from, to } = periodOptions(q.from || undefined, q.to || undefined);
    const r = await network.rankings({ continent, from, to, limit: 50 });
    const num = numberFormat(lang);
    return send(
      reply,
      pageFor(req, {
        title: L.title,
        children: (
          <>
            <h1>{L.title}</h1>
            <p class="muted">{L.intro}</p>
            <form class="filters card" method="get" action="/rankings">
              <LangField lang={lang} />
              <SelectField
                label={L.continent}
                name="continent"
                value={continent}
                none={L.all}
                options={CONTINENTS.map((c) => [c, CONTINENT_LABELS[lang][c]!] as const)}
              />
              <DateField label={L.from} name="from" value={q.from} placeholder="2000" />
              <DateField label={L.to} name="to" value={q.to} placeholder="2020" />
              <button type="submit">{L.apply}</button>
            </form>
            {(from || to) && <p class="muted">{L.periodNote}</p>}
            <div class="grid2">
              <section>
                <h2>{L.places}</h2>
                {r.places.length ? (
                  <RefTable
                    rows={r.places.map((p) => [p, num.format(p.count)])}
                    lang={lang}
                    valueLabel={L.count}
                    ranked
                  />
                ) : (
                  <p>{L.none}</p>
                )}
              </section>
              <section>
                <h2>{L.countries}</h2>
                {r.countries.length ? (
                  <DataTable
                    columns={[
                      { label: '#', numeric: true },
                      { label: L.country },
                      { label: L.count, numeric: true },
                    ]}
                    rows={r.countries.map((c, i) => [
                      i + 1,
                      <a href={href(`/countries/${c.code}`, lang)}>{localName(c, lang)}</a>,
                      num.format(c.count),
                    ])}
                  />
                ) : (
                  <p>{L.none}</p>
                )}
              </section>
            </div>
          </>
        ),
      }),
    );
  });
}

const RANK_T = {
  en: {
    title: 'Rankings',
    intro: 'Places and countries with the most ties in force. Choose a period to see the fastest growing.',
    continent: 'Continent',
    all: 'All continents',
    from: 'Signed from',
    to: 'to',
    apply: 'Apply',
    periodNote: 'Only ties with a known signing date in the period count.',
    places: 'Places with the most ties',
    countries: 'Countries with the most ties',
    country: 'Country',
    count: 'Ties',
    none: 'Nothing matches.',
  },
  zh: {
    title: '排行',
    intro: '现有友好关系最多的地方和国家。选择时间段可查看增长最快的。',
    continent: '大洲',
    all: '所有大洲',
    from: '建立时间从',
    to: '至',
    apply: '应用',
    periodNote: '只计算在该时间段内有已知建立日期的友好关系。',
    places: '友好关系最多的地方',
    countries: '友好关系最多的国家',
    country: '国家',
    count: '数量',
    none: '没有结果。',
  },
};

function RefTable(p: { rows: [PlaceRef, string][]; lang: Lang; valueLabel: string; ranked?: boolean }) {
  const t = T[p.lang];
  const columns = [{ label: t.place }, { label: t.country }, { label: p.valueLabel, numeric: true }];
  return (
    <DataTable
      columns={p.ranked ? [{ label: '#', numeric: true }, ...columns] : columns}
      rows={p.rows.map(([place, value], i) => [
        ...(p.ranked ? [i + 1] : []),
        <a href={href(placePath(place), p.lang)}>{localName(place, p.lang)}</a>,
        place.country ?? '',
        value,
      ])}
    />
  );
}
