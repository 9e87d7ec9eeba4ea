import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTINENTS,
  continentOf,
  countryTimezones,
  isCountryCode,
  type Continent,
} from '../../domain/countries.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { PLACE_KINDS, type Place, type PlaceKind } from '../../domain/places.js';
import type { ContentService } from '../../services/content.js';
import type { NetworkService } from '../../services/network.js';
import type { PlacesService } from '../../services/places.js';
import type { Store } from '../../store/store.js';
import type { TwinningWithPartner } from '../../store/twinnings-repo.js';
import { PLACE_SECTIONS, TIE_SECTIONS, COUNTRY_SECTIONS } from '../../domain/sections.js';
import { placePath } from '../views/links.js';
import { PartnerMap } from '../views/partner-map.js';
import { Sections } from '../views/sections.js';
import {
  CONTINENT_LABELS,
  KIND_LABELS,
  STATUS_LABELS,
  formatDate,
  localName,
  messages,
} from '../views/i18n.js';
import { EditLink } from '../views/post-form.js';
import { ProgramPanels } from '../views/program-panels.js';
import type { ContentIndex } from '../../services/content-index.js';
import { LangField, SelectField } from '../views/forms.js';
import { href, pageFor } from '../views/layout.js';
import { DataTable } from '../views/table.js';
import { collator, currencyLabel, languagesLabel, numberFormat, zoneLabel } from '../views/format.js';

const T = {
  en: {
    kinds: { country: 'Country', region: 'Region', city: 'City', district: 'District', other: 'Place' },
    facts: 'Facts',
    population: 'Population',
    leader: 'Leader',
    since: 'since',
    languages: 'Languages',
    currency: 'Currency',
    timezone: 'Time zone',
    coordinates: 'Coordinates',
    wikidata: 'Wikidata',
    unknown: 'not known',
    partners: (n: number) => `Partners (${n})`,
    noPartners: 'No twinnings are known for this place yet.',
    mapTitle: (name: string) => `${name} and its partners`,
    mapDesc: (name: string, n: number, shown: number) =>
      `World map with ${name} and lines to ${shown} of its ${n} partners whose location is known.`,
    noMap: 'The location of this place is not known, so there is no map.',
    profile: 'Profile',
    profileEmpty:
      'Nothing has been written about this place yet: programs, economy, places to see, climate, sports and local food.',
    tieEmpty: (home: string) => `The story of the tie with ${home} has not been written yet.`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `Partner of ${home} since ${signed}.` : `Partner of ${home}.`,
    aboutTie: 'About the tie',
    agreementSigned: 'Agreement signed',
    tieKind: 'Kind of tie',
    signedYear: (y: string) => `signed ${y}`,
    noCountry: 'Country not known',
    json: 'This place as JSON',
    more: 'More',
    statistics: 'Statistics',
    network: 'Cousins and open triangles',
    hierarchy: 'Part of',
    directoryTitle: 'Countries and territories',
    directoryIntro: (n: number) =>
      `All ${n} countries and territories of ISO 3166, with their ties in force.`,
    byName: 'A to Z',
    byContinent: 'By continent',
    ties: (n: string, one: boolean) => `${n} tie${one ? '' : 's'}`,
    countryFacts: 'About the country',
    continent: 'Continent',
    timezones: 'Time zones',
    topPlaces: 'Places with the most ties',
    partnerCountries: 'Ties by partner country',
    culture: 'Culture',
    cultureEmpty: 'No culture notes yet: language, cuisine, sports, festivals and climate.',
    tiesWith: (c: string, n: string, one: boolean) => `${n} tie${one ? '' : 's'} with ${c}`,
    place: 'Place',
    country: 'Country',
    count: 'Ties',
  },
  zh: {
    kinds: { country: '国家', region: '省/州', city: '城市', district: '区', other: '地方' },
    facts: '概况',
    population: '人口',
    leader: '领导人',
    since: '自',
    languages: '语言',
    currency: '货币',
    timezone: '时区',
    coordinates: '坐标',
    wikidata: 'Wikidata',
    unknown: '不详',
    partners: (n: number) => `友好城市（${n}）`,
    noPartners: '尚无该地的友好城市记录。',
    mapTitle: (name: string) => `${name}及其友好城市`,
    mapDesc: (name: string, n: number, shown: number) =>
      `世界地图，显示${name}及其${n}个友城中已知位置的${shown}个。`,
    noMap: '该地位置不详，因此没有地图。',
    profile: '简介',
    profileEmpty: '尚未撰写该地简介：交流项目、经济、旅游景点、气候、体育和地方美食。',
    tieEmpty: (home: string) => `与${home}结好的缘由尚未撰写。`,
    partnerOf: (home: string, signed: string | null) =>
      signed ? `自${signed}起与${home}结为友好城市。` : `${home}的友好城市。`,
    aboutTie: '关于这对友城',
    agreementSigned: '协议签署',
    tieKind: '关系类型',
    signedYear: (y: string) => `${y}年建立`,
    noCountry: '国家不详',
    json: '以 JSON 查看',
    more: '更多',
    statistics: '统计',
    network: '“表亲”城市与开放三角',
    hierarchy: '隶属',
    directoryTitle: '国家和地区',
    directoryIntro: (n: number) => `ISO 3166 全部${n}个国家和地区及其现有友好关系。`,
    byName: '按名称',
    byContinent: '按大洲',
    ties: (n: string) => `${n}对`,
    countryFacts: '国家概况',
    continent: '大洲',
    timezones: '时区',
    topPlaces: '友好关系最多的地方',
    partnerCountries: '按友城所在国家',
    culture: '文化',
    cultureEmpty: '尚无文化介绍：语言、美食、体育、节日和气候。',
    tiesWith: (c: string, n: string, _one: boolean) => `与${c}的${n}对友好关系`,
    place: '地方',
    country: '国家',
    count: '数量',
  },
};

