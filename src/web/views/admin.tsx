import type { ComponentChildren } from 'preact';
import { isDeleted, type User } from '../../domain/accounts.js';
import type { Organization } from '../../domain/organizations.js';
import type { AuditLine, EditLine, EditTarget } from '../../services/admin.js';
import type { Mail, MailStatus } from '../../store/outbox-repo.js';
import type { PlaceHit } from '../../store/places-repo.js';
import type { FormProblems } from '../errors.js';
import { personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { historyPath, sectionLabel, subjectName } from './edit.js';
import { href, renderPage } from './layout.js';
import { OrgFields, type OrgValues } from './org-form.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';
import { DataTable } from './table.js';

// The admin area: accounts, organizations, the mail outbox, the audit log and the recent edits.

export function AdminNav(p: { v: ViewContext }) {
  const t = p.v.t.admin;
  const links: [string, string][] = [
    ['/admin/users', t.users],
    ['/admin/orgs', t.orgs],
    ['/admin/outbox', t.outbox],
    ['/admin/audit', t.audit],
    ['/admin/edits', t.edits],
    ['/admin/places/merge', p.v.t.additions.merge],
    ['/add/place', p.v.t.additions.addPlace],
    ['/add/tie', p.v.t.additions.addTie],
    ['/admin/proposals', p.v.t.sync.nav],
  ];
  return (
    <nav aria-label={t.admin}>
      <ul class="columns">
        {links.map(([to, label]) => (
          <li>
            <a href={href(to, p.v.lang)}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of the admin area: its title, the area's links, and what it shows. */
function adminPage(v: ViewContext, title: string, children: ComponentChildren): string {
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <AdminNav v={v} />
        {children}
      </>
    ),
  });
}

export function adminHomePage(v: ViewContext, p: { outbox: Record<MailStatus, number> }): string {
  const t = v.t.admin;
  return adminPage(v, t.admin, <p>{t.outboxCounts(p.outbox.queued, p.outbox.sent, p.outbox.failed)}</p>);
}

export function usersPage(v: ViewContext, users: User[], saved: boolean): string {
  const t = v.t.admin;
  const csrf = v.csrf();
  const button = (id: number, field: string, value: string, label: string) => (
    <PostForm action={href(`/admin/users/${id}`, v.lang)} csrf={csrf} class="inline">
      <input type="hidden" name={field} value={value} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </PostForm>
  );
  return adminPage(
    v,
    t.users,
    <>
      {saved && <Notice>{t.saved}</Notice>}
      <DataTable
        columns={[
          { label: t.email },
          { label: t.name },
          { label: t.roles },
          { label: t.since },
          { label: t.actions },
        ]}
        rows={users.map((u) => [
          u.email,
          personName(u.name, v.lang),
          [
            u.isAdmin ? t.siteAdmin : '',
            u.disabledAt ? t.disabled : '',
            u.emailConfirmedAt ? '' : t.unconfirmed,
          ]
            .filter(Boolean)
            .join(', '),
          v.t.time(u.createdAt),
          u.id === v.user?.id ? (
            ''
          ) : (
            <>
              {button(u.id, 'admin', u.isAdmin ? '0' : '1', u.isAdmin ? t.removeAdmin : t.makeAdmin)}{' '}
              {button(u.id, 'disabled', u.disabledAt ? '0' : '1', u.disabledAt ? t.enable : t.disable)}{' '}
              {!isDeleted(u) && <a href={href(`/admin/users/${u.id}/delete`, v.lang)}>{t.deleteUser}</a>}
            </>
          ),
        ])}
      />
    </>,
  );
}

/** The form that deletes an account on its owner's request, typing its address to confirm. */
export function deleteUserPage(v: ViewContext, user: User, problems?: FormProblems): string {
  const t = v.t.admin;
  return renderPage(v, {
    title: t.deleteTitle(user.email),
    children: (
      <>
        <AdminNav v={v} />
        <h1>{t.deleteTitle(user.email)}</h1>
        <p>{t.deleteIntro}</p>
        <Problems title={t.cannot} messages={problems?.messages ?? []} />
        <PostForm action={href(`/admin/users/${user.id}/delete`, v.lang)} csrf={v.csrf()}>
          <Field label={t.deleteConfirm} name="confirm" type="email" required autocomplete="off" />
          <button type="submit">{t.deleteButton}</button>
        </PostForm>
      </>
    ),
  });
}

/** The organizations, and the form that makes a new one (again with its problems, and places to choose from). */
export function orgsPage(
  v: ViewContext,
  orgs: Organization[],
  form: { values?: OrgValues; problems?: FormProblems; choices?: PlaceHit[] } = {},
): string {
  const t = v.t.admin;
  return adminPage(
    v,
    t.orgs,
    <>
      {orgs.length ? (
        <ul>
          {orgs.map((o) => (
            <li>
              <a href={href(`/orgs/${o.slug}`, v.lang)}>{o.name}</a> ({t.kinds[o.kind]}) ·{' '}
              <a href={href(`/orgs/${o.slug}/manage`, v.lang)}>{t.manage}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noOrgs}</p>
      )}
      <h2>{t.newOrg}</h2>
      <Problems title={t.cannot} messages={form.problems?.messages ?? []} />
      <PostForm action={href('/admin/orgs', v.lang)} csrf={v.csrf()}>
        <OrgFields
          v={v}
          values={form.values ?? {}}
          homeError={form.problems?.fields.homeId}
          choices={form.choices}
        />
        <button type="submit">{t.create}</button>
      </PostForm>
    </>,
  );
}

/** A mail's state in words: without a mail server, waiting mail is simply kept. */
const statusLabel = (v: ViewContext, status: string, delivers: boolean) =>
  v.t.admin.mailStatus[status === 'queued' && !delivers ? 'kept' : status] ?? status;

export function outboxPage(v: ViewContext, p: { mails: Mail[]; delivers: boolean }): string {
  const t = v.t.admin;
  return adminPage(
    v,
    t.outbox,
    <>
      <p>{p.delivers ? t.delivering : t.kept}</p>
      {p.mails.length === 0 && <p>{t.emptyOutbox}</p>}
      <DataTable
        columns={[
          { label: t.created },
          { label: t.to },
          { label: t.subject },
          { label: t.status },
          { label: t.attempts, numeric: true },
        ]}
        rows={p.mails.map((m) => [
          v.t.time(m.createdAt),
          m.to,
          <a href={href(`/admin/outbox/${m.id}`, v.lang)}>{m.subject}</a>,
          statusLabel(v, m.status, p.delivers),
          v.t.num(m.attempts),
        ])}
      />
    </>,
  );
}

export function mailPage(v: ViewContext, { mail: m, delivers }: { mail: Mail; delivers: boolean }): string {
  const t = v.t.admin;
  return renderPage(v, {
    title: m.subject,
    children: (
      <>
        <p>
          <a href={href('/admin/outbox', v.lang)}>{t.outbox}</a>
        </p>
        <h1>{m.subject}</h1>
        <dl class="facts card">
          <dt>{t.to}</dt>
          <dd>{m.to}</dd>
          <dt>{t.created}</dt>
          <dd>{v.t.time(m.createdAt)}</dd>
          <dt>{t.status}</dt>
          <dd>{statusLabel(v, m.status, delivers)}</dd>
          <dt>{t.attempts}</dt>
          <dd>{v.t.num(m.attempts)}</dd>
          {m.lastError && (
            <>
              <dt>{t.lastError}</dt>
              <dd>{m.lastError}</dd>
            </>
          )}
        </dl>
        <pre class="card mail-body">{m.body}</pre>
        {m.status === 'failed' && (
          <PostForm action={href(`/admin/outbox/${m.id}/retry`, v.lang)} csrf={v.csrf()}>
            <button type="submit">{t.retry}</button>
          </PostForm>
        )}
      </>
    ),
  });
}

export function auditPage(v: ViewContext, lines: AuditLine[]): string {
  const t = v.t.admin;
  return adminPage(
    v,
    t.audit,
    <DataTable
      columns={[{ label: t.when }, { label: t.who }, { label: t.what }, { label: t.detail }]}
      rows={lines.map((r) => [
        v.t.time(r.at),
        r.who ?? '—',
        r.action,
        [r.subject, r.detail].filter(Boolean).join(' · '),
      ])}
    />,
  );
}

/** What an edit was of, by name, with a link to its history where it has one. */
function EditOf(p: { v: ViewContext; target: EditTarget }) {
  const { v, target: e } = p;
  const t = v.t.admin;
  const link = (path: string, label: string) => <a href={href(path, v.lang)}>{label}</a>;
  switch (e.kind) {
    case 'section':
      return link(
        historyPath(e.subject.type, e.subject.id, e.key, e.lang),
        t.editSection(subjectName(e.subject, v.lang), sectionLabel(v.lang, e.key), e.lang),
      );
    case 'facts':
      return link(
        historyPath(e.subject.type, e.subject.id, 'facts'),
        t.editFacts(subjectName(e.subject, v.lang)),
      );
    case 'entry':
      return link(`/entries/${e.id}/history`, t.editEntry(e.title));
    case 'org':
      return link(`/orgs/${e.slug}/history`, t.editOrg(e.name));
    default:
      return <>{t.editGone(e.entity, e.entityId)}</>;
  }
}

export function editsPage(v: ViewContext, edits: EditLine[]): string {
  const t = v.t.admin;
  return adminPage(
    v,
    t.edits,
    <DataTable
      columns={[{ label: t.when }, { label: t.who }, { label: t.what }, { label: t.entity }]}
      rows={edits.map(({ revision: r, target }) => [
        v.t.time(r.at),
        r.userName ? personName(r.userName, v.lang) : v.t.history.commandLine,
        v.t.history.actions[r.action] ?? v.t.additions.historyActions[r.action] ?? r.action,
        <EditOf v={v} target={target} />,
      ])}
    />,
  );
}
