import type { ApiKeysView } from '../../services/api-keys.js';
import type { Organization } from '../../domain/organizations.js';
import type { ApiKey } from '../../store/api-keys-repo.js';
import type { FormProblems } from '../errors.js';
import { personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';
import { DataTable } from './table.js';

/** What the page says after a change, or the form to make a key sent back with its problems. */
export interface ApiKeysState {
  revoked?: boolean;
  create?: { label: string | undefined; problems: FormProblems };
}

export const apiKeysPath = (org: Pick<Organization, 'slug'>) => `/orgs/${org.slug}/api-keys`;

/** An organization's API keys for its editors: what each is, whether it works, and the form to make one. */
export function apiKeysPage(v: ViewContext, m: ApiKeysView, state: ApiKeysState = {}): string {
  const t = v.t.apiKeys;
  const { org } = m;
  const csrf = v.csrf();
  const title = t.title(org.name);
  // on a phone the table is a card per key without its headers: each cell then says what it is
  const said = (label: string) => (
    <span class="cell-label" aria-hidden="true">
      {t.cellLabel(label)}
    </span>
  );
  const stateOf = (k: ApiKeysView['keys'][number]) =>
    k.state === 'revoked' ? t.revoked(v.t.time(k.revokedAt!)) : k.state === 'active' ? t.active : t.orphaned;
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(`/orgs/${org.slug}/manage`, v.lang)}>{v.t.admin.manageTitle(org.name)}</a>
        </p>
        <h1>{title}</h1>
        {state.revoked && <Notice>{t.revokedNotice}</Notice>}
        <p>{t.intro}</p>
        <p>{t.rules(m.limit.max)}</p>
        <p>
          <a href={href('/api', v.lang) + '#tag-writing'}>{t.docs}</a>
        </p>
        <h2>{t.keysHeading}</h2>
        {m.keys.length ? (
          <DataTable
            class="api-keys"
            columns={[
              { label: t.label },
              { label: t.key },
              { label: t.made },
              { label: t.lastUsed },
              { label: t.state },
              { label: v.t.admin.actions },
            ]}
            rows={m.keys.map((k) => [
              <strong>{k.label}</strong>,
              <>
                {said(t.key)}
                <code>{`${k.prefix}…`}</code>
              </>,
              <>
                {said(t.made)}
                {v.t.time(k.createdAt)}
                {k.createdByName !== null && (
                  <>
                    <br />
                    <span class="muted">
                      {t.madeBy} {personName(k.createdByName, v.lang)}
                    </span>
                  </>
                )}
              </>,
              <>
                {said(t.lastUsed)}
                {k.lastUsedAt ? v.t.time(k.lastUsedAt) : t.never}
              </>,
              <>
                {said(t.state)}
                {stateOf(k)}
              </>,
              k.state === 'revoked' ? (
                ''
              ) : (
                <PostForm
                  action={href(`${apiKeysPath(org)}/${k.id}/revoke`, v.lang)}
                  csrf={csrf}
                  class="inline"
                >
                  <button type="submit" class="secondary" aria-label={`${t.revoke}: ${k.label}`}>
                    {t.revoke}
                  </button>
                </PostForm>
              ),
            ])}
          />
        ) : (
          <p class="muted">{t.none}</p>
        )}
        <h2>{t.newKey}</h2>
        <Problems title={v.t.admin.cannot} messages={state.create?.problems.messages ?? []} />
        <PostForm action={href(apiKeysPath(org), v.lang)} csrf={csrf}>
          <Field
            label={t.label}
            name="label"
            value={state.create?.label}
            hint={t.labelHint}
            maxLength={100}
            required
          />
          <button type="submit">{t.create}</button>
        </PostForm>
      </>
    ),
  });
}

/** The answer to making a key: the secret, shown this once (the page is never stored: no-store). */
export function apiKeyCreatedPage(
  v: ViewContext,
  p: { org: Organization; key: ApiKey; secret: string },
): string {
  const t = v.t.apiKeys;
  const base = v.site.url ?? '';
  return renderPage(v, {
    title: t.createdTitle,
    children: (
      <div class="api-ref">
        <p>
          <a href={href(apiKeysPath(p.org), v.lang)}>{t.back}</a>
        </p>
        <h1>{t.createdTitle}</h1>
        <p class="notice" role="status">
          {t.createdIntro}
        </p>
        <dl class="facts">
          <dt>{t.label}</dt>
          <dd>{p.key.label}</dd>
          <dt>{t.secret}</dt>
          <dd>
            <code class="api-secret">{p.secret}</code>
          </dd>
        </dl>
        <p>{t.usage}</p>
        <pre class="api-code api-request" tabindex={0} role="region" aria-label={t.usage}>
          <code>{`curl -X PATCH '${base}/api/places/${p.org.homeId ?? 'ID'}/facts' \\
  -H 'Authorization: Bearer ${p.secret}' \\
  -H 'Content-Type: application/json' \\
  -d '{"population": 1200000}'`}</code>
        </pre>
        <p>
          <a href={href('/api', v.lang) + '#tag-writing'}>{t.docs}</a>
        </p>
      </div>
    ),
  });
}
