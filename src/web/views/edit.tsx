import { PROFILE_KEYWORDS, isProfileKeyword } from '../../domain/profile.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../domain/twinnings.js';
import type { SubjectType } from '../../domain/sections.js';
import type {
  EditSubject,
  FactsEditorView,
  FactsHistoryView,
  SectionEditorView,
  SectionHistoryView,
} from '../../services/editor.js';
import type { FactValues } from '../../services/facts.js';
import type { Revision } from '../../store/revisions-repo.js';
import type { FormProblems } from '../errors.js';
import { localName, messages, type Lang } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { FieldChanges, TextDiff, historyPage } from './history.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { renderMarkdown } from './markdown.js';
import { FieldShell, Notice, PostForm, Problems } from './post-form.js';

// The editors of a place's, country's or tie's sections and facts, and their histories.

/** How addresses name the kinds of subject. */
export const URL_TYPE: Record<SubjectType, string> = { place: 'place', country: 'country', twinning: 'tie' };

/** A subject's name in the reader's language: the place's, or the tie's two places'. */
export function subjectName(s: EditSubject, lang: Lang): string {
  if (s.type !== 'twinning') return localName(s.place, lang);
  const side = (p: EditSubject & { type: 'twinning' }, which: 'a' | 'b') => {
    const place = p[which];
    return place ? localName(place, lang) : p.twinning[which];
  };
  return `${side(s, 'a')} – ${side(s, 'b')}`;
}

/** The subject's public page. */
export const subjectPath = (s: EditSubject) => (s.type === 'twinning' ? `/ties/${s.id}` : placePath(s.place));

/** Where the subject's facts and the list of its sections are edited. */
export const editPath = (type: SubjectType, id: string) => `/edit/${URL_TYPE[type]}/${id}`;

/** The history of a section in a language, or (key 'facts') of the facts. */
export function historyPath(type: SubjectType, id: string, key: string, textLang?: string): string {
  const path = `/history/${URL_TYPE[type]}/${id}/${key}`;
  return textLang ? `${path}?${new URLSearchParams({ in: textLang })}` : path;
}

export const sectionLabel = (lang: Lang, key: string) => messages(lang).sections.labels[key] ?? key;

/** Text languages offered in the editor, each named in itself; others can be typed into the address (?in=fr). */
const TEXT_LANGS: [string, string][] = [
  ['en', 'English'],
  ['zh', '中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['ru', 'Русский'],
];

const htmlLangOf = (textLang: string) => (textLang === 'zh' ? 'zh-Hans' : textLang);

/** What `?done=` says after a save, and the link to see the result where readers see it. */
function Done(p: { v: ViewContext; done: string | undefined; subject: EditSubject }) {
  const t = p.v.t.edit;
  const notice = (
    {
      saved: t.saved,
      removed: t.removed,
      unchanged: t.unchanged,
      restored: t.restored,
      added: p.v.t.additions.tieAdded,
    } as Record<string, string>
  )[p.done ?? ''];
  if (!notice) return null;
  return (
    <>
      <Notice>{notice}</Notice>
      <p>
        <a href={href(subjectPath(p.subject), p.v.lang)}>{t.viewOnSite}</a>
      </p>
    </>
  );
}

/** The facts form's problems: each field's with its label, then those of no field. */
function factProblems(v: ViewContext, problems: FormProblems | undefined): string[] {
  if (!problems) return [];
  const t = v.t.edit;
  const byField = Object.entries(problems.fields).map(([c, m]) => t.problem(t.fields[c]?.label ?? c, m));
  const ofFields = new Set(Object.values(problems.fields));
  return [...byField, ...problems.messages.filter((m) => !ofFields.has(m))];
}

function FactsForm(p: {
  v: ViewContext;
  subject: EditSubject;
  columns: readonly string[];
  values: FactValues;
  problems: FormProblems | undefined;
}) {
  const { v } = p;
  const t = v.t.edit;
  const errorOf = (c: string) => p.problems?.fields[c] ?? (c === 'source' ? p.problems?.fields.sources : '');
  return (
    <PostForm action={href(`${editPath(p.subject.type, p.subject.id)}/facts`, v.lang)} csrf={v.csrf()}>
      <Problems title={t.cannot} messages={factProblems(v, p.problems)} />
      {p.columns.map((c) => {
        const { label, hint } = t.fields[c] ?? { label: c };
        const id = `fact-${c}`;
        const error = errorOf(c);
        const described =
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          name: c,
          'aria-describedby': described,
          'aria-invalid': error ? ('true' as const) : undefined,
        };
        if (c === 'keywords')
          return <KeywordsField v={v} value={p.values[c] ?? ''} error={error || undefined} />;
        const options =
          c === 'kind'
            ? TWINNING_KINDS.map((o) => [o, v.t.labels.tieKinds[o]] as const)
            : c === 'status'
              ? TWINNING_STATUSES.map((o) => [o, v.t.labels.statuses[o]] as const)
              : null;
        return (
          <FieldShell id={id} label={label} hint={hint} error={error || undefined}>
            {options ? (
              <select {...common}>
                {options.map(([o, name]) => (
                  <option value={o} selected={p.values[c] === o}>
                    {name}
                  </option>
                ))}
              </select>
            ) : c === 'source' || c === 'notes' ? (
              <textarea {...common} rows={3}>
                {p.values[c] ?? ''}
              </textarea>
            ) : (
              <input
                {...common}
                value={p.values[c] ?? ''}
                inputMode={c.startsWith('population') ? 'numeric' : undefined}
              />
            )}
          </FieldShell>
        );
      })}
      <button type="submit">{t.saveFacts}</button>
    </PostForm>
  );
}

