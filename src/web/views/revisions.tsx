import type { ComponentChildren } from 'preact';
import type { Revision } from '../../store/revisions-repo.js';
import { formatTime, personName, type Lang } from './i18n.js';
import { href } from './layout.js';
import { PostForm } from './post-form.js';

const T: Record<
  Lang,
  {
    by: string;
    commandLine: string;
    current: string;
    restore: string;
    empty: string;
    actions: Record<string, string>;
  }
> = {
  en: {
    by: 'by',
    commandLine: 'the command line',
    current: 'current',
    restore: 'Restore this version',
    empty: 'No edits yet.',
    actions: {
      create: 'created',
      edit: 'edited',
      remove: 'removed',
      restore: 'restored an older version',
      delete: 'deleted',
    },
  },
  zh: {
    by: '编辑者',
    commandLine: '命令行',
    current: '当前',
    restore: '恢复此版本',
    empty: '尚无编辑记录。',
    actions: { create: '创建', edit: '编辑', remove: '删除', restore: '恢复旧版本', delete: '删除' },
  },
};

/**
 * The revisions of one thing, newest first: when, who and what they did, what the revision holds (`children`),
 * and a button to restore each older one (not deletions). `originalLabel` names the revision that keeps the
 * state from before the first edit on the web.
 */
export function RevisionLog(p: {
  revisions: Revision[];
  lang: Lang;
  csrf: string;
  /** where the form to restore a revision posts */
  restorePath: (r: Revision) => string;
  originalLabel?: string;
  children: (r: Revision, i: number) => ComponentChildren;
}) {
  const t = T[p.lang];
  if (!p.revisions.length) return <p>{t.empty}</p>;
  return (
    <ol class="log">
      {p.revisions.map((r, i) => (
        <li value={p.revisions.length - i}>
          <p>
            <time datetime={r.at}>{formatTime(r.at, p.lang)}</time>{' '}
            {r.action === 'original' ? (
              <strong>{p.originalLabel}</strong>
            ) : (
              <>
                {t.by} <strong>{r.userName ? personName(r.userName, p.lang) : t.commandLine}</strong>:{' '}
                {t.actions[r.action] ?? r.action}
              </>
            )}
            {i === 0 && <span class="muted"> ({t.current})</span>}
          </p>
          {p.children(r, i)}
          {i > 0 && r.action !== 'delete' && (
            <PostForm action={href(p.restorePath(r), p.lang)} csrf={p.csrf} class="inline">
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

/** What a revision of named fields changed from the one before it (or, for the first, what it holds). */
export function FieldChanges(p: {
  now: Record<string, string | null | undefined>;
  before: Record<string, string | null | undefined> | undefined;
  fields: readonly (readonly [key: string, label: string])[];
}) {
  const changed = p.fields.filter(([f]) => (p.now[f] ?? '') !== (p.before?.[f] ?? ''));
  return (
    <dl class="facts">
      {changed.map(([f, label]) => (
        <>
          <dt>{label}</dt>
          <dd class="pre">
            {p.before && (
              <>
                <del>{p.before[f] || '—'}</del>
                {' → '}
              </>
            )}
            <ins>{p.now[f] || '—'}</ins>
          </dd>
        </>
      ))}
    </dl>
  );
}
