import type { ComponentChildren } from 'preact';
import { addTiePath } from '../additions.js';
import { PLACE_SECTION_GROUPS, PLACE_SECTIONS, TIE_SECTIONS } from '../../../domain/sections.js';
import type { ProfileView } from '../../../services/place-views.js';
import {
  countryName as intlCountry,
  currencyLabel,
  languagesLabel,
  localName,
  zoneLabel,
} from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { DownloadBlock } from '../download.js';
import { FactList } from '../fact-list.js';
import { Flag } from '../flag.js';
import { placeAlternates, placeJsonLd } from '../linked-data.js';
import { PartnerMap } from '../partner-map.js';
import { Origin } from '../origin.js';
import { OurProgram } from '../our-program.js';
import { EditLink } from '../post-form.js';
import type { SeekingField } from '../../../domain/seeking.js';
import { keywordLabel } from './matching.js';
import { ProgramPanels } from '../program.js';
import { Sections } from '../sections.js';

/** A fact's value with its origin note, or null when the data does not know it. */
const known = (value: string | null | undefined | false, origin: ComponentChildren) =>
  value ? (
    <>
      {value}
      {origin}
    </>
  ) : null;

/**
 * A place's page: where it belongs, a fact card, the written sections, what programs did there, its partners
 * by country and a map of its ties. In home mode a partner's page starts with its tie to the home.
 */
