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
 * With `groups`, sections stand under their group's heading (one level down) when the group has several; a
 * group of one section keeps the section's own heading.
 */
export function Sections(p: {
  keys: readonly string[];
  sections: SectionMap;
  lang: Lang;
  empty: string;
  facts?: Record<string, ComponentChildren>;
  idPrefix?: string;
  groups?: readonly { key: string; sections: readonly string[] }[];
}) {
  const shown = p.keys
    .map((key) => ({ key, section: pick(p.sections.get(key), p.lang), fact: p.facts?.[key] }))
    .filter((x) => x.section || x.fact);
  if (!shown.length) return <p class="muted">{p.empty}</p>;
  const one = (x: Shown, level: 3 | 4) => (
    <OneSection {...x} lang={p.lang} idPrefix={p.idPrefix} level={level} />
  );
  if (!p.groups) return <>{shown.map((x) => one(x, 3))}</>;
  const m = messages(p.lang).sections;
  return (
    <>
      {p.groups.map((g) => {
        const inGroup = shown.filter((x) => g.sections.includes(x.key));
        if (!inGroup.length) return null;
        if (g.sections.length === 1) return one(inGroup[0]!, 3);
        const id = `g-${g.key}`;
        return (
          <section aria-labelledby={id} class="section-group">
            <h3 id={id}>{m.groups[g.key] ?? g.key}</h3>
            <div class="section-grid">{inGroup.map((x) => one(x, 4))}</div>
          </section>
        );
      })}
    </>
  );
}

interface Shown {
  key: string;
  section: Section | undefined;
  fact: ComponentChildren;
}

function OneSection(p: Shown & { lang: Lang; idPrefix: string | undefined; level: 3 | 4 }) {
  const { key, section, fact } = p;
  const id = `${p.idPrefix ?? 's'}-${key}`;
  const foreign = section && section.lang !== p.lang && !section.lang.startsWith(`${p.lang}-`);
  const langAttr = section ? (section.lang === 'zh' ? 'zh-Hans' : section.lang) : undefined;
  const Heading = p.level === 3 ? 'h3' : 'h4';
  return (
    <section aria-labelledby={id} class="prose">
      <Heading id={id}>{messages(p.lang).sections.labels[key] ?? key}</Heading>
      {fact && <p>{fact}</p>}
      {section && (
        <>
          <div
            lang={foreign ? langAttr : undefined}
            dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body, p.level) }}
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
}
