import type { Lang } from '../i18n/index.js';

/** A labelled field for a date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
export function DateField(p: {
  label: string;
  name: string;
  value: string | undefined;
  placeholder: string;
}) {
  return (
    <label>
      {p.label}
      <input
        name={p.name}
        value={p.value ?? ''}
        placeholder={p.placeholder}
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        size={10}
      />
    </label>
  );
}

/** Keeps the reader's language when a GET form is submitted. */
export function LangField(p: { lang: Lang }) {
  return p.lang !== 'en' ? <input type="hidden" name="lang" value={p.lang} /> : null;
}

/** A labelled choice for a GET filter form: the first option (empty value) means "no filter". */
export function SelectField(p: {
  label: string;
  name: string;
  value: string | undefined;
  /** what the empty choice reads, e.g. "any" */
  none: string;
  options: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <label>
      {p.label}
      <select name={p.name}>
        <option value="">{p.none}</option>
        {p.options.map(([value, label]) => (
          <option value={value} selected={p.value === value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
