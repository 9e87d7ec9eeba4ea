import type { Lang } from './i18n.js';
import { LangField } from './forms.js';

const T = {
  en: {
    label: 'Find a place, in any language',
    placeholder: 'Malmö, 鞍山, Mailand…',
    submit: 'Search',
    list: 'Suggested places',
    none: 'No place starts like that.',
    count: '{n} places suggested; use the arrow keys to choose.',
  },
  zh: {
    label: '查找地方（任何语言）',
    placeholder: '鞍山、Malmö、Paris…',
    submit: '搜索',
    list: '建议的地方',
    none: '没有以此开头的地方。',
    count: '有{n}个建议，可用方向键选择。',
  },
};

/** A search form that works as a plain GET; with scripts on, it suggests places as one types (suggest.js). */
export function SearchBox(p: { lang: Lang; value?: string; id?: string }) {
  const t = T[p.lang];
  const id = p.id ?? 'q';
  return (
    <form class="searchbox" method="get" action="/search" role="search">
      <LangField lang={p.lang} />
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
