import { PLACE_KINDS } from '../../../domain/places.js';
import type { SearchQuery, SearchView } from '../../../services/place-views.js';
import { countryName, localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { LangField, SelectField } from '../forms.js';
import { DownloadBlock } from '../download.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { DataTable } from '../table.js';

/** Search results with filters; a plain GET form, so it works without JavaScript. */
export function searchPage(v: ViewContext, q: SearchQuery, r: SearchView): string {
  const { lang } = v;
  const t = v.t.search;
  const k = v.t.places;
  const title = q.q ? t.results(q.q) : t.title;
  const ties = q.hasTies === true ? 'yes' : q.hasTies === false ? 'no' : undefined;
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <form class="filters card" method="get" action="/search" role="search">
          <LangField lang={lang} />
          <label>
            {t.label}
            <input type="search" name="q" value={q.q} placeholder="Malmö, 鞍山, Mailand…" />
          </label>
          <label>
            {t.country}
            <input name="country" value={q.country ?? ''} size={3} maxLength={2} placeholder="CN" />
          </label>
          <SelectField
            label={t.kind}
            name="kind"
            value={q.kind}
            none={t.any}
            options={PLACE_KINDS.map((x) => [x, k.kinds[x]] as const)}
          />
          <SelectField
            label={t.ties}
            name="ties"
            value={ties}
            none={t.any}
            options={[
              ['yes', t.withTies],
              ['no', t.withoutTies],
            ]}
          />
          <button type="submit">{t.search}</button>
        </form>
        {r.asked && r.hits.length === 0 && <p>{t.none}</p>}
        {r.hits.length > 0 && (
          <DataTable
            class="results"
            labelled
            columns={[
              { label: k.place },
              { label: t.kind },
              { label: k.country },
              { label: k.population, numeric: true },
              { label: t.ties, numeric: true },
            ]}
            rows={r.hits.map(({ place, ties: n }) => [
              <a href={href(placePath(place), lang)}>{localName(place, lang)}</a>,
              k.kinds[place.kind],
              place.country ? countryName(lang, place.country) : '',
              place.population !== null ? v.t.num(place.population) : '',
              v.t.num(n),
            ])}
          />
        )}
        {r.hasNext && (
          <p>
            <a
              href={href('/search', lang, {
                q: q.q,
                country: q.country,
                kind: q.kind,
                ties,
                page: String(q.page + 1),
              })}
              rel="next"
            >
              {t.next}
            </a>
          </p>
        )}
        {r.hits.length > 0 && (
          <DownloadBlock
            v={v}
            intro={v.t.download.searchIntro}
            query={{ q: q.q, country: q.country, kind: q.kind, has_ties: q.hasTies?.toString() }}
          />
        )}
      </>
    ),
  });
}
