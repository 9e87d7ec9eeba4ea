import { ORG_KINDS } from '../../domain/organizations.js';
import type { PlaceHit } from '../../store/places-repo.js';
import { countryName, localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { Field } from './post-form.js';

/** What an organization's form holds: as stored, or as sent back with its problems. */
export type OrgValues = Partial<Record<'name' | 'slug' | 'kind' | 'homeId' | 'about', string>>;

/**
 * The fields of an organization's details (creating one in the admin area, editing it on its page). The home
 * place is a text field that takes a name in any language or an id; with scripts on it suggests places as one
 * types (suggest.js, `data-pick`: choosing fills the field with "Name (id)"). When a name fits several places,
 * `choices` lists them to pick from. Only a site admin moves an organization's home (`homeLocked` otherwise).
 */
export function OrgFields(p: {
  v: ViewContext;
  values: OrgValues;
  homeLocked?: { name: string } | null | undefined;
  homeError?: string | undefined;
  choices?: PlaceHit[];
}) {
  const { v, values } = p;
  const t = v.t.admin;
  const error = p.homeError;
  return (
    <>
      <Field label={t.orgName} name="name" value={values.name} required maxLength={200} />
      <Field label={t.slug} name="slug" value={values.slug} hint={t.slugHint} maxLength={60} />
      <label>
        {t.kind}
        <select name="kind">
          {ORG_KINDS.map((k) => (
            <option value={k} selected={values.kind === k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      {p.homeLocked !== undefined ? (
        <>
          <input type="hidden" name="homeId" value={values.homeId ?? ''} />
          {p.homeLocked && (
            <dl class="facts">
              <dt>{t.home}</dt>
              <dd>{p.homeLocked.name}</dd>
            </dl>
          )}
        </>
      ) : (
        <div class="field">
          <label for="field-homeId">{t.home}</label>
          <div class="pick">
            <input
              id="field-homeId"
              name="homeId"
              value={values.homeId ?? ''}
              maxLength={200}
              autocomplete="off"
              aria-describedby={`field-homeId-hint${error ? ' field-homeId-error' : ''}`}
              aria-invalid={error ? 'true' : undefined}
              data-suggest={t.suggestList}
              data-none={t.suggestNone}
              data-count={t.suggestCount}
              data-pick=""
            />
          </div>
          <small id="field-homeId-hint" class="muted">
            {t.homeHint}
          </small>
          {error && (
            <strong id="field-homeId-error" class="field-error">
              {error}
            </strong>
          )}
        </div>
      )}
      {!!p.choices?.length && (
        <fieldset>
          <legend>{t.homeWhich}</legend>
          {p.choices.map(({ place }) => (
            <label class="check">
              <input type="radio" name="homeChoice" value={place.id} />
              {t.homeOption(
                localName(place, v.lang),
                [
                  v.t.places.kinds[place.kind],
                  place.country && place.kind !== 'country' ? countryName(v.lang, place.country) : '',
                  place.id,
                ]
                  .filter(Boolean)
                  .join(' · '),
              )}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t.about}
        <textarea name="about" rows={5} maxLength={5000}>
          {values.about ?? ''}
        </textarea>
      </label>
    </>
  );
}
