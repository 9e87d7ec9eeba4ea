import type { ProposalLine, ReviewView } from '../../services/wikidata/sync.js';
import { PROPOSAL_KINDS } from '../../services/wikidata/sync.js';
import type { ViewContext } from './context.js';
import { AdminNav } from './admin.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { Notice, PostForm } from './post-form.js';
import { DataTable } from './table.js';

// The review of what the Wikidata sync proposes: old → new with the item on Wikidata, accept or reject.

export type ReviewDone = 'accepted' | 'rejected' | 'all' | 'schedule';

function Subject(p: { v: ViewContext; line: ProposalLine }) {
  return (
    <>
      {p.line.places.map((pl, i) => (
        <>
          {i > 0 && ' – '}
          <a href={href(placePath(pl), p.v.lang)}>{pl.names[p.v.lang] ?? pl.name}</a>
        </>
      ))}
    </>
  );
}

function Change(p: { v: ViewContext; line: ProposalLine }) {
  const t = p.v.t.sync;
  const { line } = p;
  const place = (id: string | null) => (id === null ? t.nothing : `${line.valueNames[id] ?? id} (${id})`);
  const [from, to] =
    line.kind === 'parent'
      ? [place(line.oldValue), place(line.newValue)]
      : line.kind === 'gone_tie'
        ? [line.oldValue || t.nothing, t.removed]
        : [line.oldValue ?? t.nothing, line.newValue];
  return (
    <>
      {line.kind === 'label' && <span class="muted">{t.nameIn(line.fact)}: </span>}
      <del>{from}</del> → <ins>{to}</ins>
      {line.editorSet && (
        <>
          {' '}
          <span class="tag">{t.editorSet}</span>
        </>
      )}
    </>
  );
}

export function proposalsPage(
  v: ViewContext,
  view: ReviewView,
  done?: { what: ReviewDone; n?: number; failed?: number },
): string {
  const t = v.t.sync;
  const csrf = v.csrf();
  const kindName = (k: string) => t.kinds[k] ?? k;
  const total = Object.values(view.counts).reduce((a, b) => a + b, 0);
  const back = view.kind ?? '';
  const decide = (line: ProposalLine, action: 'accept' | 'reject', label: string) => (
    <PostForm action={href(`/admin/proposals/${line.id}/${action}`, v.lang)} csrf={csrf} class="inline">
      <input type="hidden" name="kind" value={back} />
      <button type="submit" class={action === 'reject' ? 'secondary' : undefined}>
        {label}
      </button>
    </PostForm>
  );
  const s = view.schedule;
  return renderPage(v, {
    title: t.title,
    children: (
      <>
        <h1>{t.title}</h1>
        {v.user?.isAdmin && <AdminNav v={v} />}
        {done && (
          <Notice>
            {done.what === 'accepted'
              ? t.accepted
              : done.what === 'rejected'
                ? t.rejected
                : done.what === 'all'
                  ? t.acceptedAll(done.n ?? 0, done.failed ?? 0)
                  : t.scheduleSaved}
          </Notice>
        )}
        <p>{t.intro}</p>
        <section aria-labelledby="sync-schedule">
          <h2 id="sync-schedule">{t.schedule}</h2>
          <p>
            {s.enabled ? t.scheduleOn : t.scheduleOff}{' '}
            {s.lastRun ? t.lastRun(v.t.time(s.lastRun)) : t.neverRun}
          </p>
          {s.mayChange && (
            <PostForm action={href('/admin/proposals/schedule', v.lang)} csrf={csrf}>
              <input type="hidden" name="on" value={s.enabled ? '0' : '1'} />
              <button type="submit" class="secondary">
                {s.enabled ? t.switchOff : t.switchOn}
              </button>
            </PostForm>
          )}
          <p class="muted">
            <code>{t.commandLine}</code>
          </p>
        </section>
        <nav aria-label={t.show}>
          <ul class="columns">
            <li>
              {view.kind ? (
                <a href={href('/admin/proposals', v.lang)}>
                  {t.all} ({total})
                </a>
              ) : (
                <strong aria-current="page">
                  {t.all} ({total})
                </strong>
              )}
            </li>
            {PROPOSAL_KINDS.filter((k) => view.counts[k]).map((k) => (
              <li>
                {view.kind === k ? (
                  <strong aria-current="page">
                    {kindName(k)} ({view.counts[k]})
                  </strong>
                ) : (
                  <a href={href('/admin/proposals', v.lang, { kind: k })}>
                    {kindName(k)} ({view.counts[k]})
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {view.kind && view.proposals.length > 0 && (
          <PostForm action={href('/admin/proposals/accept-all', v.lang)} csrf={csrf}>
            <input type="hidden" name="kind" value={view.kind} />
            <button type="submit">{t.acceptAll(kindName(view.kind), view.counts[view.kind] ?? 0)}</button>
            <small class="muted">{t.acceptAllHint}</small>
          </PostForm>
        )}
        {view.proposals.length ? (
          <DataTable
            class="proposals"
            columns={[
              { label: t.what },
              { label: t.subject },
              { label: t.change },
              { label: t.wikidata },
              { label: t.found },
              { label: t.decision },
            ]}
            rows={view.proposals.map((line) => [
              kindName(line.kind),
              <Subject v={v} line={line} />,
              <Change v={v} line={line} />,
              <a href={line.wikidataUrl}>
                {line.qid}
                {line.wdRevision ? ` (${t.revision(line.wdRevision)})` : ''}
              </a>,
              v.t.time(line.createdAt),
              <>
                {decide(line, 'accept', t.accept)} {decide(line, 'reject', t.reject)}
              </>,
            ])}
          />
        ) : (
          <p>{t.none}</p>
        )}
      </>
    ),
  });
}
