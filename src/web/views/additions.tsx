import { TWINNING_KINDS, TWINNING_STATUSES } from '../../domain/twinnings.js';
import {
  ADDED_PLACE_KINDS,
  type DuplicateHit,
  type MergeView,
  type PlaceDraft,
  type PlaceFormView,
  type TieDraft,
  type TieFormView,
} from '../../services/additions.js';
import type { Place } from '../../domain/places.js';
import type { MergeResult } from '../../services/merge.js';
import { siteAssets } from '../assets.js';
import type { FormProblems } from '../errors.js';
import { localName, type Lang } from '../i18n/index.js';
import { PickMap } from './charts.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { FieldShell, Notice, PostForm, Problems } from './post-form.js';

// The forms that add a tie and a place from the web, and the admin page that merges duplicate places.

export const EMPTY_TIE: TieDraft = {
  from: '',
  partner: '',
  kind: 'sister',
  signed: '',
  ended: '',
  status: 'active',
  source: '',
  notes: '',
};

export const EMPTY_PLACE: PlaceDraft = {
  name: '',
  country: '',
  kind: 'city',
  parent: '',
  lat: '',
  lon: '',
  wikidata: '',
  source: '',
};

/** Where a tie of a place is added; `partner` fills the partner's field (after adding that place). */
export const addTiePath = (from?: string, partner?: string) =>
  `/add/tie${from || partner ? `?${new URLSearchParams({ ...(from && { from }), ...(partner && { partner }) })}` : ''}`;

/** The problems on top of a form: each field's with its label, then those of no field. */
function problemList(
  v: ViewContext,
  problems: FormProblems | undefined,
  labels: Record<string, string>,
  skip: string[] = [],
): string[] {
  if (!problems) return [];
  const t = v.t.edit;
  const byField = Object.entries(problems.fields)
    .filter(([c]) => !skip.includes(c))
    .map(([c, m]) => t.problem(labels[c] ?? c, m));
  const ofFields = new Set(Object.values(problems.fields));
  return [...byField, ...problems.messages.filter((m) => !ofFields.has(m))];
}

