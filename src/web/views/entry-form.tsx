import { formatPartialDate, type PartialDate } from '../../domain/dates.js';
import {
  ENTRY_FIELDS,
  WITH_SUBJECTS,
  type Entry,
  type EntryType,
  type FieldDef,
} from '../../domain/entries.js';
import type { Problem } from '../../domain/errors.js';
import type { Lang } from './i18n.js';
import { CHOICE_LABELS, ENTRY_LABELS } from './entry-labels.js';
import { FieldShell } from './post-form.js';

/** A choice of what an entry is about: "place:Q74957", labelled for the editor. */
export interface SubjectOption {
  value: string;
  label: string;
}

export type FormValues = Record<string, string | boolean | string[]>;

/** An entry's stored values as the form shows them (text, a checkbox, lines, chosen ids). */
export function formValues(e: Pick<Entry, 'data' | 'type'>): FormValues {
  const out: FormValues = {};
  const kinds = new Map(ENTRY_FIELDS[e.type].map((d) => [d.name, d.kind]));
  for (const [k, v] of Object.entries(e.data)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = kinds.get(k) === 'lines' ? v.join('\n') : v.map(String);
    else if (typeof v === 'object') out[k] = formatPartialDate(v as PartialDate);
    else out[k] = String(v);
  }
  return out;
}

function Input(p: {
  def: FieldDef;
  lang: Lang;
  type: EntryType;
  value: string | boolean | string[] | undefined;
  error?: string;
  committees: SubjectOption[];
  refs: { people: SubjectOption[]; institutions: SubjectOption[] };
}) {
  const { def } = p;
  const l = ENTRY_LABELS[p.lang][p.type].fields[def.name] ?? { label: def.name };
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
  let control;
  switch (def.kind) {
    case 'people':
    case 'institutions': {
      const options = p.refs[def.kind];
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
          {p.error && (
            <strong id={`${id}-error`} class="field-error">
              {p.error}
            </strong>
          )}
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
          <option value="">{p.lang === 'zh' ? '请选择' : 'Choose…'}</option>
          {def.options!.map((o) => (
            <option value={o} selected={text === o}>
              {CHOICE_LABELS[p.lang][o] ?? o}
            </option>
          ))}
        </select>
      );
      break;
    case 'committee':
      control = (
        <select {...common}>
          <option value="">—</option>
          {p.committees.map((c) => (
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
          {p.error && (
            <strong id={`${id}-error`} class="field-error">
              {p.error}
            </strong>
          )}
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
export function EntryFields(p: {
  type: EntryType;
  lang: Lang;
  values: FormValues;
  problems: Problem[];
  subjects: SubjectOption[];
  chosen: string[];
  committees: SubjectOption[];
  refs: { people: SubjectOption[]; institutions: SubjectOption[] };
  aboutLabel: string;
}) {
  const errorOf = (name: string) =>
    p.problems
      .filter((x) => x.column === name)
      .map((x) => x.message)
      .join('; ') || undefined;
  return (
    <>
      {ENTRY_FIELDS[p.type].map((def) => (
        <Input
          def={def}
          lang={p.lang}
          type={p.type}
          value={p.values[def.name]}
          error={errorOf(def.name)}
          committees={p.committees}
          refs={p.refs}
        />
      ))}
      {WITH_SUBJECTS.includes(p.type) && p.subjects.length > 0 && (
        <fieldset>
          <legend>{p.aboutLabel}</legend>
          {p.subjects.map((s) => (
            <label class="check">
              <input type="checkbox" name="subjects" value={s.value} checked={p.chosen.includes(s.value)} />{' '}
              {s.label}
            </label>
          ))}
          {errorOf('subjects') && <strong class="field-error">{errorOf('subjects')}</strong>}
        </fieldset>
      )}
    </>
  );
}
