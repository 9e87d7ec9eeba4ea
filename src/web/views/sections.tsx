import type { ComponentChildren } from 'preact';
import type { Section } from '../../domain/sections.js';
import type { SectionMap } from '../../services/content.js';
import { displayName } from './format.js';
import type { Lang } from './i18n.js';
import { renderMarkdown } from './markdown.js';

export const SECTION_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    story: 'Story of the tie',
    programs: 'Programs and exchanges',
    locale: 'About the place',
    economy: 'Economy',
    tourism: 'Places to see',
    climate: 'Climate',
    sports: 'Sports',
    food: 'Local food',
    language: 'Language',
    currency: 'Money',
    cuisine: 'Cuisine',
    festivals: 'Festivals',
  },
  zh: {
    story: '结好缘由',
    programs: '交流项目',
    locale: '地方概况',
    economy: '经济',
    tourism: '旅游景点',
    climate: '气候',
    sports: '体育',
    food: '地方美食',
    language: '语言',
    currency: '货币',
    cuisine: '饮食',
    festivals: '节日',
  },
};

const IN_LANGUAGE: Record<Lang, (name: string) => string> = {
  en: (name) => `Written in ${name}.`,
  zh: (name) => `此部分以${name}撰写。`,
};

/** The reader's language if the section is written in it, else English, else any. */
function pick(langs: Map<string, Section> | undefined, lang: Lang): Section | undefined {
  if (!langs) return undefined;
  return (
    langs.get(lang) ??
    [...langs.values()].find((s) => s.lang.startsWith(`${lang}-`)) ??
    langs.get('en') ??
    [...langs.values()][0]
  );
}

/**
 * Editorial sections in a fixed order, each under its own heading; only those written appear. `facts` adds
 * what the data knows to a section (a country's languages, its currency) even when nobody has written it.
 */
export function Sections(p: {
  keys: readonly string[];
  sections: SectionMap;
  lang: Lang;
  empty: string;
  facts?: Record<string, ComponentChildren>;
  idPrefix?: string;
}) {
  const shown = p.keys
    .map((key) => ({ key, section: pick(p.sections.get(key), p.lang), fact: p.facts?.[key] }))
    .filter((x) => x.section || x.fact);
  if (!shown.length) return <p class="muted">{p.empty}</p>;
  return (
    <>
      {shown.map(({ key, section, fact }) => {
        const id = `${p.idPrefix ?? 's'}-${key}`;
        const foreign = section && section.lang !== p.lang && !section.lang.startsWith(`${p.lang}-`);
        const langAttr = section ? (section.lang === 'zh' ? 'zh-Hans' : section.lang) : undefined;
        return (
          <section aria-labelledby={id} class="prose">
            <h3 id={id}>{SECTION_LABELS[p.lang][key] ?? key}</h3>
            {fact && <p>{fact}</p>}
            {section && (
              <>
                <div
                  lang={foreign ? langAttr : undefined}
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }}
                />
                {foreign && (
                  <p class="muted">{IN_LANGUAGE[p.lang](displayName(p.lang, 'language', section.lang))}</p>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
