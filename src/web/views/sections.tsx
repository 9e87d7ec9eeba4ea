import type { ComponentChildren } from 'preact';
import type { Section } from '../../domain/sections.js';
import type { SectionMap } from '../../services/content.js';
import { displayName, messages, type Lang } from '../i18n/index.js';
import { renderMarkdown } from './markdown.js';

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
            <h3 id={id}>{messages(p.lang).sections.labels[key] ?? key}</h3>
            {fact && <p>{fact}</p>}
            {section && (
              <>
                <div
                  lang={foreign ? langAttr : undefined}
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }}
                />
                {foreign && (
                  <p class="muted">
                    {messages(p.lang).sections.writtenIn(displayName(p.lang, 'language', section.lang))}
                  </p>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
