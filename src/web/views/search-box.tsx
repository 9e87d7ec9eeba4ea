import type { ViewContext } from './context.js';
import { LangField } from './forms.js';

/** A search form that works as a plain GET; with scripts on, it suggests places as one types (suggest.js). */
export function SearchBox(p: { v: ViewContext; value?: string; id?: string }) {
  const t = p.v.t.home.search;
  const id = p.id ?? 'q';
  return (
    <form class="searchbox" method="get" action="/search" role="search">
      <LangField lang={p.v.lang} />
      <div class="field">
        <label for={id}>{t.label}</label>
        <input
          id={id}
          type="search"
          name="q"
          value={p.value ?? ''}
          placeholder={t.placeholder}
          data-suggest={t.list}
          data-none={t.none}
          data-count={t.count}
          maxLength={200}
        />
      </div>
      <button type="submit">{t.submit}</button>
    </form>
  );
}