export function placePages(
  app: FastifyInstance,
  store: Store,
  places: PlacesService,
  network: NetworkService,
  content: ContentService,
  continents: Record<string, Continent>,
  index: ContentIndex,
): void {
  const opts = { config: { cache: true }, schema: { hide: true } };

  /**
   * A place's page at its canonical address; the bare id, or a slug that is not (or no longer) the place's,
   * sends the reader there.
   */
  async function profileRoute(
    req: FastifyRequest<{ Params: { id: string; slug?: string } }>,
    reply: FastifyReply,
  ) {
    const { id, slug } = req.params;
    const place = await store.places.get(id);
    if (!place) throw new NotFoundError(`There is no place with id ${id}.`);
    const canonical = placePath(place);
    const current = `/places/${encodeURIComponent(id)}${slug !== undefined ? `/${encodeURIComponent(slug)}` : ''}`;
    if (canonical !== current) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return reply.redirect(canonical + query, 301);
    }
    return reply.type('text/html; charset=utf-8').send(await profilePage(req, reply, place));
  }
  app.get('/places/:id', opts, profileRoute);
  app.get('/places/:id/:slug', opts, profileRoute);

  async function profilePage(req: FastifyRequest, reply: FastifyReply, place: Place): Promise<string> {
    const lang = req.lang;
    const t = T[lang];
    const home = req.site.home;
    const pr = await places.profile(place.id, home?.id ?? null, place);
    const p = pr.place;
    const name = localName(p, lang);
    const homeName = home ? localName(home, lang) : '';
    const countryName = (code: string | null) =>
      code ? localName(pr.countries.get(code) ?? { name: code }, lang) : t.noCountry;
    const groups = new Map<string, TwinningWithPartner[]>();
    for (const i of pr.partners) {
      const key = i.partner.country ?? '';
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const coll = collator(lang);
    const groupList = [...groups.entries()].sort(
      ([x], [y]) => (x ? 0 : 1) - (y ? 0 : 1) || coll.compare(countryName(x), countryName(y)),
    );
    const num = numberFormat(lang);
    const f = pr.facts;
    const tie = pr.homeTie?.twinning;
    const mayEdit = req.actor ? await content.mayEdit(req.actor, 'place', p.id) : false;
    const mayEditTie =
      req.actor && tie ? await content.mayEdit(req.actor, 'twinning', String(tie.id)) : false;
    const m = messages(lang);
    const program = await ProgramPanels({
      req,
      reply,
      store,
      index,
      subjects: [
        { type: 'place', ids: [p.id] },
        { type: 'twinning', ids: pr.partners.map((x) => String(x.twinning.id)) },
      ],
      about: `place:${p.id}`,
      place: { id: p.id, mayEdit },
      following: req.actor
        ? ((await store.notify.get(req.actor.user.id, 'place', p.id))?.mode ?? null)
        : null,
    });
    return pageFor(req, {
      title: name,
      description: tie ? t.partnerOf(homeName, tie.signed ? formatDate(tie.signed, lang) : null) : undefined,
      children: (
        <>
          {pr.ancestors.length > 0 && (
            <nav aria-label={t.hierarchy} class="muted">
              {[...pr.ancestors].reverse().map((a, i) => (
                <>
                  {i > 0 && ' › '}
                  <a href={href(placePath(a), lang)}>{localName(a, lang)}</a>
                </>
              ))}
            </nav>
          )}
          <h1>{name}</h1>
          <p class="muted">
            {t.kinds[p.kind]}
            {p.names.en && lang === 'zh' && p.names.en !== name
              ? ` · ${p.names.en}`
              : p.names.zh && lang === 'en'
                ? ` · `
                : ''}
            {p.names.zh && lang === 'en' && <span lang="zh-Hans">{p.names.zh}</span>}
          </p>
          {tie && home && (
            <p class="lead tie">
              {t.partnerOf(homeName, tie.signed ? formatDate(tie.signed, lang) : null)}{' '}
              <a href={href(`/ties/${tie.id}`, lang)}>{t.aboutTie}</a>
            </p>
          )}
          <section class="card" aria-labelledby="h-facts">
            <h2 id="h-facts">{t.facts}</h2>
            <dl class="facts">
              {tie && home && (
                <>
                  <dt>{t.agreementSigned}</dt>
                  <dd>{tie.signed ? formatDate(tie.signed, lang) : t.unknown}</dd>
                  <dt>{t.tieKind}</dt>
                  <dd>
                    {KIND_LABELS[lang][tie.kind]}
                    {tie.status !== 'active' && ` (${STATUS_LABELS[lang][tie.status]})`}
                  </dd>
                </>
              )}
              <dt>{t.population}</dt>
              <dd>
                {p.population !== null
                  ? `${num.format(p.population)}${p.populationYear ? ` (${p.populationYear})` : ''}`
                  : t.unknown}
              </dd>
              <dt>{p.leaderTitle ?? t.leader}</dt>
              <dd>
                {p.leaderName ?? t.unknown}
                {p.leaderName && p.leaderSince && ` (${t.since} ${formatDate(p.leaderSince, lang)})`}
              </dd>
              <dt>{t.languages}</dt>
              <dd>{languagesLabel(lang, f.languages) ?? t.unknown}</dd>
              <dt>{t.currency}</dt>
              <dd>{currencyLabel(lang, f.currency) ?? t.unknown}</dd>
              <dt>{t.timezone}</dt>
              <dd>{f.timezone ? zoneLabel(f.timezone) : t.unknown}</dd>
              {p.lat !== null && p.lon !== null && (
                <>
                  <dt>{t.coordinates}</dt>
                  <dd>{`${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`}</dd>
                </>
              )}
              {p.wikidata && (
                <>
                  <dt>{t.wikidata}</dt>
                  <dd>
                    <a href={`https://www.wikidata.org/wiki/${p.wikidata}`} rel="external">
                      {p.wikidata}
                    </a>
                  </dd>
                </>
              )}
            </dl>
          </section>

          <section aria-labelledby="h-profile">
            <h2 id="h-profile">{t.profile}</h2>
            {mayEditTie && <EditLink href={href(`/edit/tie/${tie!.id}`, lang)} label={m.editSections} />}
            {pr.homeTie && (
              <Sections
                keys={TIE_SECTIONS}
                sections={pr.homeTie.sections}
                lang={lang}
                empty={t.tieEmpty(homeName)}
                idPrefix="tie"
              />
            )}
            {mayEdit && <EditLink href={href(`/edit/place/${p.id}`, lang)} label={m.editSections} />}
            <Sections keys={PLACE_SECTIONS} sections={pr.sections} lang={lang} empty={t.profileEmpty} />
          </section>

          {program}

          <section aria-labelledby="h-partners">
            <h2 id="h-partners">{t.partners(pr.partners.length)}</h2>
            {pr.partners.length === 0 && <p>{t.noPartners}</p>}
            {groupList.map(([code, list]) => (
              <>
                <h3>{countryName(code || null)}</h3>
                <ul class="partners">
                  {list.map(({ twinning: tw, partner }) => (
                    <li>
                      <a href={href(placePath(partner), lang)}>{localName(partner, lang)}</a>{' '}
                      <span class="muted">
                        {[
                          KIND_LABELS[lang][tw.kind],
                          tw.signed ? t.signedYear(tw.signed.date.slice(0, 4)) : '',
                          tw.status !== 'active' ? STATUS_LABELS[lang][tw.status] : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </section>

          {pr.partners.length > 0 && (
            <section aria-labelledby="h-map">
              <h2 id="h-map">{t.mapTitle(name)}</h2>
              {p.lat !== null && p.lon !== null ? (
                <PartnerMap
                  id="ties-map"
                  center={{ lat: p.lat, lon: p.lon, label: name }}
                  partners={pr.partners}
                  lang={lang}
                  title={t.mapTitle(name)}
                  desc={(all, shown) => t.mapDesc(name, all, shown)}
                />
              ) : (
                <p>{t.noMap}</p>
              )}
            </section>
          )}

          <section aria-labelledby="h-more">
            <h2 id="h-more">{t.more}</h2>
            <ul>
              <li>
                <a href={href(`/places/${encodeURIComponent(p.id)}/stats`, lang)}>{t.statistics}</a>
              </li>
              <li>
                <a href={href(`/places/${encodeURIComponent(p.id)}/network`, lang)}>{t.network}</a>
              </li>
              <li>
                <a href={`/api/places/${encodeURIComponent(p.id)}`}>{t.json}</a>
              </li>
            </ul>
          </section>
        </>
      ),
    });
  }

  app.get<{ Querystring: { lang?: string } }>('/countries', opts, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const [list, ties] = await Promise.all([
      store.places.list({ kind: 'country' }, 1000, 0),
      network.countryTies(),
    ]);
    const coll = collator(lang);
    const all = list.map((h) => h.place).sort((a, b) => coll.compare(localName(a, lang), localName(b, lang)));
    const num = numberFormat(lang);
    const Item = (p: { c: Place }) => (
      <li>
        <a href={href(`/countries/${p.c.id}`, lang)}>{localName(p.c, lang)}</a>{' '}
        <span class="muted">
          {ties.get(p.c.id) ? t.ties(num.format(ties.get(p.c.id)!), ties.get(p.c.id) === 1) : ''}
        </span>
      </li>
    );
    return reply.type('text/html; charset=utf-8').send(
      pageFor(req, {
        title: t.directoryTitle,
        children: (
          <>
            <h1>{t.directoryTitle}</h1>
            <p class="muted">{t.directoryIntro(all.length)}</p>
            <p>
              <a href="#by-name">{t.byName}</a> · <a href="#by-continent">{t.byContinent}</a>
            </p>
            <h2 id="by-continent">{t.byContinent}</h2>
            {CONTINENTS.map((c) => {
              const members = all.filter((x) => continentOf(x.id, continents) === c);
              return members.length ? (
                <section aria-labelledby={`c-${c}`}>
                  <h3 id={`c-${c}`}>{CONTINENT_LABELS[lang][c]}</h3>
                  <ul class="columns">
                    {members.map((m) => (
                      <Item c={m} />
                    ))}
                  </ul>
                </section>
              ) : null;
            })}
            <h2 id="by-name">{t.byName}</h2>
            <ul class="columns">
              {all.map((m) => (
                <Item c={m} />
              ))}
            </ul>
          </>
        ),
      }),
    );
  });

  app.get<{ Params: { code: string }; Querystring: { lang?: string } }>(
    '/countries/:code',
    opts,
    async (req, reply) => {
      const lang = req.lang;
      const t = T[lang];
      const code = req.params.code.toUpperCase();
      const notFound = new NotFoundError(`There is no country with the code ${req.params.code}.`);
      const detail = await places.detail(code).catch((e: unknown) => {
        throw e instanceof NotFoundError ? notFound : e;
      });
      const country = detail.place;
      if (country.kind !== 'country') throw notFound;
      const [c, sections] = await Promise.all([network.country(code, 20), content.sections('country', code)]);
      const name = localName(country, lang);
      const num = numberFormat(lang);
      const zones = countryTimezones(code);
      const program = await ProgramPanels({
        req,
        reply,
        store,
        index,
        subjects: [{ type: 'country', ids: [code] }],
        about: `country:${code}`,
        quiet: true,
      });
      return reply.type('text/html; charset=utf-8').send(
        pageFor(req, {
          title: name,
          children: (
            <>
              <h1>{name}</h1>
              <section class="card" aria-labelledby="h-facts">
                <h2 id="h-facts">{t.countryFacts}</h2>
                <dl class="facts">
                  <dt>{t.continent}</dt>
                  <dd>
                    {detail.facts.continent ? CONTINENT_LABELS[lang][detail.facts.continent] : t.unknown}
                  </dd>
                  <dt>{t.languages}</dt>
                  <dd>{languagesLabel(lang, country.languages) ?? t.unknown}</dd>
                  <dt>{t.currency}</dt>
                  <dd>{currencyLabel(lang, country.currency) ?? t.unknown}</dd>
                  <dt>{t.timezones}</dt>
                  <dd>{zones.length ? zones.map(zoneLabel).join(', ') : t.unknown}</dd>
                </dl>
              </section>
              <section aria-labelledby="h-culture">
                <h2 id="h-culture">{t.culture}</h2>
                {req.actor && (await content.mayEdit(req.actor, 'country', code)) && (
                  <EditLink href={href(`/edit/country/${code}`, lang)} label={messages(lang).editSections} />
                )}
                <Sections
                  keys={COUNTRY_SECTIONS}
                  sections={sections}
                  lang={lang}
                  empty={t.cultureEmpty}
                  facts={{
                    language: languagesLabel(lang, country.languages),
                    currency: currencyLabel(lang, country.currency),
                  }}
                />
              </section>
              {program}
              <div class="grid2">
                <section aria-labelledby="h-top">
                  <h2 id="h-top">{t.topPlaces}</h2>
                  <DataTable
                    columns={[{ label: t.place }, { label: t.count, numeric: true }]}
                    rows={c.top.map((p) => [
                      <a href={href(placePath(p), lang)}>{localName(p, lang)}</a>,
                      num.format(p.ties),
                    ])}
                  />
                </section>
                <section aria-labelledby="h-partner-countries">
                  <h2 id="h-partner-countries">{t.partnerCountries}</h2>
                  <DataTable
                    columns={[{ label: t.country }, { label: t.count, numeric: true }]}
                    rows={c.partnerCountries.slice(0, 30).map((p) => [
                      <a href={href(`/countries/${p.code}`, lang)}>{localName(p, lang)}</a>,
                      <a
                        href={href('/ties', lang, { a: code, b: p.code })}
                        aria-label={t.tiesWith(localName(p, lang), num.format(p.count), p.count === 1)}
                      >
                        {num.format(p.count)}
                      </a>,
                    ])}
                  />
                </section>
              </div>
              <p>
                <a href={href(`/places/${code}/stats`, lang)}>{t.statistics}</a>
              </p>
            </>
          ),
        }),
      );
    },
  );
}

const S = {
  en: {
    title: 'Search places',
    label: 'Name, in any language',
    country: 'Country code',
    kind: 'Kind',
    any: 'any',
    ties: 'Ties',
    withTies: 'with ties',
    withoutTies: 'without ties',
    search: 'Search',
    results: (q: string) => `Places matching “${q}”`,
    none: 'No place matches. Try the beginning of the name, in any language.',
    next: 'More results',
  },
  zh: {
    title: '搜索地方',
    label: '名称（任何语言）',
    country: '国家代码',
    kind: '类型',
    any: '任意',
    ties: '友城',
    withTies: '有友城',
    withoutTies: '无友城',
    search: '搜索',
    results: (q: string) => `与“${q}”匹配的地方`,
    none: '没有匹配的地方。请尝试输入名称的开头，任何语言均可。',
    next: '更多结果',
  },
};

type SearchQuery = {
  q?: string;
  country?: string;
  kind?: string;
  ties?: string;
  page?: string;
  lang?: string;
};

/** Search results with filters; plain GET forms, so it works without JavaScript. */
export function searchPage(app: FastifyInstance, places: PlacesService): void {
  app.get<{ Querystring: SearchQuery }>(
    '/search',
    { config: { cache: true }, schema: { hide: true } },
    async (req, reply) => {
      const lang = req.lang;
      const t = S[lang];
      const k = T[lang];
      const q = req.query.q?.trim() ?? '';
      const country = req.query.country?.trim().toUpperCase() || undefined;
      if (country && !isCountryCode(country))
        throw new ValidationError(
          `"${req.query.country}" is not an ISO 3166-1 alpha-2 country code such as CN`,
        );
      const kind = (PLACE_KINDS as readonly string[]).includes(req.query.kind ?? '')
        ? (req.query.kind as PlaceKind)
        : undefined;
      const hasTies = req.query.ties === 'yes' ? true : req.query.ties === 'no' ? false : undefined;
      const pageNo = Math.max(1, Math.min(100, Number(req.query.page) || 1));
      const size = 25;
      const hits =
        q || country || kind
          ? await places.search(q, { country, kind, hasTies }, size + 1, (pageNo - 1) * size)
          : [];
      const num = numberFormat(lang);
      return reply.type('text/html; charset=utf-8').send(
        pageFor(req, {
          title: q ? t.results(q) : t.title,
          children: (
            <>
              <h1>{q ? t.results(q) : t.title}</h1>
              <form class="filters card" method="get" action="/search" role="search">
                <LangField lang={lang} />
                <label>
                  {t.label}
                  <input type="search" name="q" value={q} placeholder="Malmö, 鞍山, Mailand…" />
                </label>
                <label>
                  {t.country}
                  <input name="country" value={country ?? ''} size={3} maxLength={2} placeholder="CN" />
                </label>
                <SelectField
                  label={t.kind}
                  name="kind"
                  value={kind}
                  none={t.any}
                  options={PLACE_KINDS.map((x) => [x, k.kinds[x]] as const)}
                />
                <SelectField
                  label={t.ties}
                  name="ties"
                  value={hasTies === true ? 'yes' : hasTies === false ? 'no' : undefined}
                  none={t.any}
                  options={[
                    ['yes', t.withTies],
                    ['no', t.withoutTies],
                  ]}
                />
                <button type="submit">{t.search}</button>
              </form>
              {(q || country || kind) && hits.length === 0 && <p>{t.none}</p>}
              {hits.length > 0 && (
                <DataTable
                  columns={[
                    { label: k.place },
                    { label: t.kind },
                    { label: k.country },
                    { label: k.population, numeric: true },
                    { label: t.ties, numeric: true },
                  ]}
                  rows={hits
                    .slice(0, size)
                    .map(({ place, ties }) => [
                      <a href={href(placePath(place), lang)}>{localName(place, lang)}</a>,
                      k.kinds[place.kind],
                      place.country ?? '',
                      place.population !== null ? num.format(place.population) : '',
                      num.format(ties),
                    ])}
                />
              )}
              {hits.length > size && (
                <p>
                  <a
                    href={href('/search', lang, {
                      q,
                      country,
                      kind,
                      ties: req.query.ties,
                      page: String(pageNo + 1),
                    })}
                    rel="next"
                  >
                    {t.next}
                  </a>
                </p>
              )}
            </>
          ),
        }),
      );
    },
  );
}