/**
 * A place's profile keywords: a box for each controlled keyword and a line for the others (the route joins
 * both into the `keywords` fact).
 */
function KeywordsField(p: { v: ViewContext; value: string; error: string | undefined }) {
  const t = p.v.t.seeking;
  const given = p.value
    .split(/[;,\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
  const free = given.filter((k) => !isProfileKeyword(k)).join(', ');
  const described = ['fact-keywords-hint', p.error ? 'fact-keywords-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="keywords" aria-describedby={p.error ? 'fact-keywords-error' : undefined}>
      <legend>{t.keywordsLegend}</legend>
      <div class="checks">
        {PROFILE_KEYWORDS.map((k) => (
          <label class="check">
            <input type="checkbox" name="keywords" value={k} checked={given.includes(k)} /> {t.keywords[k]}
          </label>
        ))}
      </div>
      <FieldShell id="fact-keywords" label={t.keywordsFree} hint={t.keywordsHint} error={p.error}>
        <input
          id="fact-keywords"
          name="keywords_free"
          value={free}
          aria-describedby={described}
          aria-invalid={p.error ? 'true' : undefined}
        />
      </FieldShell>
    </fieldset>
  );
}

/** A subject's sections (each with the languages it is written in) and its facts form. */
export function factsEditorPage(
  v: ViewContext,
  view: FactsEditorView,
  opts: { done?: string | undefined; values?: FactValues; problems?: FormProblems } = {},
): string {
  const t = v.t.edit;
  const { subject } = view;
  const name = subjectName(subject, v.lang);
  const base = editPath(subject.type, subject.id);
  return renderPage(v, {
    title: t.edit(name),
    children: (
      <>
        <p>
          <a href={href(subjectPath(subject), v.lang)}>{t.back}</a>
        </p>
        <h1>{t.edit(name)}</h1>
        <Done v={v} done={opts.done} subject={subject} />
        <h2>{t.sections}</h2>
        <ul class="log">
          {view.sections.map(({ key, langs }) => (
            <li>
              <a href={href(`${base}/${key}`, v.lang, { in: v.lang })}>{sectionLabel(v.lang, key)}</a>{' '}
              <span class="muted">{langs.length ? t.written(langs.join(', ')) : t.notWritten}</span>
            </li>
          ))}
        </ul>
        <h2>{t.facts}</h2>
        <p>
          <a href={href(historyPath(subject.type, subject.id, 'facts'), v.lang)}>{t.history}</a>
        </p>
        <FactsForm
          v={v}
          subject={subject}
          columns={view.columns}
          values={opts.values ?? view.facts}
          problems={opts.problems}
        />
      </>
    ),
  });
}

/** The editor of one section in one language, with the text as readers see it now. */
export function sectionEditorPage(
  v: ViewContext,
  view: SectionEditorView,
  opts: { done?: string | undefined; body?: string; problems?: FormProblems } = {},
): string {
  const t = v.t.edit;
  const { subject, key, lang: textLang, current } = view;
  const label = sectionLabel(v.lang, key);
  const title = t.edit(t.sectionOf(subjectName(subject, v.lang), label));
  const path = `${editPath(subject.type, subject.id)}/${key}`;
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(subjectPath(subject), v.lang)}>{t.back}</a> ·{' '}
          <a href={href(editPath(subject.type, subject.id), v.lang)}>{t.sections}</a> ·{' '}
          <a href={href(historyPath(subject.type, subject.id, key, textLang), v.lang)}>{t.history}</a>
        </p>
        <h1>{title}</h1>
        <Done v={v} done={opts.done} subject={subject} />
        <Problems title={t.cannot} messages={opts.problems?.messages ?? []} />
        <form method="get" action={path} class="filters">
          {v.lang !== 'en' && <input type="hidden" name="lang" value={v.lang} />}
          <label>
            {t.textLang}
            <select name="in">
              {TEXT_LANGS.map(([code, name]) => (
                <option value={code} selected={code === textLang}>
                  {name}
                </option>
              ))}
              {!TEXT_LANGS.some(([c]) => c === textLang) && (
                <option value={textLang} selected>
                  {textLang}
                </option>
              )}
            </select>
          </label>
          <button type="submit" class="secondary">
            {t.otherLang}
          </button>
        </form>
        <PostForm action={href(path, v.lang, { in: textLang })} csrf={v.csrf()} class="stack wide">
          <label>
            {t.text}
            <textarea
              class="md"
              name="body"
              rows={18}
              maxLength={20000}
              aria-describedby="body-hint"
              lang={htmlLangOf(textLang)}
            >
              {opts.body ?? current?.body ?? ''}
            </textarea>
            <small id="body-hint" class="muted">
              {t.textHint}
            </small>
          </label>
          <button type="submit">{t.save}</button>
        </PostForm>
        {current && (
          <section aria-labelledby="preview" class="card">
            <h2 id="preview">{t.preview}</h2>
            <div
              class="prose"
              lang={htmlLangOf(textLang)}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(current.body) }}
            />
          </section>
        )}
      </>
    ),
  });
}

