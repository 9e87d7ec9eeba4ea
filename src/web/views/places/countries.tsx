import { CONTINENTS } from '../../../domain/countries.js';
import type { CountriesView, CountryView } from '../../../services/place-views.js';
import { COUNTRY_SECTIONS } from '../../../domain/sections.js';
import { countryName, currencyLabel, languagesLabel, localName, zoneLabel } from '../../i18n/index.js';
import type { FactOrigin } from '../../../domain/provenance.js';
import { FactList } from '../fact-list.js';
import { Flag } from '../flag.js';
import { Origin } from '../origin.js';
import type { ViewContext } from '../context.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { DownloadBlock } from '../download.js';
import { placeAlternates, placeJsonLd } from '../linked-data.js';
import { EditLink } from '../post-form.js';
import { ProgramPanels } from '../program.js';
import { Sections } from '../sections.js';
import { DataTable } from '../table.js';

/** Every country and territory, by continent and by name, with its ties in force. */
export function countriesPage(v: ViewContext, view: CountriesView): string {
  const { lang } = v;
  const t = v.t.places;
  const all = [...view.countries].sort((a, b) =>
    v.t.collator.compare(localName(a.place, lang), localName(b.place, lang)),
  );
  const Item = (p: { c: (typeof all)[number] }) => (
    <li>
      <a href={href(`/countries/${p.c.place.id}`, lang)}>{localName(p.c.place, lang)}</a>{' '}
      <span class="muted">{p.c.ties ? t.ties(p.c.ties) : ''}</span>
    </li>
  );
  return renderPage(v, {
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
          const members = all.filter((x) => x.continent === c);
          return members.length ? (
            <section aria-labelledby={`c-${c}`}>
              <h3 id={`c-${c}`}>{v.t.labels.continents[c]}</h3>
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
  });
}

/** A country's page: its facts, culture sections, what programs did there, its busiest places and partners. */
export function countryPage(v: ViewContext, c: CountryView): string {
  const { lang } = v;
  const t = v.t.places;
  const country = c.detail.place;
  const code = country.id;
  const name = localName(country, lang);
  const withOrigin = (value: string | null | undefined, origin: FactOrigin | undefined) =>
    value ? (
      <>
        {value}
        <Origin v={v} origin={origin} />
      </>
    ) : null;
  return renderPage(v, {
    title: name,
    head: {
      alternates: placeAlternates(code),
      jsonLd: placeJsonLd(v.site.url ?? '', v.t, country, { contains: c.top }),
    },
    children: (
      <>
        <h1>
          <Flag code={code} />
          {name}
        </h1>
        <section class="card" aria-labelledby="h-facts">
          <h2 id="h-facts">{t.countryFacts}</h2>
          <FactList
            v={v}
            rows={[
              {
                label: t.continent,
                value: c.detail.facts.continent ? v.t.labels.continents[c.detail.facts.continent] : null,
              },
              {
                label: t.languages,
                value: withOrigin(languagesLabel(lang, country.languages), c.origins.languages),
              },
              {
                label: t.currency,
                value: withOrigin(currencyLabel(lang, country.currency), c.origins.currency),
              },
              {
                label: t.timezones,
                value: c.timezones.length ? c.timezones.map(zoneLabel).join(', ') : null,
              },
            ]}
          />
        </section>
        <section aria-labelledby="h-culture">
          <h2 id="h-culture">{t.culture}</h2>
          {c.mayEdit && <EditLink href={href(`/edit/country/${code}`, lang)} label={v.t.site.editSections} />}
          <Sections
            keys={COUNTRY_SECTIONS}
            sections={c.sections}
            lang={lang}
            empty={t.cultureEmpty}
            facts={{
              language: languagesLabel(lang, country.languages),
              currency: currencyLabel(lang, country.currency),
            }}
          />
        </section>
        <ProgramPanels v={v} program={c.program} about={`country:${code}`} quiet />
        <div class="grid2">
          <section aria-labelledby="h-top">
            <h2 id="h-top">{t.topPlaces}</h2>
            <DataTable
              columns={[{ label: t.place }, { label: t.count, numeric: true }]}
              rows={c.top.map((p) => [
                <a href={href(placePath(p), lang)}>{localName(p, lang)}</a>,
                v.t.num(p.ties),
              ])}
            />
          </section>
          <section aria-labelledby="h-partner-countries">
            <h2 id="h-partner-countries">{t.partnerCountries}</h2>
            <DataTable
              columns={[{ label: t.country }, { label: t.count, numeric: true }]}
              rows={c.partnerCountries.map((p) => [
                <a href={href(`/countries/${p.code}`, lang)}>{countryName(lang, p.code)}</a>,
                <a
                  href={href('/ties', lang, { a: code, b: p.code })}
                  aria-label={t.tiesWith(countryName(lang, p.code), p.count)}
                >
                  {v.t.num(p.count)}
                </a>,
              ])}
            />
          </section>
        </div>
        <p>
          <a href={href(`/places/${code}/stats`, lang)}>{t.statistics}</a>
        </p>
        <DownloadBlock v={v} intro={v.t.download.countryIntro(name)} query={{ country: code }} />
      </>
    ),
  });
}
