import type { ComponentChildren } from 'preact';

/** A form that changes something: POST, with the CSRF token every such form must carry. */
export function PostForm(p: { action: string; csrf: string; class?: string; children: ComponentChildren }) {
  return (
    <form method="post" action={p.action} class={p.class ?? 'stack'}>
      <input type="hidden" name="_csrf" value={p.csrf} />
      {p.children}
    </form>
  );
}

/** A labelled input with an optional hint, tied to it for screen readers. */
export function Field(p: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date';
  value?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  minLength?: number;
  maxLength?: number;
  /** where a page has two fields of one name (in two forms) */
  id?: string;
}) {
  const id = p.id ?? `field-${p.name}`;
  return (
    <FieldShell id={id} label={p.label} hint={p.hint}>
      <input
        id={id}
        name={p.name}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        minLength={p.minLength}
        maxLength={p.maxLength}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
      />
    </FieldShell>
  );
}

/**
 * A labelled control with its hint and its error below it. The label holds the name alone; the hint and the
 * error are tied to the control with aria-describedby (`${id}-hint`, `${id}-error`).
 */
export function FieldShell(p: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      {p.children}
      {p.hint && (
        <small id={`${p.id}-hint`} class="muted">
          {p.hint}
        </small>
      )}
      {p.error && (
        <strong id={`${p.id}-error`} class="field-error">
          {p.error}
        </strong>
      )}
    </div>
  );
}

/** What to fix, at the top of a form that was sent back; read out by screen readers. */
export function Problems(p: { title: string; messages: string[] }) {
  if (!p.messages.length) return null;
  return (
    <div class="problems" role="alert">
      <p>
        <strong>{p.title}</strong>
      </p>
      <ul>
        {p.messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** A confirmation after a change ("Saved."), announced politely. */
export function Notice(p: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {p.children}
    </p>
  );
}

/** A form field's text from a parsed form body: '' when missing; arrays and objects are not text. */
export function formText(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** A link to a page's editor, shown only to those who may edit it (their pages are never shared). */
export function EditLink(p: { href: string; label: string }) {
  return (
    <p class="edit-link">
      <a href={p.href}>{p.label}</a>
    </p>
  );
}
