import { CONTINENTS } from '../../domain/countries.js';
import type { RankingsView } from '../../services/rankings.js';
import { countryName, localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { DateField, LangField, SelectField } from './forms.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { DataTable } from './table.js';

/** The places and countries with the most ties in force, in a continent or signed in a period. */
export function rankingsPage(v: ViewContext, view: RankingsView): string {
  const { lang } = v;
  const t = v.t.rankings;
  const { continent, from, to } = view.filter;
  return renderPage(v, {
    title: t.title,
    children: (
      <>
        <h1>{t.title}</h1>
        <p class="muted">{t.intro}</p>
        <form class="filters card" method="get" action="/rankings">
          <LangField lang={lang} />
          <SelectField
            label={t.continent}
            name="continent"
            value={continent}
            none={t.all}
            options={CONTINENTS.map((c) => [c, v.t.labels.continents[c]] as const)}
          />
          <DateField label={t.from} name="from" value={from} placeholder="2000" />
          <DateField label={t.to} name="to" value={to} placeholder="2020" />
          <button type="submit">{t.apply}</button>
        </form>
        {view.period && <p class="muted">{t.periodNote}</p>}
        <div class="grid2">
          <section aria-labelledby="h-places">
            <h2 id="h-places">{t.places}</h2>
            {view.places.length ? (
              <DataTable
                columns={[
                  { label: t.rank, numeric: true },
                  { label: t.place },
                  { label: t.country },
                  { label: t.count, numeric: true },
                ]}
                rows={view.places.map((p, i) => [
                  i + 1,
                  <a href={href(placePath(p), lang)}>{localName(p, lang)}</a>,
                  p.country ? countryName(lang, p.country) : '',
                  v.t.num(p.count),
                ])}
              />
            ) : (
              <p>{t.none}</p>
            )}
          </section>
          <section aria-labelledby="h-countries">
            <h2 id="h-countries">{t.countries}</h2>
            {view.countries.length ? (
              <DataTable
                columns={[
                  { label: t.rank, numeric: true },
                  { label: t.country },
                  { label: t.count, numeric: true },
                ]}
                rows={view.countries.map((c, i) => [
                  i + 1,
                  <a href={href(`/countries/${c.code}`, lang)}>{countryName(lang, c.code)}</a>,
                  v.t.num(c.count),
                ])}
              />
            ) : (
              <p>{t.none}</p>
            )}
          </section>
        </div>
      </>
    ),
  });
}
