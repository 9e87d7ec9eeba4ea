import { diffArrays, diffWords } from 'diff';
import type { ComponentChildren } from 'preact';
import type { Revision } from '../../store/revisions-repo.js';
import { personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { PostForm } from './post-form.js';

/**
 * The one history page of anything kept in revisions (sections, facts of places and ties, entries,
 * organizations' details): a link back to the editor, and the revisions newest first, each with who did what,
 * what changed (`change`) and a button to restore it.
 */
export function historyPage(
  v: ViewContext,
  p: {
    title: string;
    back: { label: string; path: string };
    revisions: Revision[];
    /** where the form to restore a revision posts */
    restorePath: (r: Revision) => string;
    /** names the revision that keeps the state from before the first edit on the web */
    originalLabel?: string;
    change: (r: Revision, i: number) => ComponentChildren;
  },
): string {
  return renderPage(v, {
    title: p.title,
    children: (
      <>
        <p>
          <a href={href(p.back.path, v.lang)}>{p.back.label}</a>
        </p>
        <h1>{p.title}</h1>
        <RevisionLog
          v={v}
          revisions={p.revisions}
          restorePath={p.restorePath}
          originalLabel={p.originalLabel}
          change={p.change}
        />
      </>
    ),
  });
}

/** The revisions of one thing, newest first, each older one with a button to restore it (not deletions). */
export function RevisionLog(p: {
  v: ViewContext;
  revisions: Revision[];
  restorePath: (r: Revision) => string;
  originalLabel?: string | undefined;
  change: (r: Revision, i: number) => ComponentChildren;
}) {
  const { v } = p;
  const t = v.t.history;
  if (!p.revisions.length) return <p>{t.empty}</p>;
  const csrf = v.csrf();
  return (
    <ol class="log">
      {p.revisions.map((r, i) => (
        <li value={p.revisions.length - i}>
          <p>
            <time datetime={r.at}>{v.t.time(r.at)}</time>{' '}
            {r.action === 'original' ? (
              <strong>{p.originalLabel}</strong>
            ) : (
              <>
                {t.by} <strong>{r.userName ? personName(r.userName, v.lang) : t.commandLine}</strong>:{' '}
                {t.actions[r.action] ?? v.t.additions.historyActions[r.action] ?? r.action}
              </>
            )}
            {i === 0 && <span class="muted"> ({t.current})</span>}
          </p>
          {p.change(r, i)}
          {i > 0 && r.action !== 'delete' && (
            <PostForm action={href(p.restorePath(r), v.lang)} csrf={csrf} class="inline">
              <button type="submit" class="secondary">
                {t.restore}
              </button>
            </PostForm>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * What a revision of named fields changed from the one before it (or, for the first, what it holds). A field
 * marked `lines` is a list, one item a line (a tie's sources): only the lines that went or came are marked.
 */
export function FieldChanges(p: {
  now: Record<string, string | null | undefined>;
  before: Record<string, string | null | undefined> | undefined;
  fields: readonly (readonly [key: string, label: string, kind?: 'lines'])[];
}) {
  const changed = p.fields.filter(([f]) => (p.now[f] ?? '') !== (p.before?.[f] ?? ''));
  return (
    <dl class="facts">
      {changed.map(([f, label, kind]) => (
        <>
          <dt>{label}</dt>
          <dd class="pre">
            {kind === 'lines' && p.before ? (
              <LineChanges before={p.before[f] ?? ''} now={p.now[f] ?? ''} />
            ) : (
              <>
                {p.before && (
                  <>
                    <del>{p.before[f] || '—'}</del>
                    {' → '}
                  </>
                )}
                <ins>{p.now[f] || '—'}</ins>
              </>
            )}
          </dd>
        </>
      ))}
    </dl>
  );
}

/** A list's lines, one under the other: those that went struck out, those that came marked, the rest as is. */
function LineChanges(p: { before: string; now: string }) {
  const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  const parts = diffArrays(lines(p.before), lines(p.now)).flatMap((d) =>
    d.value.map((line) => (d.added ? <ins>{line}</ins> : d.removed ? <del>{line}</del> : line)),
  );
  return <>{parts.flatMap((part, i) => (i ? ['\n', part] : [part]))}</>;
}

/** Word-level changes from one text to the next (words as the text's language divides them). */
export function TextDiff(p: { before: string; after: string; lang: string }) {
  const parts = diffWords(p.before, p.after, {
    intlSegmenter: new Intl.Segmenter(p.lang, { granularity: 'word' }),
  });
  return (
    <div class="diff" lang={p.lang === 'zh' ? 'zh-Hans' : p.lang}>
      {parts.map((d) => (d.added ? <ins>{d.value}</ins> : d.removed ? <del>{d.value}</del> : d.value))}
    </div>
  );
}
