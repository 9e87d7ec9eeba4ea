import { addTiePath } from './additions.js';
import { apiKeysPath } from './api-keys.js';
import { ENTRY_TYPES } from '../../domain/entries.js';
import { ORG_ROLES, type Organization } from '../../domain/organizations.js';
import type { ManageView } from '../../services/orgs.js';
import type { Revision } from '../../store/revisions-repo.js';
import type { PlaceHit } from '../../store/places-repo.js';
import type { FormProblems } from '../errors.js';
import { localName, personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { FieldChanges, historyPage } from './history.js';
import { href, renderPage } from './layout.js';
import { OrgFields, type OrgValues } from './org-form.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';
import { DataTable } from './table.js';

/** What the page says after a change, or what was refused in which of its two forms. */
export interface ManageState {
  saved?: boolean;
  notice?: string | undefined;
  /** the details form sent back */
  details?: { values: OrgValues; problems: FormProblems; choices: PlaceHit[] };
  /** the form that adds a person sent back */
  member?: { email: string | undefined; problems: FormProblems };
}

/** An organization's page for its editors: its details, its content, its people and invitations. */
export function managePage(v: ViewContext, m: ManageView, state: ManageState = {}): string {
  const t = v.t.admin;
  const { org } = m;
  const csrf = v.csrf();
  const homeName = m.home ? localName(m.home, v.lang) : null;
  const stored: OrgValues = {
    name: org.name,
    slug: org.slug,
    kind: org.kind,
    // as a suggestion fills the field, so that saving it again keeps the same place
    homeId: m.mayMoveHome && m.home ? `${homeName} (${m.home.id})` : (org.homeId ?? ''),
    about: org.about,
  };
  const title = t.manageTitle(org.name);
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(`/orgs/${org.slug}`, v.lang)}>{t.public}</a>
        </p>
        <h1>{title}</h1>
        {state.saved && <Notice>{t.saved}</Notice>}
        {state.notice && <Notice>{state.notice}</Notice>}
        <Problems title={t.cannot} messages={state.details?.problems.messages ?? []} />
        <PostForm action={href(`/orgs/${org.slug}/manage`, v.lang)} csrf={csrf}>
          <OrgFields
            v={v}
            values={state.details?.values ?? stored}
            homeLocked={m.mayMoveHome ? undefined : homeName === null ? null : { name: homeName }}
            homeError={state.details?.problems.fields.homeId}
            choices={state.details?.choices}
          />
          <button type="submit">{t.save}</button>
        </PostForm>
        <p>
          <a href={href(`/orgs/${org.slug}/history`, v.lang)}>{t.history}</a>
        </p>
        <h2>{t.content}</h2>
        <ul class="columns">
          {ENTRY_TYPES.map((type) => (
            <li>
              <a href={href(`/orgs/${org.slug}/entries/${type}`, v.lang)}>{v.t.entries.types[type].many}</a>
            </li>
          ))}
          <li>
            <a href={href('/moderation', v.lang)}>{t.moderation}</a>
          </li>
          {org.homeId && (
            <li>
              <a href={href(addTiePath(org.homeId), v.lang)}>{v.t.additions.addTie}</a>
            </li>
          )}
          <li>
            <a href={href(`/orgs/${org.slug}/seeking`, v.lang)}>{v.t.seeking.manage}</a>
          </li>
          <li>
            <a href={href(apiKeysPath(org), v.lang)}>{v.t.apiKeys.link}</a>
          </li>
        </ul>
        <p class="muted">{t.photoRoom(t.megabytes(m.photoBytes), t.megabytes(m.photoQuotaBytes))}</p>
        <h2>{t.members}</h2>
        <DataTable
          columns={[{ label: t.name }, { label: t.email }, { label: t.role }, { label: t.actions }]}
          rows={m.members.map((p) => [
            personName(p.name, v.lang),
            p.email,
            v.t.account.roleNames[p.role] ?? p.role,
            <PostForm
              action={href(`/orgs/${org.slug}/members/${p.userId}/remove`, v.lang)}
              csrf={csrf}
              class="inline"
            >
              <button type="submit" class="secondary">
                {t.remove}
              </button>
            </PostForm>,
          ])}
        />
        {m.invites.length > 0 && (
          <>
            <h3>{t.invites}</h3>
            <DataTable
              columns={[{ label: t.email }, { label: t.role }, { label: t.invitedAt }, { label: t.actions }]}
              rows={m.invites.map((i) => [
                i.email,
                v.t.account.roleNames[i.role] ?? i.role,
                v.t.time(i.createdAt),
                <PostForm
                  action={href(`/orgs/${org.slug}/invites/withdraw`, v.lang)}
                  csrf={csrf}
                  class="inline"
                >
                  <input type="hidden" name="email" value={i.email} />
                  <button type="submit" class="secondary">
                    {t.withdraw}
                  </button>
                </PostForm>,
              ])}
            />
          </>
        )}
        <h3>{t.addMember}</h3>
        <Problems title={t.cannot} messages={state.member?.problems.messages ?? []} />
        <PostForm action={href(`/orgs/${org.slug}/members`, v.lang)} csrf={csrf}>
          <Field
            label={t.email}
            name="email"
            type="email"
            value={state.member?.email}
            hint={t.addHint}
            required
          />
          <label>
            {t.role}
            <select name="role">
              {ORG_ROLES.map((r) => (
                <option value={r}>{v.t.account.roleNames[r]}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t.addMember}</button>
        </PostForm>
      </>
    ),
  });
}

/** The edits of an organization's details, each with what changed and a button to restore it. */
export function orgHistoryPage(v: ViewContext, p: { org: Organization; revisions: Revision[] }): string {
  const t = v.t.admin;
  const { org, revisions } = p;
  const fields = [
    ['name', t.orgName],
    ['slug', t.slug],
    ['kind', t.kind],
    ['homeId', t.home],
    ['about', t.about],
  ] as const;
  const dataOf = (i: number) =>
    revisions[i] ? (JSON.parse(revisions[i].data) as Record<string, string | null>) : undefined;
  return historyPage(v, {
    title: t.historyTitle(org.name),
    back: { label: t.manageTitle(org.name), path: `/orgs/${org.slug}/manage` },
    revisions,
    restorePath: (r) => `/orgs/restore/${r.id}`,
    originalLabel: t.original,
    change: (_r, i) => <FieldChanges now={dataOf(i)!} before={dataOf(i + 1)} fields={fields} />,
  });
}
