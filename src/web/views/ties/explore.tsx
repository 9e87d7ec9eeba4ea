import type { TieEnd, TiesView } from '../../../services/tie-views.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../../domain/twinnings.js';
import { countryName, localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { LangField, SelectField } from '../forms.js';
import { Pager, href, renderPage } from '../layout.js';
import { placePath } from '../links.js';
import { DataTable } from '../table.js';

/** Every tie, filtered by a country or a pair of countries, kind, status and decade, fifty to a page. */
export function tiesPage(v: ViewContext, view: TiesView): string {
  const { lang } = v;
  const t = v.t.ties;
  const labels = v.t.labels;
  const { a, b, kind, status, decade, page } = view.filter;
  const title =
    a && b ? t.between(countryName(lang, a), countryName(lang, b)) : a ? t.of(countryName(lang, a)) : t.title;
  const countryOptions = view.countries
    .map((c) => [c, countryName(lang, c)] as const)
    .sort((x, y) => v.t.collator.compare(x[1], y[1]));
  const name = (e: TieEnd) => (e.place ? localName(e.place, lang) : e.id);
  const Side = (p: { end: TieEnd }) => {
    const place = p.end.place;
    return (
      <>
        {place ? <a href={href(placePath(place), lang)}>{localName(place, lang)}</a> : p.end.id}
        {place?.country && place.kind !== 'country' && (
          <span class="muted">{t.inCountry(countryName(lang, place.country))}</span>
        )}
      </>
    );
  };
  const query = { a, b, kind, status, decade: decade ? String(decade) : undefined };
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <p class="muted">{t.intro}</p>
        <form class="filters card" method="get" action="/ties">
          <LangField lang={lang} />
          <SelectField label={t.country} name="a" value={a} none={t.any} options={countryOptions} />
          <SelectField label={t.partnerCountry} name="b" value={b} none={t.any} options={countryOptions} />
          <SelectField
            label={t.kind}
            name="kind"
            value={kind}
            none={t.any}
            options={TWINNING_KINDS.map((k) => [k, labels.tieKinds[k]] as const)}
          />
          <SelectField
            label={t.status}
            name="status"
            value={status}
            none={t.any}
            options={TWINNING_STATUSES.map((s) => [s, labels.statuses[s]] as const)}
          />
          <SelectField
            label={t.decade}
            name="decade"
            value={decade ? String(decade) : undefined}
            none={t.any}
            options={view.decades.map((d) => [String(d), t.decadeLabel(d)] as const)}
          />
          <button type="submit">{t.apply}</button>
        </form>
        <p role="status">{view.total ? t.count(view.total) : t.none}</p>
        {view.rows.length > 0 && (
          <DataTable
            class="ties"
            columns={[
              { label: t.place },
              { label: t.partner },
              { label: t.kind },
              { label: t.signed },
              { label: t.status },
              { label: t.details },
            ]}
            rows={view.rows.map(({ tie, first, second }) => [
              <Side end={first} />,
              <Side end={second} />,
              labels.tieKinds[tie.kind],
              tie.signed ? v.t.date(tie.signed) : '',
              labels.statuses[tie.status],
              <a href={href(`/ties/${tie.id}`, lang)} aria-label={t.detailsOf(name(first), name(second))}>
                {t.details}
              </a>,
            ])}
          />
        )}
        <Pager
          lang={lang}
          path="/ties"
          query={query}
          page={page}
          hasNext={view.hasNext}
          prev={t.prev}
          next={t.next}
        />
      </>
    ),
  });
}
