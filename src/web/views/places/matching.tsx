import { CONTINENTS, type Continent } from '../../../domain/countries.js';
import { isProfileKeyword } from '../../../domain/profile.js';
import type { Reason } from '../../../domain/matching.js';
import { PLACE_KINDS } from '../../../domain/places.js';
import type { MatchView } from '../../../services/matching.js';
import { countryName, languagesLabel, localName, messages, type Lang } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { LangField, SelectField } from '../forms.js';
import { href, renderPage } from '../layout.js';
import { placePath } from '../links.js';

/** A reason as a sentence in `lang` ("3 shared partners"). Every kind of reason needs its case here. */
export function reasonText(lang: Lang, r: Reason): string {
  const t = messages(lang).matching.reasons;
  switch (r.kind) {
    case 'shared':
      return t.shared(r.count);
    case 'population':
      return t.population(r.population);
    case 'countries':
      return t.countries(r.count);
    case 'regions':
      return t.regions(r.count);
    case 'distance':
      return t.distance(r.km);
    case 'language':
      return r.common.length
        ? t.commonLanguage(languagesLabel(lang, r.common) ?? '')
        : t.taughtLanguage(languagesLabel(lang, r.taught) ?? '');
    case 'profile':
      return t.profile(messages(lang).list(r.keywords.map((k) => keywordLabel(lang, k))));
    case 'openness':
      if (!r.listing) return t.openness(r.ties);
      if (r.listing === 'anywhere') return t.seekingAnywhere;
      if (r.listing === 'elsewhere' || !r.wanted) return t.seekingElsewhere;
      return t.seeking(
        r.listing === 'country'
          ? countryName(lang, r.wanted)
          : (messages(lang).labels.continents[r.wanted as Continent] ?? r.wanted),
      );
  }
}

/** A profile keyword in `lang`: a controlled one's label, a free one as its editors wrote it. */
export function keywordLabel(lang: Lang, k: string): string {
  return isProfileKeyword(k) ? messages(lang).seeking.keywords[k] : k;
}

/** The partner finder of a place: a GET filter form and the shortlist as cards, each with its reasons. */
export function matchingPage(
  v: ViewContext,
  m: MatchView,
  q: Partial<Record<string, string | number | undefined>>,
): string {
  const { lang } = v;
  const t = v.t.matching;
  const k = v.t.places;
  const name = localName(m.place, lang);
  const title = t.title(name);
  const value = (key: string) => (q[key] === undefined ? '' : String(q[key]));
  const path = `/places/${encodeURIComponent(m.place.id)}/partners/find`;
  const continents = CONTINENTS.map((c) => [c, v.t.labels.continents[c]] as const);
  const api = `/api/places/${encodeURIComponent(m.place.id)}/suggestions`;
  return renderPage(v, {
    title,
    children: (
      <>
        <nav class="muted">
          <a href={href(placePath(m.place), lang)}>{name}</a>
        </nav>
        <h1>{title}</h1>
        <p>{t.intro}</p>
        <form class="filters card" method="get" action={path} aria-label={t.filters}>
          <LangField lang={lang} />
          <label>
            {t.countries}
            <input
              name="countries"
              value={value('countries')}
              size={10}
              placeholder="DE, FR"
              title={t.codesHint}
            />
          </label>
          <label>
            {t.excludeCountries}
            <input
              name="excludeCountries"
              value={value('excludeCountries')}
              size={10}
              placeholder="DE, FR"
              title={t.codesHint}
            />
          </label>
          <SelectField
            label={t.continent}
            name="continents"
            value={value('continents')}
            none={t.any}
            options={continents}
          />
          <SelectField
            label={t.excludeContinent}
            name="excludeContinents"
            value={value('excludeContinents')}
            none={t.any}
            options={continents}
          />
          <label>
            {t.minKm}
            <input name="minKm" type="number" min="0" value={value('minKm')} />
          </label>
          <label>
            {t.maxKm}
            <input name="maxKm" type="number" min="0" value={value('maxKm')} />
          </label>
          <SelectField
            label={t.kind}
            name="kind"
            value={value('kind')}
            none={t.sameKind}
            options={PLACE_KINDS.map((x) => [x, k.kinds[x]] as const)}
          />
          <label>
            {t.minPop}
            <input name="minPop" type="number" min="0" value={value('minPop')} />
          </label>
          <label>
            {t.maxPop}
            <input name="maxPop" type="number" min="0" value={value('maxPop')} />
          </label>
          <button type="submit">{t.submit}</button>
        </form>
        <p>{m.candidates.length ? t.results(m.candidates.length) : t.none}</p>
        <p class="muted">{t.weightsNote}</p>
        <ol class="matches">
          {m.candidates.map((c) => (
            <li class="card">
              <h2>
                <a href={href(placePath(c.place), lang)}>{localName(c.place, lang)}</a>
              </h2>
              <p class="muted">
                {[
                  c.place.country ? countryName(lang, c.place.country) : '',
                  c.place.population !== null ? `${t.population}: ${v.t.num(c.place.population)}` : '',
                  c.km !== null ? `${t.distance}: ${t.km(c.km)}` : '',
                  `${t.score}: ${v.t.num(c.score)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <ul class="reasons" aria-label={t.reasonsTitle}>
                {c.reasons.map((r) => (
                  <li>{reasonText(lang, r)}</li>
                ))}
              </ul>
              {c.listing && (
                <p class="listing-link">
                  <a href={`${href('/seeking', lang)}#listing-${c.listing.id}`}>{v.t.seeking.seeListing}</a>
                </p>
              )}
            </li>
          ))}
        </ol>
        <p>
          <a href={api}>{t.api}</a>
        </p>
      </>
    ),
  });
}
