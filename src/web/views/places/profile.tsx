import { addTiePath } from '../additions.js';
import { PLACE_SECTIONS, TIE_SECTIONS } from '../../../domain/sections.js';
import type { ProfileView } from '../../../services/place-views.js';
import type { TwinningWithPartner } from '../../../store/twinnings-repo.js';
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
import { placeAlternates, placeJsonLd } from '../linked-data.js';
import { PartnerMap } from '../partner-map.js';
import { Origin } from '../origin.js';
import { OurProgram } from '../our-program.js';
import { EditLink } from '../post-form.js';
import { ProgramPanels } from '../program.js';
import { Sections } from '../sections.js';

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
  const groups = new Map<string, TwinningWithPartner[]>();
  for (const i of pr.partners) {
    const key = i.partner.country ?? '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const groupList = [...groups.entries()].sort(
    ([x], [y]) => (x ? 0 : 1) - (y ? 0 : 1) || v.t.collator.compare(countryName(x), countryName(y)),
  );
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
        {tie && home && (
          <p class="lead tie">
            {partnerOf} <a href={href(`/ties/${tie.id}`, lang)}>{t.aboutTie}</a>
          </p>
        )}
        <section class="card" aria-labelledby="h-facts">
          <h2 id="h-facts">{t.facts}</h2>
          <dl class="facts">
            {tie && home && (
              <>
                <dt>{t.agreementSigned}</dt>
                <dd>{tie.signed ? v.t.date(tie.signed) : t.unknown}</dd>
                <dt>{t.tieKind}</dt>
                <dd>
                  {labels.tieKinds[tie.kind]}
                  {tie.status !== 'active' && ` (${labels.statuses[tie.status]})`}
                </dd>
              </>
            )}
            <dt>{v.t.provenance.kindOfPlace}</dt>
            <dd>
              {t.kinds[p.kind]}
              <Origin v={v} origin={o.kind} />
            </dd>
            {p.kind !== 'country' && (
              <>
                <dt>{t.country}</dt>
                <dd>
                  {p.country ? intlCountry(lang, p.country) : t.noCountry}
                  <Origin v={v} origin={p.country ? o.country : undefined} />
                </dd>
              </>
            )}
            <dt>{t.population}</dt>
            <dd>
              {p.population !== null
                ? `${v.t.num(p.population)}${p.populationYear ? ` (${p.populationYear})` : ''}`
                : t.unknown}
              <Origin v={v} origin={o.population} />
            </dd>
            <dt>{p.leaderTitle ?? t.leader}</dt>
            <dd>
              {p.leaderName ?? t.unknown}
              {p.leaderName && p.leaderSince && ` (${t.since} ${v.t.date(p.leaderSince)})`}
              <Origin v={v} origin={o.leader} />
            </dd>
            <dt>{t.languages}</dt>
            <dd>
              {languagesLabel(lang, f.languages) ?? t.unknown}
              <Origin v={v} origin={o.languages} />
            </dd>
            <dt>{t.currency}</dt>
            <dd>
              {currencyLabel(lang, f.currency) ?? t.unknown}
              <Origin v={v} origin={o.currency} />
            </dd>
            <dt>{t.timezone}</dt>
            <dd>
              {f.timezone ? zoneLabel(f.timezone) : t.unknown}
              <Origin v={v} origin={o.timezone} />
            </dd>
            {p.lat !== null && p.lon !== null && (
              <>
                <dt>{t.coordinates}</dt>
                <dd>
                  {`${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`}
                  <Origin v={v} origin={o.coordinates} />
                </dd>
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
          <Sections keys={PLACE_SECTIONS} sections={pr.sections} lang={lang} empty={t.profileEmpty} />
        </section>

        <ProgramPanels
          v={v}
          program={pr.program}
          about={`place:${p.id}`}
          place={{ id: p.id, mayEdit: pr.mayEdit }}
        />

        <section aria-labelledby="h-partners">
          <h2 id="h-partners">{t.partners(pr.partners.length)}</h2>
          {pr.mayAddTie && <EditLink href={href(addTiePath(p.id), lang)} label={v.t.additions.addTie} />}
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
                        labels.tieKinds[tw.kind],
                        tw.signed ? t.signedYear(tw.signed.date.slice(0, 4)) : '',
                        tw.status !== 'active' ? labels.statuses[tw.status] : '',
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
