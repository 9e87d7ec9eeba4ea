import type { AboutView } from '../../services/data-info.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { DataTable } from './table.js';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What the data is, where it comes from under which licence, how old it is and how places were matched. */
export function aboutPage(v: ViewContext, a: AboutView): string {
  const t = v.t.provenance;
  const day = (iso: string) => v.t.date({ date: iso.slice(0, 10), precision: 'day' });
  const pct = (x: number) =>
    new Intl.NumberFormat(v.t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const share = (part: number, whole: number) =>
    whole ? t.share(v.t.num(part), v.t.num(whole), pct(part / whole)) : v.t.num(part);
  const cov = a.info?.coverage ?? {};
  const figures: [string, string][] = [
    [t.places, v.t.num(a.places)],
    [t.ties, v.t.num(a.ties)],
    [t.datedTies, share(a.datedTies, a.ties)],
  ];
  const withCountries = num(cov.tiesWithBothCountries);
  const tiesThen = num(cov.ties);
  if (withCountries !== null && tiesThen) figures.push([t.tiesWithCountries, share(withCountries, tiesThen)]);
  const located = num(cov.tiedPlacesWithCoordinates);
  const tiedThen = num(cov.tiedPlaces);
  if (located !== null && tiedThen) figures.push([t.tiedPlacesLocated, share(located, tiedThen)]);
  const rules = (a.info?.rules ?? []).filter((r) => r.used !== false);
  return renderPage(v, {
    title: t.aboutTitle,
    children: (
      <>
        <h1>{t.aboutTitle}</h1>
        <p class="lead">{t.aboutIntro}</p>
        {a.info ? <p>{t.snapshot(day(a.info.asOf))}</p> : <p>{t.noManifest}</p>}
        {a.syncedAt && <p>{t.synced(day(a.syncedAt))}</p>}
        <p class="muted">{t.partial}</p>
        <p>
          <a href={href('/quality', v.lang)}>{t.qualityLink}</a>
        </p>
        <section aria-labelledby="h-figures">
          <h2 id="h-figures">{t.figuresTitle}</h2>
          <dl class="facts">
            {figures.map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </section>
        {a.info && a.info.sources.length > 0 && (
          <section aria-labelledby="h-sources">
            <h2 id="h-sources">{t.sourcesTitle}</h2>
            <DataTable
              class="sources"
              columns={[{ label: t.source }, { label: t.date }, { label: t.licence }]}
              rows={a.info.sources.map((s) => [
                s.url ? (
                  <a href={s.url} rel="external">
                    {s.title}
                  </a>
                ) : (
                  s.title
                ),
                s.date ?? '',
                s.licence ?? '',
              ])}
            />
          </section>
        )}
        {rules.length > 0 && (
          <section aria-labelledby="h-rules">
            <h2 id="h-rules">{t.rulesTitle}</h2>
            <p class="muted">{t.rulesIntro}</p>
            <DataTable
              class="rules"
              labelled
              columns={[
                { label: t.rule },
                { label: t.matched, numeric: true },
                { label: t.precision, numeric: true },
              ]}
              rows={rules.map((r) => [
                typeof r.description === 'string' ? r.description : String(r.rule ?? ''),
                num(r.matched) !== null ? v.t.num(num(r.matched)!) : '',
                num(r.precision) !== null ? pct(num(r.precision)!) : '',
              ])}
            />
          </section>
        )}
      </>
    ),
  });
}
