import { CONTINENTS } from '../../domain/countries.js';
import { MAX_NOTE, SEEKING_FIELDS } from '../../domain/seeking.js';
import { PLACE_KINDS } from '../../domain/places.js';
import type { ListingEditorView, ListingForm, ListingView } from '../../services/seeking.js';
import type { FormProblems } from '../errors.js';
import { countryName, localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { LangField, SelectField } from './forms.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { FieldShell, Notice, PostForm, Problems } from './post-form.js';

// "Seeking partners": the listings of program offices looking for new partners, and their editor.

/** Where a listing looks: its countries and continents named, or "anywhere". */
function wanted(v: ViewContext, l: { countries: string[]; continents: string[] }): string {
  const names = [
    ...l.continents.map((c) => v.t.labels.continents[c as (typeof CONTINENTS)[number]] ?? c),
    ...l.countries.map((c) => countryName(v.lang, c)),
  ];
  return names.length ? v.t.list(names) : v.t.seeking.anywhere;
}

/** Where and in which fields a listing looks for partners, as terms of a description list. */
export function ListingTerms(p: { v: ViewContext; listing: ListingView }) {
  const t = p.v.t.seeking;
  return (
    <>
      <dt>{t.wants}</dt>
      <dd>{wanted(p.v, p.listing)}</dd>
      <dt>{t.fieldsLabel}</dt>
      <dd>{p.v.t.list(p.listing.fields.map((f) => t.fields[f]))}</dd>
    </>
  );
}

/** The filters of /seeking as sent. */
export interface SeekingPageQuery {
  country?: string | undefined;
  continent?: string | undefined;
  field?: string | undefined;
  kind?: string | undefined;
}

/** The open listings with their filters; contacts for signed-in readers, a sign-in link for the others. */
export function seekingPage(v: ViewContext, items: ListingView[], q: SeekingPageQuery): string {
  const t = v.t.seeking;
  const { lang } = v;
  const apiQuery = new URLSearchParams(
    Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
  return renderPage(v, {
    title: t.title,
    children: (
      <>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form class="filters card" method="get" action="/seeking" aria-label={t.filters}>
          <LangField lang={lang} />
          <label>
            {t.country}
            <input name="country" value={q.country ?? ''} size={4} placeholder="DE" maxLength={2} />
          </label>
          <SelectField
            label={t.continent}
            name="continent"
            value={q.continent}
            none={t.any}
            options={CONTINENTS.map((c) => [c, v.t.labels.continents[c]] as const)}
          />
          <SelectField
            label={t.field}
            name="field"
            value={q.field}
            none={t.any}
            options={SEEKING_FIELDS.map((f) => [f, t.fields[f]] as const)}
          />
          <SelectField
            label={t.kind}
            name="kind"
            value={q.kind}
            none={t.any}
            options={PLACE_KINDS.map((k) => [k, v.t.places.kinds[k]] as const)}
          />
          <button type="submit">{t.submit}</button>
        </form>
        <p>{items.length ? t.results(items.length) : t.none}</p>
        <ol class="listings">
          {items.map((l) => (
            <li class="card" id={`listing-${l.id}`}>
              <h2>
                <a href={href(placePath(l.place), lang)}>{localName(l.place, lang)}</a>
              </h2>
              <p class="muted">
                {[
                  l.place.country ? countryName(lang, l.place.country) : '',
                  t.by(l.org.name),
                  t.updated(v.t.date({ date: l.updatedAt.slice(0, 10), precision: 'day' })),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <dl class="facts">
                <ListingTerms v={v} listing={l} />
                <dt>{t.contact}</dt>
                <dd>
                  {l.contact ? (
                    <>
                      {l.contact.name} · <a href={`mailto:${l.contact.email}`}>{l.contact.email}</a>
                    </>
                  ) : (
                    <a href={href('/signin', lang, { next: '/seeking' })}>{t.signInForContact}</a>
                  )}
                </dd>
              </dl>
              {l.note && <p class="note">{l.note}</p>}
            </li>
          ))}
        </ol>
        <p>
          <a href={`/api/seeking${apiQuery ? `?${apiQuery}` : ''}`}>{t.api}</a>
        </p>
      </>
    ),
  });
}

/** What the listing editor says after a change, or the form sent back with its problems. */
export interface ListingEditorState {
  done?: 'published' | 'withdrawn' | undefined;
  values?: ListingForm;
  problems?: FormProblems;
}

const EMPTY: ListingForm = {
  countries: '',
  continents: [],
  fields: [],
  note: '',
  contactName: '',
  contactEmail: '',
};

/** An organization's listing: its state, the form to publish or change it, and the button to withdraw it. */
export function listingEditorPage(
  v: ViewContext,
  m: ListingEditorView,
  state: ListingEditorState = {},
): string {
  const t = v.t.seeking;
  const { lang } = v;
  const { org, listing } = m;
  const title = t.editorTitle(org.name);
  const path = `/orgs/${org.slug}/seeking`;
  const values: ListingForm =
    state.values ??
    (listing
      ? {
          countries: listing.countries.join(', '),
          continents: listing.continents,
          fields: listing.fields,
          note: listing.note,
          contactName: listing.contactName,
          contactEmail: listing.contactEmail,
        }
      : EMPTY);
  const problems = state.problems;
  const label: Record<string, string> = {
    countries: t.countries,
    continents: t.continents,
    fields: t.fieldsLegend,
    note: t.note,
    contactName: t.contactName,
    contactEmail: t.contactEmail,
  };
  const messages = problems
    ? [
        ...Object.entries(problems.fields).map(([c, m]) => v.t.edit.problem(label[c] ?? c, m)),
        ...problems.messages.filter((m) => !Object.values(problems.fields).includes(m)),
      ]
    : [];
  const err = (c: string) => problems?.fields[c];
  const text = (name: 'countries' | 'contactName' | 'contactEmail', hint?: string, type = 'text') => {
    const id = `listing-${name}`;
    const error = err(name);
    return (
      <FieldShell id={id} label={label[name]!} hint={hint} error={error}>
        <input
          id={id}
          name={name}
          type={type as 'text'}
          value={values[name]}
          aria-describedby={
            [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={error ? 'true' : undefined}
        />
      </FieldShell>
    );
  };
  const status = !listing ? t.isNone : listing.status === 'open' ? t.isOpen : t.isClosed;
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(`/orgs/${org.slug}/manage`, lang)}>{org.name}</a> ·{' '}
          <a href={href('/seeking', lang)}>{t.viewAll}</a>
        </p>
        <h1>{title}</h1>
        {state.done === 'published' && <Notice>{t.published}</Notice>}
        {state.done === 'withdrawn' && <Notice>{t.withdrawn}</Notice>}
        {!m.home ? (
          <p>{t.noHome}</p>
        ) : (
          <>
            <p>{t.editorIntro(localName(m.home, lang))}</p>
            <p>
              <strong>{status}</strong>
              {listing?.status === 'open' && (
                <>
                  {' '}
                  <a href={`${href('/seeking', lang)}#listing-${listing.id}`}>{t.seeListing}</a>
                </>
              )}
            </p>
            <Problems title={t.cannot} messages={messages} />
            <PostForm action={href(path, lang)} csrf={v.csrf()}>
              {text('countries', t.countriesHint)}
              <fieldset aria-describedby={err('continents') ? 'listing-continents-error' : undefined}>
                <legend>{t.continents}</legend>
                <div class="checks">
                  {CONTINENTS.map((c) => (
                    <label class="check">
                      <input
                        type="checkbox"
                        name="continents"
                        value={c}
                        checked={values.continents.includes(c)}
                      />{' '}
                      {v.t.labels.continents[c]}
                    </label>
                  ))}
                </div>
                {err('continents') && (
                  <strong id="listing-continents-error" class="field-error">
                    {err('continents')}
                  </strong>
                )}
              </fieldset>
              <fieldset aria-describedby={err('fields') ? 'listing-fields-error' : undefined}>
                <legend>{t.fieldsLegend}</legend>
                <div class="checks">
                  {SEEKING_FIELDS.map((f) => (
                    <label class="check">
                      <input type="checkbox" name="fields" value={f} checked={values.fields.includes(f)} />{' '}
                      {t.fields[f]}
                    </label>
                  ))}
                </div>
                {err('fields') && (
                  <strong id="listing-fields-error" class="field-error">
                    {err('fields')}
                  </strong>
                )}
              </fieldset>
              <FieldShell id="listing-note" label={t.note} hint={t.noteHint} error={err('note')}>
                <textarea
                  id="listing-note"
                  name="note"
                  rows={5}
                  maxLength={MAX_NOTE}
                  aria-describedby={['listing-note-hint', err('note') ? 'listing-note-error' : '']
                    .filter(Boolean)
                    .join(' ')}
                  aria-invalid={err('note') ? 'true' : undefined}
                >
                  {values.note}
                </textarea>
              </FieldShell>
              {text('contactName')}
              {text('contactEmail', t.contactHint, 'email')}
              <button type="submit">{t.publish}</button>
            </PostForm>
            {listing?.status === 'open' && (
              <PostForm action={href(`${path}/withdraw`, lang)} csrf={v.csrf()}>
                <button type="submit" class="secondary">
                  {t.withdraw}
                </button>
              </PostForm>
            )}
          </>
        )}
      </>
    ),
  });
}