/** What a text control needs to be tied to its hint and its error. */
function described(id: string, hint: boolean, error: string | undefined) {
  return {
    id,
    'aria-describedby':
      [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

/** A place field that suggests places while typing and takes the one picked ("Name (id)"). */
function PlacePick(p: {
  v: ViewContext;
  name: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
}) {
  const t = p.v.t.admin;
  const id = `field-${p.name}`;
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={p.error}>
      <div class="pick">
        <input
          {...described(id, true, p.error)}
          name={p.name}
          value={p.value}
          maxLength={200}
          autocomplete="off"
          data-suggest={t.suggestList}
          data-none={t.suggestNone}
          data-count={t.suggestCount}
          data-pick=""
        />
      </div>
    </FieldShell>
  );
}

function TextArea(p: { id: string; name: string; value: string; hint?: string; error?: string | undefined }) {
  return (
    <textarea {...described(p.id, !!p.hint, p.error)} name={p.name} rows={3}>
      {p.value}
    </textarea>
  );
}

/** The form that adds a tie: of the editor's home (or, for site admins, between any two places). */
export function addTiePage(
  v: ViewContext,
  view: TieFormView,
  opts: {
    values?: TieDraft;
    problems?: FormProblems | undefined;
    added?: { placeId: string; name: string };
  } = {},
): string {
  const t = v.t.additions;
  const f = v.t.edit.fields;
  const values = opts.values ?? { ...EMPTY_TIE, from: view.from, partner: view.partner };
  const errors = opts.problems?.fields ?? {};
  const err = (c: string) => errors[c] ?? (c === 'source' ? errors.sources : undefined);
  const home = view.homes.find((h) => h.id === values.from);
  const title = home && !view.admin ? t.addTieOf(localName(home, v.lang)) : t.addTie;
  const labels: Record<string, string> = {
    from: view.admin ? t.from : t.home,
    partner: t.partner,
    ...Object.fromEntries(Object.entries(f).map(([k, x]) => [k, x.label])),
  };
  const fromField = (() => {
    if (view.admin)
      return (
        <PlacePick
          v={v}
          name="from"
          label={t.from}
          hint={t.fromHint}
          value={values.from}
          error={err('from')}
        />
      );
    if (view.homes.length === 1)
      return (
        <>
          <input type="hidden" name="from" value={view.homes[0]!.id} />
          <dl class="facts">
            <dt>{t.home}</dt>
            <dd>{localName(view.homes[0]!, v.lang)}</dd>
          </dl>
        </>
      );
    return (
      <FieldShell id="field-from" label={t.home} error={err('from')}>
        <select {...described('field-from', false, err('from'))} name="from">
          {view.homes.map((h) => (
            <option value={h.id} selected={h.id === values.from}>
              {localName(h, v.lang)}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  })();
  const select = (name: 'kind' | 'status', options: readonly string[], names: Record<string, string>) => (
    <FieldShell id={`field-${name}`} label={f[name]!.label} error={err(name)}>
      <select {...described(`field-${name}`, false, err(name))} name={name}>
        {options.map((o) => (
          <option value={o} selected={values[name] === o}>
            {names[o] ?? o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
  const dateField = (name: 'signed' | 'ended') => (
    <FieldShell id={`field-${name}`} label={f[name]!.label} hint={f.signed!.hint} error={err(name)}>
      <input
        {...described(`field-${name}`, true, err(name))}
        name={name}
        value={values[name]}
        maxLength={10}
      />
    </FieldShell>
  );
  const addPlaceHref = href('/add/place', v.lang, values.from && !view.admin ? { from: values.from } : {});
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        {opts.added && (
          <>
            <Notice>{t.placeAdded(opts.added.name)}</Notice>
            <p>
              <a href={href(`/places/${opts.added.placeId}`, v.lang)}>{t.viewPlace}</a> · {t.nowTheTie}
            </p>
          </>
        )}
        <p>{t.tieIntro}</p>
        <PostForm action={href('/add/tie', v.lang)} csrf={v.csrf()}>
          <Problems title={v.t.edit.cannot} messages={problemList(v, opts.problems, labels)} />
          {fromField}
          <PlacePick
            v={v}
            name="partner"
            label={t.partner}
            hint={t.partnerHint}
            value={values.partner}
            error={err('partner')}
          />
          <p>
            {t.notListed} <a href={addPlaceHref}>{t.addThePlace}</a>
          </p>
          {select('kind', TWINNING_KINDS, v.t.labels.tieKinds)}
          {dateField('signed')}
          {dateField('ended')}
          {select('status', TWINNING_STATUSES, v.t.labels.statuses)}
          <FieldShell id="field-source" label={f.source!.label} hint={t.sourceHint} error={err('source')}>
            <TextArea
              id="field-source"
              name="source"
              value={values.source}
              hint={t.sourceHint}
              error={err('source')}
            />
          </FieldShell>
          <FieldShell id="field-notes" label={f.notes!.label} error={err('notes')}>
            <TextArea id="field-notes" name="notes" value={values.notes} error={err('notes')} />
          </FieldShell>
          <button type="submit">{t.saveTie}</button>
        </PostForm>
      </>
    ),
  });
}

/** A likely duplicate as one line: its name (a link to its page), country, ties and why it is named. */
export function duplicateLine(hit: DuplicateHit, lang: Lang, t: ViewContext['t']) {
  const a = t.additions;
  return {
    label: localName(hit.place, lang),
    detail: [
      hit.country ? localName(hit.country, lang) : (hit.place.country ?? ''),
      a.ties(hit.ties),
      ...hit.reasons.map((r) => (r === 'near' ? a.reasons.near(hit.km ?? 0) : a.reasons[r])),
    ]
      .filter(Boolean)
      .join(' · '),
    url: href(placePath(hit.place), lang),
  };
}

/** The form that adds a place, with the likely duplicates under the name and a map to click. */
export function addPlacePage(
  v: ViewContext,
  view: PlaceFormView,
  opts: { values?: PlaceDraft; problems?: FormProblems | undefined; duplicates?: DuplicateHit[] } = {},
): string {
  const t = v.t.additions;
  const values = opts.values ?? EMPTY_PLACE;
  const errors = opts.problems?.fields ?? {};
  const err = (c: string) => errors[c] ?? (c === 'source' ? errors.sources : undefined);
  const labels: Record<string, string> = {
    name: t.name,
    country: t.country,
    kind: t.kind,
    parent: t.parent,
    lat: t.lat,
    lon: t.lon,
    wikidata: t.wikidata,
    source: v.t.edit.fields.source!.label,
  };
  const dups = opts.duplicates ?? [];
  const asking = !!errors.duplicate && dups.length > 0;
  const first = dups[0];
  const countries = [...view.countries].sort((x, y) =>
    localName(x, v.lang).localeCompare(localName(y, v.lang), v.lang),
  );
  const lat = Number.parseFloat(values.lat);
  const lon = Number.parseFloat(values.lon);
  const at =
    Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
      ? { lat, lon }
      : null;
  const input = (
    name: keyof PlaceDraft,
    label: string,
    hint?: string,
    extra: Record<string, unknown> = {},
  ) => (
    <FieldShell id={`field-${name}`} label={label} hint={hint} error={err(name)}>
      <input
        {...described(`field-${name}`, !!hint, err(name))}
        name={name}
        value={values[name]}
        maxLength={200}
        {...extra}
      />
    </FieldShell>
  );
  return renderPage(v, {
    title: t.addPlace,
    children: (
      <>
        <h1>{t.addPlace}</h1>
        <p>{t.placeIntro}</p>
        <PostForm action={href('/add/place', v.lang, view.from ? { from: view.from } : {})} csrf={v.csrf()}>
          <Problems
            title={v.t.edit.cannot}
            messages={[
              ...(asking && first
                ? [
                    t.looksLike(
                      localName(first.place, v.lang),
                      first.country ? localName(first.country, v.lang) : (first.place.country ?? ''),
                      first.ties,
                    ),
                  ]
                : []),
              ...problemList(v, opts.problems, labels, ['duplicate']).filter((m) => m !== errors.duplicate),
            ]}
          />
          <div data-duplicates="" class="stack">
            {input('name', t.name, t.nameHint, { required: true, autocomplete: 'off' })}
            <div id="duplicates" aria-live="polite" data-title={t.maybe} data-none={t.noneFound}>
              {dups.length > 0 && (
                <>
                  <p>
                    <strong>{t.maybe}</strong>
                  </p>
                  <ul>
                    {dups.map((d) => {
                      const line = duplicateLine(d, v.lang, v.t);
                      return (
                        <li>
                          <a href={line.url}>{line.label}</a> <small>{line.detail}</small>
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </div>
          </div>
          {asking && (
            <div class="field">
              <label class="check">
                <input type="checkbox" name="confirm" value="1" /> {t.addAnyway}
              </label>
            </div>
          )}
          <FieldShell id="field-country" label={t.country} error={err('country')}>
            <select {...described('field-country', false, err('country'))} name="country" required>
              <option value="">{t.chooseCountry}</option>
              {countries.map((c) => (
                <option value={c.id} selected={values.country.toUpperCase() === c.id}>
                  {localName(c, v.lang)}
                </option>
              ))}
            </select>
          </FieldShell>
          <FieldShell id="field-kind" label={t.kind} error={err('kind')}>
            <select {...described('field-kind', false, err('kind'))} name="kind">
              {ADDED_PLACE_KINDS.map((k) => (
                <option value={k} selected={values.kind === k}>
                  {v.t.search.suggestKinds[k]}
                </option>
              ))}
            </select>
          </FieldShell>
          <PlacePick
            v={v}
            name="parent"
            label={t.parent}
            hint={t.parentHint}
            value={values.parent}
            error={err('parent')}
          />
          <div class="coords">
            {input('lat', t.lat, undefined, { inputMode: 'decimal', maxLength: 20 })}
            {input('lon', t.lon, undefined, { inputMode: 'decimal', maxLength: 20 })}
          </div>
          <p class="muted" id="coords-hint">
            {t.coordinatesHint}
          </p>
          <figure class="pick-figure">
            <PickMap
              id="pick-map"
              land={siteAssets().flatLand.path}
              at={at}
              text={{ title: t.mapTitle, desc: t.mapDesc }}
              lat="field-lat"
              lon="field-lon"
            />
            <figcaption class="muted">{t.mapHelp}</figcaption>
          </figure>
          {input('wikidata', t.wikidata, t.wikidataHint, { maxLength: 20 })}
          <FieldShell id="field-source" label={labels.source!} hint={t.sourceHint} error={err('source')}>
            <TextArea
              id="field-source"
              name="source"
              value={values.source}
              hint={t.sourceHint}
              error={err('source')}
            />
          </FieldShell>
          <button type="submit">{t.savePlace}</button>
        </PostForm>
        <script src={siteAssets().additions.path} defer />
      </>
    ),
  });
}

/** The figures of a merge (preview), as a list of what moves. */
function Moves(p: { v: ViewContext; r: MergeResult; drop: Place }) {
  const m = p.v.t.additions.moves;
  const { r } = p;
  const lines = [
    r.tiesMoved && m.tiesMoved(r.tiesMoved),
    r.tiesMerged && m.tiesMerged(r.tiesMerged),
    r.tiesRemoved && m.tiesRemoved(r.tiesRemoved),
    // the dropped place's names under keys of their language ("und" for its main name)
    r.namesAdded.length &&
      m.namesAdded(
        [...new Set(r.namesAdded.map((k) => p.drop.names[k] ?? p.drop.name))].join(
          p.v.lang === 'zh' ? '、' : ', ',
        ),
      ),
    r.factsFilled.length && m.factsFilled(r.factsFilled.join(', ')),
    r.children && m.children(r.children),
    r.sections && m.sections(r.sections),
    r.sectionsDropped && m.sectionsDropped(r.sectionsDropped),
    r.entries && m.entries(r.entries),
    r.photos && m.photos(r.photos),
    r.follows && m.follows(r.follows),
    r.organizations && m.organizations(r.organizations),
  ].filter((x): x is string => typeof x === 'string');
  if (!lines.length) return <p>{p.v.t.additions.nothingElse}</p>;
  return (
    <ul>
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}

/** The admin page that merges two places: pick both, see what moves, type the id to confirm. */
export function mergePage(
  v: ViewContext,
  view: MergeView,
  opts: {
    problems?: FormProblems | undefined;
    merged?: { drop: string; keep: string; keepPath: string };
  } = {},
): string {
  const t = v.t.additions;
  const errors = { ...view.errors, ...opts.problems?.fields };
  const labels = { keep: t.keep, drop: t.drop, confirm: t.confirm };
  const name = (p: { id: string; name: string; names: Record<string, string> }) =>
    `${localName(p, v.lang)} (${p.id})`;
  return renderPage(v, {
    title: t.merge,
    children: (
      <>
        <p>
          <a href={href('/admin', v.lang)}>{v.t.admin.admin}</a>
        </p>
        <h1>{t.merge}</h1>
        {opts.merged && (
          <>
            <Notice>{t.merged(opts.merged.drop, opts.merged.keep)}</Notice>
            <p>
              <a href={href(opts.merged.keepPath, v.lang)}>{t.viewPlace}</a>
            </p>
          </>
        )}
        <p>{t.mergeIntro}</p>
        <form method="get" action="/admin/places/merge" class="stack">
          {v.lang !== 'en' && <input type="hidden" name="lang" value={v.lang} />}
          <Problems
            title={v.t.edit.cannot}
            messages={
              view.preview
                ? []
                : problemList(v, { messages: opts.problems?.messages ?? [], fields: errors }, labels)
            }
          />
          <PlacePick
            v={v}
            name="keep"
            label={t.keep}
            hint={t.pickHint}
            value={view.keepText}
            error={view.preview ? undefined : errors.keep}
          />
          <PlacePick
            v={v}
            name="drop"
            label={t.drop}
            hint={t.pickHint}
            value={view.dropText}
            error={view.preview ? undefined : errors.drop}
          />
          <button type="submit" class="secondary">
            {t.showPreview}
          </button>
        </form>
        {view.refusal && <Problems title={t.refused} messages={[view.refusal]} />}
        {view.preview && view.keep && view.drop && (
          <section aria-labelledby="preview" class="card">
            <h2 id="preview">{t.preview}</h2>
            <p>
              <a href={href(placePath(view.drop), v.lang)}>{name(view.drop)}</a> →{' '}
              <a href={href(placePath(view.keep), v.lang)}>{name(view.keep)}</a>
            </p>
            <Moves v={v} r={view.preview} drop={view.drop} />
            <PostForm action={href('/admin/places/merge', v.lang)} csrf={v.csrf()}>
              <Problems title={v.t.edit.cannot} messages={problemList(v, opts.problems, labels)} />
              <input type="hidden" name="keep" value={view.keep.id} />
              <input type="hidden" name="drop" value={view.drop.id} />
              <FieldShell
                id="field-confirm"
                label={t.confirm}
                hint={t.confirmHint(view.drop.id)}
                error={errors.confirm}
              >
                <input
                  {...described('field-confirm', true, errors.confirm)}
                  name="confirm"
                  autocomplete="off"
                  maxLength={100}
                />
              </FieldShell>
              <button type="submit">{t.doMerge}</button>
            </PostForm>
          </section>
        )}
      </>
    ),
  });
}
