import {
  ENTRY_FIELDS,
  WITH_SUBJECTS,
  entryFormValues,
  entryPath,
  type Entry,
  type EntryType,
  type FieldDef,
} from '../../domain/entries.js';
import type { EntryFormView, SubjectChoice } from '../../services/entry-views.js';
import type { FormProblems } from '../errors.js';
import { localName, type Catalogue } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { FieldShell, Notice, PostForm, Problems } from './post-form.js';

export type FormValues = Record<string, string | boolean | string[]>;

/** An entry's stored values as the form shows them (text, a checkbox, lines, chosen ids). */
export function formValues(e: Pick<Entry, 'data' | 'type'>): FormValues {
  return entryFormValues(e);
}

/** A place, tie or country to tick as what an entry is about, named in the reader's language. */
function choiceLabel(c: SubjectChoice, v: ViewContext): string {
  return c.names.map((n) => localName(n, v.lang)).join(' – ');
}

const option = (e: Entry) => ({ value: String(e.id), label: e.title });

function Input(p: {
  def: FieldDef;
  t: Catalogue;
  type: EntryType;
  value: string | boolean | string[] | undefined;
  error: string | undefined;
  model: EntryFormView;
}) {
  const { def, t } = p;
  const l = t.entries.types[p.type].fields[def.name] ?? { label: def.name };
  const id = `f-${def.name}`;
  const described =
    [l.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: def.name,
    'aria-describedby': described,
    'aria-invalid': p.error ? ('true' as const) : undefined,
  };
  const text = typeof p.value === 'string' ? p.value : '';
  const error = p.error && (
    <strong id={`${id}-error`} class="field-error">
      {p.error}
    </strong>
  );
  let control;
  switch (def.kind) {
    case 'people':
    case 'institutions': {
      const options = p.model[def.kind].map(option);
      if (!options.length) return null;
      const chosen = Array.isArray(p.value) ? p.value : typeof p.value === 'string' ? [p.value] : [];
      return (
        <fieldset aria-describedby={p.error ? `${id}-error` : undefined}>
          <legend>{l.label}</legend>
          {options.map((o) => (
            <label class="check">
              <input type="checkbox" name={def.name} value={o.value} checked={chosen.includes(o.value)} />{' '}
              {o.label}
            </label>
          ))}
          {error}
        </fieldset>
      );
    }
    case 'markdown':
    case 'longtext':
    case 'lines':
      control = (
        <textarea
          {...common}
          class={def.kind === 'markdown' ? 'md' : undefined}
          rows={def.kind === 'markdown' ? 14 : 4}
          maxLength={def.kind === 'lines' ? 20000 : def.max}
          required={def.required}
        >
          {text}
        </textarea>
      );
      break;
    case 'choice':
      control = (
        <select {...common} required={def.required}>
          <option value="">{t.entries.choose}</option>
          {def.options!.map((o) => (
            <option value={o} selected={text === o}>
              {t.entries.choices[o] ?? o}
            </option>
          ))}
        </select>
      );
      break;
    case 'committee':
      control = (
        <select {...common}>
          <option value="">—</option>
          {p.model.committees.map(option).map((c) => (
            <option value={c.value} selected={text === c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'bool':
      return (
        <label class="check">
          <input type="checkbox" {...common} checked={p.value === true || p.value === 'on'} /> {l.label}
          {error}
        </label>
      );
    default: {
      const type =
        def.kind === 'datetime'
          ? 'datetime-local'
          : def.kind === 'email'
            ? 'email'
            : def.kind === 'url'
              ? 'url'
              : def.kind === 'phone'
                ? 'tel'
                : 'text';
      control = (
        <input
          {...common}
          type={type as 'text'}
          value={text}
          required={def.required}
          maxLength={def.max}
          inputMode={def.kind === 'amount' || def.kind === 'year' ? 'decimal' : undefined}
        />
      );
    }
  }
  return (
    <FieldShell id={id} label={l.label} hint={l.hint} error={p.error}>
      {control}
    </FieldShell>
  );
}

/** The fields of an entry of a type, with what was typed and what to fix beside each field. */
function EntryFields(p: {
  v: ViewContext;
  model: EntryFormView;
  values: FormValues;
  chosen: string[];
  errors: Record<string, string>;
}) {
  const { v, model } = p;
  return (
    <>
      {ENTRY_FIELDS[model.type].map((def) => (
        <Input
          def={def}
          t={v.t}
          type={model.type}
          value={p.values[def.name]}
          error={p.errors[def.name]}
          model={model}
        />
      ))}
      {WITH_SUBJECTS.includes(model.type) && model.subjects.length > 0 && (
        <fieldset>
          <legend>{v.t.entries.aboutField}</legend>
          {model.subjects.map((s) => (
            <label class="check">
              <input type="checkbox" name="subjects" value={s.key} checked={p.chosen.includes(s.key)} />{' '}
              {choiceLabel(s, v)}
            </label>
          ))}
          {p.errors.subjects && <strong class="field-error">{p.errors.subjects}</strong>}
        </fieldset>
      )}
    </>
  );
}

/**
 * The problems of a refused form for the top of it, each field's named by its label ("Title: is required").
 * Messages and per-field problems come in the same order, so each field's first problem is matched in turn.
 */
function problemLines(v: ViewContext, type: EntryType, problems: FormProblems): string[] {
  const fields = Object.entries(problems.fields);
  const label = (column: string) =>
    column === 'subjects'
      ? v.t.entries.aboutField
      : (v.t.entries.types[type].fields[column]?.label ?? column);
  return problems.messages.map((m) => {
    const i = fields.findIndex(([, message]) => message === m);
    if (i < 0) return m;
    const [[column]] = fields.splice(i, 1) as [[string, string]];
    return v.t.entries.fieldProblem(label(column), m);
  });
}

/** Where an entry's form is sent: the new entry's address, or the entry's own. */
export function entryFormAction(m: Pick<EntryFormView, 'org' | 'type' | 'entry'>): string {
  return m.entry ? `/entries/${m.entry.id}/edit` : `/orgs/${m.org.slug}/entries/${m.type}/new`;
}

/**
 * The editor of an entry: its fields (as sent, when a form comes back with its problems), what it is about,
 * and after saving a notice with the way to the entry's public page.
 */
export function entryFormPage(
  v: ViewContext,
  m: EntryFormView,
  p: { values?: FormValues; chosen?: string[]; problems?: FormProblems; done?: boolean } = {},
): string {
  const t = v.t.entries;
  const l = t.types[m.type];
  const title = m.entry ? t.edit(m.entry.title) : t.addTitle(l.add, m.org.name);
  const sitePath = m.entry && entryPath(m.entry, m.org.slug);
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(`/orgs/${m.org.slug}/entries/${m.type}`, v.lang)}>{l.many}</a>
          {m.entry && (
            <>
              {' · '}
              <a href={href(`/entries/${m.entry.id}/history`, v.lang)}>{t.history}</a>
              {' · '}
              <a href={href(sitePath!, v.lang)}>{t.back}</a>
            </>
          )}
        </p>
        <h1>{title}</h1>
        {p.done && <Notice>{t.saved}</Notice>}
        {p.done && sitePath && (
          <p>
            <a href={href(sitePath, v.lang)}>{t.viewOnSite}</a>
          </p>
        )}
        {p.problems && <Problems title={t.cannot} messages={problemLines(v, m.type, p.problems)} />}
        <PostForm action={href(entryFormAction(m), v.lang)} csrf={v.csrf()} class="stack wide">
          <EntryFields
            v={v}
            model={m}
            values={p.values ?? (m.entry ? formValues(m.entry) : m.defaults)}
            chosen={p.chosen ?? m.chosen}
            errors={p.problems?.fields ?? {}}
          />
          <button type="submit">{t.save}</button>
        </PostForm>
      </>
    ),
  });
}