export function factsHistoryPage(v: ViewContext, view: FactsHistoryView): string {
  const t = v.t.edit;
  const { subject, revisions } = view;
  const name = subjectName(subject, v.lang);
  // a tie's kind and status as the reader's language says them
  const dataOf = (i: number) => {
    if (!revisions[i]) return undefined;
    const d = JSON.parse(revisions[i].data) as FactValues;
    const labels = v.t.labels as { tieKinds: Record<string, string>; statuses: Record<string, string> };
    return {
      ...d,
      ...(d.kind && { kind: labels.tieKinds[d.kind] ?? d.kind }),
      ...(d.status && { status: labels.statuses[d.status] ?? d.status }),
    };
  };
  const fields = view.columns.map(
    (c) => [c, t.fields[c]?.label ?? c, c === 'source' ? ('lines' as const) : undefined] as const,
  );
  // a place added on the web: its first revision says what it was added as
  const a = v.t.additions;
  const created = [
    ['name', a.name],
    ['kind', a.kind],
    ['country', a.country],
    ['parent', a.parent],
    ['coordinates', a.coordinates],
    ['wikidata', a.wikidata],
    ['source', t.fields.source?.label ?? 'source', 'lines'],
  ] as const;
  const placeKind = (d: FactValues | undefined) =>
    d && { ...d, kind: v.t.search.suggestKinds[d.kind as keyof typeof v.t.search.suggestKinds] ?? d.kind };
  return historyPage(v, {
    title: t.historyOf(t.factsOf(name)),
    back: { label: t.edit(name), path: editPath(subject.type, subject.id) },
    revisions,
    restorePath: (r) => `/history/facts/restore/${r.id}`,
    originalLabel: t.original,
    change: (r, i) =>
      r.action === 'create' && subject.type !== 'twinning' ? (
        <FieldChanges now={placeKind(dataOf(i))!} before={undefined} fields={[...created, ...fields]} />
      ) : (
        <FieldChanges now={dataOf(i)!} before={dataOf(i + 1)} fields={fields} />
      ),
  });
}

export function sectionHistoryPage(v: ViewContext, view: SectionHistoryView): string {
  const t = v.t.edit;
  const { subject, key, lang: textLang, revisions } = view;
  const label = sectionLabel(v.lang, key);
  const bodyOf = (r: Revision | undefined) => (r ? (JSON.parse(r.data) as { body: string }).body : '');
  return historyPage(v, {
    title: t.historyOf(t.sectionIn(subjectName(subject, v.lang), label, textLang)),
    back: {
      label: t.edit(label),
      path: `${editPath(subject.type, subject.id)}/${key}?${new URLSearchParams({ in: textLang })}`,
    },
    revisions,
    restorePath: (r) => `/history/restore/${r.id}`,
    change: (r, i) => <TextDiff before={bodyOf(revisions[i + 1])} after={bodyOf(r)} lang={textLang} />,
  });
}
