import { TIE_SECTIONS } from '../../../domain/sections.js';
import type { TieView } from '../../../services/tie-views.js';
import { siteAssets } from '../../assets.js';
import { countryName, localName } from '../../i18n/index.js';
import { TiesMap } from '../charts.js';
import { FactList } from '../fact-list.js';
import { Flag } from '../flag.js';
import { Origin } from '../origin.js';
import type { ViewContext } from '../context.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { EditLink } from '../post-form.js';
import { ProgramPanels } from '../program.js';
import { Sections } from '../sections.js';

/**
 * A tie's page: its facts with their sources, the story editors wrote, what programs did together, the two
 * places and a map of the line between them. In home mode the home is named first.
 */
export function tiePage(v: ViewContext, view: TieView): string {
  const { lang } = v;
  const t = v.t.ties;
  const labels = v.t.labels;
  const { tie, sides } = view;
  const [x, y] = sides;
  const nx = localName(x.place, lang);
  const ny = localName(y.place, lang);
  const title = t.tieTitle(nx, ny);
  const listed =
    view.listedBy === 'both'
      ? t.listedBoth
      : view.listedBy === null
        ? null
        : localName(sides[view.listedBy].place, lang);
  const located = sides.every((s) => s.place.lat !== null && s.place.lon !== null);
  const o = view.origins;
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <section class="card" aria-labelledby="h-facts">
          <h2 id="h-facts">{t.facts}</h2>
          <FactList
            v={v}
            rows={[
              {
                label: t.kind,
                value: (
                  <>
                    {labels.tieKinds[tie.kind]}
                    <Origin v={v} origin={o.kind} />
                  </>
                ),
              },
              {
                label: t.status,
                value: (
                  <>
                    {labels.statuses[tie.status]}
                    <Origin v={v} origin={o.status} />
                  </>
                ),
              },
              {
                label: t.signed,
                value: tie.signed ? (
                  <>
                    {v.t.date(tie.signed)}
                    <Origin v={v} origin={o.signed} />
                  </>
                ) : null,
              },
              !!tie.ended && {
                label: t.ended,
                value: (
                  <>
                    {v.t.date(tie.ended)}
                    <Origin v={v} origin={o.ended} />
                  </>
                ),
              },
              !!listed && { label: t.listedBy, value: listed },
              !!tie.notes && {
                label: t.notes,
                value: (
                  <>
                    {tie.notes}
                    <Origin v={v} origin={o.notes} />
                  </>
                ),
              },
              tie.sources.length > 0 && {
                label: t.sources,
                value: (
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
                        {s.fact && <span class="muted">{t.sourceFact(s.fact)}</span>}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </section>
        <section aria-labelledby="h-profile">
          <h2 id="h-profile">{t.profile}</h2>
          {view.mayEdit && (
            <EditLink href={href(`/edit/tie/${tie.id}`, lang)} label={v.t.site.editSections} />
          )}
          <Sections keys={TIE_SECTIONS} sections={view.sections} lang={lang} empty={t.empty} />
        </section>
        <ProgramPanels v={v} program={view.program} about={`twinning:${tie.id}`} />
        <section aria-labelledby="h-sides">
          <h2 id="h-sides">{t.sides}</h2>
          <ul class="cards">
            {sides.map((s) => (
              <li>
                <a class="title" href={href(placePath(s.place), lang)}>
                  {localName(s.place, lang)}
                </a>
                {s.country && (
                  <span class="country">
                    <Flag code={s.country} />
                    {countryName(lang, s.country)}
                  </span>
                )}
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
  });
}
