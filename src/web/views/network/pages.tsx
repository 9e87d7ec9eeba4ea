import type { Overview, OverviewState, PlaceRef } from '../../../services/network.js';
import type { AroundView, PathEnd, PathView, QualityView } from '../../../services/network-views.js';
import { countryName, localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { LangField } from '../forms.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { DataTable } from '../table.js';

function PlaceLink(p: {
  v: ViewContext;
  place: { id: string; name: string; kind: string; names?: Readonly<Record<string, string>> };
}) {
  return <a href={href(placePath(p.place), p.v.lang)}>{localName(p.place, p.v.lang)}</a>;
}

const countryOf = (v: ViewContext, code: string | null) => (code ? countryName(v.lang, code) : '');

/** Places with a country and a figure each (ties, betweenness). */
function RefTable(p: { v: ViewContext; rows: [PlaceRef, string][]; valueLabel: string }) {
  const t = p.v.t.network;
  return (
    <DataTable
      columns={[{ label: t.place }, { label: t.country }, { label: p.valueLabel, numeric: true }]}
      rows={p.rows.map(([place, value]) => [
        <PlaceLink v={p.v} place={place} />,
        countryOf(p.v, place.country),
        value,
      ])}
    />
  );
}

/**
 * The chain of ties between two places, given by name or id. A name several places have is asked about
 * ("Which Birmingham?") with what tells them apart, instead of taking one silently.
 */
export function pathPage(v: ViewContext, r: PathView): string {
  const t = v.t.network;
  const ambiguous = [r.from, r.to].find((e) => e && !e.place && e.candidates.length);
  const value = (e: PathEnd | null) => (e?.place ? e.place.id : (e?.text ?? ''));
  return renderPage(v, {
    title: t.pathTitle,
    children: (
      <>
        <h1>{t.pathTitle}</h1>
        <p class="muted">{t.pathIntro}</p>
        <form class="filters card" method="get" action="/path">
          <LangField lang={v.lang} />
          <label>
            {t.fromPlace}
            <input name="from" value={r.from?.text ?? ''} required placeholder="Anshan" />
          </label>
          <label>
            {t.toPlace}
            <input name="to" value={r.to?.text ?? ''} required placeholder="Paris" />
          </label>
          <button type="submit">{t.find}</button>
        </form>
        {ambiguous && (
          <section class="card" aria-labelledby="h-which">
            <h2 id="h-which">{t.which(ambiguous.text)}</h2>
            <form method="get" action="/path" class="stack">
              <LangField lang={v.lang} />
              <fieldset>
                <legend>{t.whichHint}</legend>
                {ambiguous.candidates.map((c, i) => (
                  <label class="check">
                    <input
                      type="radio"
                      name={ambiguous === r.from ? 'from' : 'to'}
                      value={c.place.id}
                      checked={i === 0}
                    />
                    <span>
                      <strong>{localName(c.place, v.lang)}</strong>{' '}
                      <span class="muted">
                        {[
                          c.region ? localName(c.region, v.lang) : '',
                          countryOf(v, c.place.country),
                          t.choiceTies(c.ties),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <input
                type="hidden"
                name={ambiguous === r.from ? 'to' : 'from'}
                value={value(ambiguous === r.from ? r.to : r.from)}
              />
              <button type="submit">{t.choose}</button>
            </form>
          </section>
        )}
        {r.result && r.from?.place && r.to?.place && (
          <section aria-live="polite" class="card">
            <h2>
              {localName(r.from.place, v.lang)} → {localName(r.to.place, v.lang)}
            </h2>
            {r.result.path ? (
              <>
                <p>{t.steps(r.result.path.length - 1)}</p>
                <ol>
                  {r.result.path.map((p) => (
                    <li>
                      <PlaceLink v={v} place={p} /> <span class="muted">{countryOf(v, p.country)}</span>
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
  });
}

/** The network's groups and its most connected and most central places; says so while they are computed. */
export function networkPage(v: ViewContext, state: OverviewState): string {
  const t = v.t.network;
  const o = state.figures;
  const when = state.computedAt ? v.t.time(state.computedAt) : '';
  return renderPage(v, {
    title: t.networkTitle,
    children: (
      <>
        <h1>{t.networkTitle}</h1>
        <p class="muted">{t.networkIntro}</p>
        {state.status !== 'ready' && (
          <div class="attention" role="status">
            <p>
              <strong>{t.computing}</strong>
            </p>
            <p>
              {t.reloadHint} <a href={href('/network', v.lang)}>{t.reload}</a>
            </p>
            {o && <p>{t.previous(when)}</p>}
          </div>
        )}
        {o && <Figures v={v} o={o} />}
      </>
    ),
  });
}

function Figures({ v, o }: { v: ViewContext; o: Overview }) {
  const t = v.t.network;
  return (
    <>
      <ul class="figures">
        <li>
          <span class="n">{v.t.num(o.places)}</span>
          {t.places}
        </li>
        <li>
          <span class="n">{v.t.num(o.ties)}</span>
          {t.ties}
        </li>
        <li>
          <span class="n">{v.t.num(o.components)}</span>
          {t.components}
        </li>
      </ul>
      <div class="grid2">
        <section>
          <h2>{t.mostConnected}</h2>
          <RefTable v={v} rows={o.mostConnected.map((p) => [p, v.t.num(p.ties)])} valueLabel={t.ties2} />
        </section>
        <section>
          <h2>{t.mostCentral}</h2>
          <p class="muted">{t.centralNote}</p>
          <RefTable
            v={v}
            rows={o.mostCentral.map((p) => [p, v.t.num(p.betweenness)])}
            valueLabel={t.betweenness}
          />
        </section>
      </div>
      <h2>{t.largest}</h2>
      <DataTable
        columns={[{ label: t.size, numeric: true }, { label: t.hub }]}
        rows={o.largestComponents.map((c) => [v.t.num(c.size), <PlaceLink v={v} place={c.hub} />])}
      />
    </>
  );
}

/** A place's cousins (partners of partners it is not tied to) and open triangles. */
export function aroundPage(v: ViewContext, a: AroundView): string {
  const t = v.t.network;
  const title = t.aroundTitle(localName(a.place, v.lang));
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <p>
          {t.componentSize(a.componentSize)}{' '}
          <a href={href(`/places/${encodeURIComponent(a.place.id)}/stats`, v.lang)}>{t.stats}</a>
        </p>
        <section>
          <h2>{t.cousins}</h2>
          <p class="muted">{t.cousinsNote}</p>
          {a.cousins.length ? (
            <DataTable
              columns={[{ label: t.place }, { label: t.country }, { label: t.sharedPartners }]}
              rows={a.cousins.map((c) => [
                <PlaceLink v={v} place={c} />,
                countryOf(v, c.country),
                c.via.map((p, i) => (
                  <>
                    {i > 0 && ', '}
                    <PlaceLink v={v} place={p} />
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
                  <PlaceLink v={v} place={b} /> — <PlaceLink v={v} place={c} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.none}</p>
          )}
        </section>
      </>
    ),
  });
}

/** What editors should fix first, and what the data is and where its sources disagree. */
export function qualityPage(v: ViewContext, q: QualityView): string {
  const t = v.t.network;
  const r = q.network;
  const List = (p: { items: PlaceRef[]; total: number }) =>
    p.total ? (
      <>
        <p class="muted">{t.showing(p.items.length, p.total)}</p>
        <RefTable v={v} rows={p.items.map((x) => [x, v.t.num(x.ties)])} valueLabel={t.ties2} />
      </>
    ) : (
      <p>{t.none}</p>
    );
  const d = q.disagreements;
  return renderPage(v, {
    title: t.qualityTitle,
    children: (
      <>
        <h1>{t.qualityTitle}</h1>
        <p class="muted">{t.qualityIntro}</p>
        {q.data && (
          <section class="card" aria-labelledby="h-data">
            <h2 id="h-data">{t.dataTitle}</h2>
            <p>{t.dataAsOf(v.t.date({ date: q.data.asOf.slice(0, 10), precision: 'day' }))}</p>
            <p>{t.dataSources}</p>
            <ul>
              {q.data.sources.map((s) => (
                <li>
                  {s.url ? <a href={s.url}>{s.title}</a> : s.title}
                  <span class="muted"> {[s.date, s.licence].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
            <p class="muted">{t.dataPartial}</p>
          </section>
        )}
        <section>
          <h2>
            {t.oneSided} ({v.t.num(r.oneSided.count)})
          </h2>
          <p class="muted">{t.showing(r.oneSided.items.length, r.oneSided.count)}</p>
          <DataTable
            columns={[{ label: t.listedBy }, { label: t.notListedBy }]}
            rows={r.oneSided.items.map((i) => [
              <PlaceLink v={v} place={i.listedBy} />,
              <PlaceLink v={v} place={i.notListedBy} />,
            ])}
          />
        </section>
        <section>
          <h2>
            {t.duplicates} ({v.t.num(r.duplicateCandidates.count)})
          </h2>
          <ul>
            {r.duplicateCandidates.items.map((g) => (
              <li>
                {g.map((p, i) => (
                  <>
                    {i > 0 && ' · '}
                    <PlaceLink v={v} place={p} />{' '}
                    <span class="muted">
                      {p.country ? `${p.id} · ${countryName(v.lang, p.country)}` : p.id}
                    </span>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </section>
        {d.total > 0 && (
          <section>
            <h2>
              {t.disagreements} ({v.t.num(d.total)})
            </h2>
            <p class="muted">
              {t.disagreementsNote} {t.showing(d.items.length, d.total)}
            </p>
            <DataTable
              columns={[{ label: t.place }, { label: t.fact }, { label: t.kept }, { label: t.other }]}
              rows={d.items.map((x) => {
                const place = d.places.get(x.place);
                return [
                  place ? <PlaceLink v={v} place={place} /> : x.place,
                  x.fact,
                  <>
                    {x.kept ?? '—'} <span class="muted">{x.keptSource ?? ''}</span>
                  </>,
                  <>
                    {x.other ?? '—'} <span class="muted">{x.otherSource ?? ''}</span>
                  </>,
                ];
              })}
            />
          </section>
        )}
        <div class="grid2">
          <section>
            <h2>
              {t.withoutCountry} ({v.t.num(r.withoutCountry.count)})
            </h2>
            <List items={r.withoutCountry.items} total={r.withoutCountry.count} />
          </section>
          <section>
            <h2>
              {t.withoutCoordinates} ({v.t.num(r.withoutCoordinates.count)})
            </h2>
            <List items={r.withoutCoordinates.items} total={r.withoutCoordinates.count} />
          </section>
        </div>
      </>
    ),
  });
}