export function profilePage(v: ViewContext, pr: ProfileView): string {
  const { lang } = v;
  const t = v.t.places;
  const labels = v.t.labels;
  const home = v.site.home;
  const p = pr.place;
  const name = localName(p, lang);
  const homeName = home ? localName(home, lang) : '';
  const countryName = (code: string | null) =>
    code ? localName(pr.countries.get(code) ?? { name: code }, lang) : t.noCountry;
  // by country (those without one last), then by name
  const sortedPartners = [...pr.partners].sort(
    (x, y) =>
      (x.partner.country ? 0 : 1) - (y.partner.country ? 0 : 1) ||
      v.t.collator.compare(countryName(x.partner.country), countryName(y.partner.country)) ||
      v.t.collator.compare(localName(x.partner, lang), localName(y.partner, lang)),
  );
  const photo = pr.program.photos[0];
  const f = pr.facts;
  const o = pr.origins;
  const tie = pr.homeTie?.twinning;
  const partnerOf = tie ? t.partnerOf(homeName, tie.signed ? v.t.date(tie.signed) : null) : undefined;
  const parent = pr.ancestors[0];
  return renderPage(v, {
    title: name,
    description: partnerOf,
    head: {
      alternates: placeAlternates(p.id),
      jsonLd: placeJsonLd(v.site.url ?? '', v.t, p, {
        parent,
        ties: pr.partners.map(({ twinning, partner }) => ({ id: twinning.id, partner })),
      }),
    },
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
          {p.names.en && lang !== 'en' && p.names.en !== name
            ? ` · ${p.names.en}`
            : p.names.zh && lang === 'en'
              ? ` · `
              : ''}
          {p.names.zh && lang === 'en' && <span lang="zh-Hans">{localName(p, 'zh')}</span>}
        </p>
        {photo && (
          <figure class="header-photo">
            <img
              src={`/photos/${photo.id}/large.webp`}
              alt={photo.caption}
              width={photo.width}
              height={photo.height}
              decoding="async"
            />
            <figcaption>{photo.caption}</figcaption>
          </figure>
        )}
        {tie && home && (
          <p class="lead tie">
            {partnerOf} <a href={href(`/ties/${tie.id}`, lang)}>{t.aboutTie}</a>
          </p>
        )}
        {pr.listing && (
          <p class="lead seeking-note">
            <strong>{v.t.seeking.onProfile}</strong>
            {pr.listing.fields.length > 0 &&
              `: ${v.t.list(pr.listing.fields.map((x) => v.t.seeking.fields[x as SeekingField] ?? x))}`}{' '}
            <a href={`${href('/seeking', lang)}#listing-${pr.listing.id}`}>{v.t.seeking.seeListing}</a>
          </p>
        )}
        <section class="card" aria-labelledby="h-facts">
          <h2 id="h-facts">{t.facts}</h2>
          <FactList
            v={v}
            rows={[
              tie &&
                home && {
                  label: t.agreementSigned,
                  value: tie.signed ? v.t.date(tie.signed) : null,
                },
              tie &&
                home && {
                  label: t.tieKind,
                  value: (
                    <>
                      {labels.tieKinds[tie.kind]}
                      {tie.status !== 'active' && ` (${labels.statuses[tie.status]})`}
                    </>
                  ),
                },
              {
                label: v.t.provenance.kindOfPlace,
                value: (
                  <>
                    {t.kinds[p.kind]}
                    <Origin v={v} origin={o.kind} />
                  </>
                ),
              },
              p.kind !== 'country' && {
                label: t.country,
                value: p.country ? (
                  <>
                    <Flag code={p.country} />
                    {intlCountry(lang, p.country)}
                    <Origin v={v} origin={o.country} />
                  </>
                ) : null,
              },
              {
                label: t.population,
                value:
                  p.population !== null ? (
                    <>
                      {`${v.t.num(p.population)}${p.populationYear ? ` (${p.populationYear})` : ''}`}
                      <Origin v={v} origin={o.population} />
                    </>
                  ) : null,
              },
              {
                label: p.leaderTitle ?? t.leader,
                value: p.leaderName ? (
                  <>
                    {p.leaderName}
                    {p.leaderSince && ` (${t.since} ${v.t.date(p.leaderSince)})`}
                    <Origin v={v} origin={o.leader} />
                  </>
                ) : null,
              },
              {
                label: t.languages,
                value: known(languagesLabel(lang, f.languages), <Origin v={v} origin={o.languages} />),
              },
              {
                label: t.currency,
                value: known(currencyLabel(lang, f.currency), <Origin v={v} origin={o.currency} />),
              },
              {
                label: t.timezone,
                value: known(f.timezone && zoneLabel(f.timezone), <Origin v={v} origin={o.timezone} />),
              },
              pr.keywords.length > 0 && {
                label: v.t.seeking.knownFor,
                value: (
                  <ul class="tags">
                    {pr.keywords.map((k) => (
                      <li>{keywordLabel(lang, k)}</li>
                    ))}
                  </ul>
                ),
              },
              {
                label: t.coordinates,
                value:
                  p.lat !== null && p.lon !== null ? (
                    <>
                      {`${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`}
                      <Origin v={v} origin={o.coordinates} />
                    </>
                  ) : null,
              },
              !!p.wikidata && {
                label: t.wikidata,
                value: (
                  <a href={`https://www.wikidata.org/wiki/${p.wikidata}`} rel="external">
                    {p.wikidata}
                  </a>
                ),
              },
            ]}
          />
        </section>

        <OurProgram
          v={v}
          title={tie ? t.ourProgramWith(name) : t.ourProgram}
          programs={pr.ourProgram}
          partner={!!tie}
        />

        <section aria-labelledby="h-profile">
          <h2 id="h-profile">{t.profile}</h2>
          {pr.mayEditTie && tie && (
            <EditLink href={href(`/edit/tie/${tie.id}`, lang)} label={v.t.site.editSections} />
          )}
          {pr.homeTie && (
            <Sections
              keys={TIE_SECTIONS}
              sections={pr.homeTie.sections}
              lang={lang}
              empty={t.tieEmpty(homeName)}
              idPrefix="tie"
            />
          )}
          {pr.mayEdit && <EditLink href={href(`/edit/place/${p.id}`, lang)} label={v.t.site.editSections} />}
          <Sections
            keys={PLACE_SECTIONS}
            groups={PLACE_SECTION_GROUPS}
            sections={pr.sections}
            lang={lang}
            empty={t.profileEmpty}
          />
        </section>

        <ProgramPanels
          v={v}
          program={pr.program}
          about={`place:${p.id}`}
          place={{ id: p.id, mayEdit: pr.mayEdit, headerPhoto: photo?.id }}
        />

        <section aria-labelledby="h-partners">
          <h2 id="h-partners">{t.partners(pr.partners.length)}</h2>
          {pr.mayAddTie && <EditLink href={href(addTiePath(p.id), lang)} label={v.t.additions.addTie} />}
          {pr.partners.length === 0 && <p>{t.noPartners}</p>}
          {pr.partners.length > 0 && (
            <ul class="cards partner-cards">
              {sortedPartners.map(({ twinning: tw, partner }) => (
                <li>
                  <a class="title" href={href(placePath(partner), lang)}>
                    {localName(partner, lang)}
                  </a>
                  <span class="country">
                    <Flag code={partner.country} />
                    {countryName(partner.country)}
                  </span>
                  <span class="muted">
                    {[
                      labels.tieKinds[tw.kind],
                      tw.signed ? t.sinceYear(tw.signed.date.slice(0, 4)) : '',
                      tw.status !== 'active' ? labels.statuses[tw.status] : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
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

        <DownloadBlock v={v} intro={v.t.download.placeIntro(name)} query={{ place: p.id }} />

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
              <a href={href(`/places/${encodeURIComponent(p.id)}/partners/find`, lang)}>
                {v.t.matching.link}
              </a>
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
