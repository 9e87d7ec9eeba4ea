import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDeleted } from '../../domain/accounts.js';
import { ForbiddenError, NotFoundError, TooManyError, ValidationError } from '../../domain/errors.js';
import { ORG_KINDS, ORG_ROLES, type Organization } from '../../domain/organizations.js';
import type { MailService } from '../../services/mail.js';
import type { Actor, OrgsService } from '../../services/orgs.js';
import type { Store } from '../../store/store.js';
import { idParam } from '../site.js';
import { csrfToken, signInFirst } from '../auth.js';
import { formatTime, type Lang } from '../views/i18n.js';
import { href, html, pageFor } from '../views/layout.js';
import { Field, Notice, PostForm, Problems, formText } from '../views/post-form.js';
import { DataTable } from '../views/table.js';
import { FieldChanges, RevisionLog } from '../views/revisions.js';
import { problemsOf } from './account.js';
import { sectionHistoryPath } from './edit.js';
import { ENTRY_TYPES } from '../../domain/entries.js';
import { ENTRY_LABELS } from '../views/entry-labels.js';

const T = {
  en: {
    admin: 'Admin area',
    users: 'Accounts',
    orgs: 'Organizations',
    outbox: 'Mail outbox',
    audit: 'Audit log',
    edits: 'Recent edits',
    email: 'E-mail address',
    name: 'Name',
    since: 'Since',
    roles: 'Roles',
    siteAdmin: 'site admin',
    disabled: 'disabled',
    unconfirmed: 'address not confirmed',
    makeAdmin: 'Make admin',
    removeAdmin: 'Remove admin',
    disable: 'Disable',
    enable: 'Enable',
    deleteUser: 'Delete…',
    deleteTitle: (e: string) => `Delete the account of ${e}`,
    deleteIntro:
      'Do this when the person asks for it. Their name, address and password are removed, their follows and roles go and they are signed out; their comments and edits stay, shown as by a former member.',
    deleteConfirm: 'Type the account’s address to confirm',
    deleteButton: 'Delete the account',
    actions: 'Actions',
    newOrg: 'New organization',
    orgName: 'Name',
    slug: 'Address',
    slugHint: 'Lower-case letters, digits and hyphens; made from the name when empty.',
    kind: 'Kind',
    home: 'Home place id',
    homeHint:
      'The place whose program it runs, e.g. Q74957; its editors keep this place, its ties and partners.',
    about: 'About',
    create: 'Create',
    save: 'Save',
    saved: 'Saved.',
    cannot: 'That did not work',
    kinds: { commission: 'commission', association: 'association', office: 'office', other: 'other' },
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    attempts: 'Attempts',
    created: 'Written',
    kept: 'Mail is kept here: no mail server is configured (TWINNING_SMTP_URL).',
    delivering: 'Mail is delivered through the configured mail server; failed deliveries are retried.',
    retry: 'Try again',
    lastError: 'Last error',
    when: 'When',
    who: 'Who',
    what: 'What',
    detail: 'Detail',
    members: 'People and roles',
    addMember: 'Add a person',
    addHint:
      'Someone without an account gets an invitation by mail; the role is theirs once they sign up with this address and confirm it.',
    invites: 'Invited, waiting for an account',
    invited: (e: string) => `An invitation is on its way to ${e}.`,
    withdraw: 'Withdraw',
    invitedAt: 'Invited',
    withdrawn: 'The invitation is withdrawn.',
    role: 'Role',
    remove: 'Remove',
    roleNames: { editor: 'editor', member: 'member' },
    manage: 'Manage',
    noOrgs: 'No organization yet.',
    public: 'Public page',
    entity: 'Page',
    content: 'Content',
    history: 'History of the details',
    original: 'As the organization was created',
    emptyOutbox: 'No mail yet.',
    moderation: 'Comments to moderate',
    photoRoom: (used: string, room: string) => `Photos take ${used} of the organization’s ${room}.`,
  },
  zh: {
    admin: '管理后台',
    users: '账户',
    orgs: '机构',
    outbox: '邮件发件箱',
    audit: '审计日志',
    edits: '最近编辑',
    email: '电子邮箱',
    name: '姓名',
    since: '注册时间',
    roles: '角色',
    siteAdmin: '网站管理员',
    disabled: '已停用',
    unconfirmed: '邮箱未确认',
    makeAdmin: '设为管理员',
    removeAdmin: '取消管理员',
    disable: '停用',
    enable: '启用',
    deleteUser: '删除…',
    deleteTitle: (e: string) => `删除 ${e} 的账户`,
    deleteIntro:
      '仅在本人要求时操作。其姓名、邮箱和密码将被删除，关注和角色随之取消，登录全部退出；其评论和编辑记录会保留，显示为“前成员”。',
    deleteConfirm: '请输入该账户的邮箱以确认',
    deleteButton: '删除账户',
    actions: '操作',
    newOrg: '新建机构',
    orgName: '名称',
    slug: '网址',
    slugHint: '小写字母、数字和连字符；留空则由名称生成。',
    kind: '类型',
    home: '所在地编号',
    homeHint: '机构所代表的地方，如 Q74957；其编辑可维护该地、其友好关系及友城的页面。',
    about: '简介',
    create: '创建',
    save: '保存',
    saved: '已保存。',
    cannot: '未能完成',
    kinds: { commission: '友城委员会', association: '协会', office: '外事办公室', other: '其他' },
    to: '收件人',
    subject: '主题',
    status: '状态',
    attempts: '尝试次数',
    created: '创建时间',
    kept: '未配置邮件服务器（TWINNING_SMTP_URL），邮件保存在此处。',
    delivering: '邮件通过已配置的邮件服务器发送，失败会自动重试。',
    retry: '重试',
    lastError: '最近错误',
    when: '时间',
    who: '操作人',
    what: '操作',
    detail: '详情',
    members: '人员与角色',
    addMember: '添加人员',
    addHint: '对方如尚无账户，会收到邀请邮件；用此邮箱注册并确认后，角色即生效。',
    invites: '已邀请，等待注册',
    invited: (e: string) => `邀请已发送到 ${e}。`,
    withdraw: '撤回',
    invitedAt: '邀请时间',
    withdrawn: '邀请已撤回。',
    role: '角色',
    remove: '移除',
    roleNames: { editor: '编辑', member: '成员' },
    manage: '管理',
    noOrgs: '尚无机构。',
    public: '公开页面',
    entity: '页面',
    content: '内容',
    history: '机构信息修订历史',
    original: '机构创建时的信息',
    emptyOutbox: '暂无邮件。',
    moderation: '待审评论',
    photoRoom: (used: string, room: string) => `照片已占用 ${used}，本机构共可用 ${room}。`,
  },
} satisfies Record<Lang, unknown>;

type Body = Record<string, unknown>;

const MAIL_STATUS: Record<Lang, Record<string, string>> = {
  en: { queued: 'waiting', kept: 'kept here', sending: 'sending', sent: 'sent', failed: 'failed' },
  zh: { queued: '等待发送', kept: '保存在发件箱', sending: '发送中', sent: '已发送', failed: '发送失败' },
};
/** A mail's state in words: without a mail server, waiting mail is simply kept. */
const statusLabel = (lang: Lang, status: string, delivers: boolean) =>
  MAIL_STATUS[lang][status === 'queued' && !delivers ? 'kept' : status] ?? status;

/** Where the history of an edited thing is shown. */
function historyLink(entity: string, id: string, lang: Lang) {
  const path =
    entity === 'section'
      ? sectionHistoryPath(id, lang)
      : entity === 'entry'
        ? href(`/entries/${id}/history`, lang)
        : entity === 'place'
          ? href(`/history/${/^[A-Z]{2}$/.test(id) ? 'country' : 'place'}/${id}/facts`, lang)
          : entity === 'twinning'
            ? href(`/history/tie/${id}/facts`, lang)
            : null;
  return path ? <a href={path}>{`${entity} ${id}`}</a> : `${entity} ${id}`;
}

/** The signed-in site admin, a redirect to sign in (null), or 403. */
function adminOnly(req: FastifyRequest, reply: FastifyReply): Actor | null {
  const actor = signInFirst(req, reply);
  if (actor && !actor.user.isAdmin) throw new ForbiddenError('Only a site admin may open the admin area.');
  return actor;
}

function AdminNav(p: { lang: Lang }) {
  const t = T[p.lang];
  const links: [string, string][] = [
    ['/admin/users', t.users],
    ['/admin/orgs', t.orgs],
    ['/admin/outbox', t.outbox],
    ['/admin/audit', t.audit],
    ['/admin/edits', t.edits],
  ];
  return (
    <nav aria-label={t.admin}>
      <ul class="columns">
        {links.map(([to, label]) => (
          <li>
            <a href={href(to, p.lang)}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The admin area (accounts, organizations, outbox, audit log) and the organizations' own pages. */
export function adminPages(
  app: FastifyInstance,
  deps: {
    store: Store;
    orgs: OrgsService;
    mail: MailService;
    /** how many bytes of photos each organization may keep */
    photoQuotaBytes: number;
  },
): void {
  const { store, orgs } = deps;

  app.get('/admin', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const t = T[req.lang];
    const counts = await store.outbox.counts();
    return html(reply).send(
      pageFor(req, {
        title: t.admin,
        children: (
          <>
            <h1>{t.admin}</h1>
            <AdminNav lang={req.lang} />
            <p>
              {t.outbox}: {counts.queued} queued, {counts.sent} sent, {counts.failed} failed.
            </p>
          </>
        ),
      }),
    );
  });

  app.get<{ Querystring: { done?: string } }>('/admin/users', async (req, reply) => {
    const actor = adminOnly(req, reply);
    if (!actor) return reply;
    const t = T[req.lang];
    const users = await store.users.list();
    const csrf = csrfToken(req, reply);
    const button = (id: number, field: string, value: string, label: string) => (
      <PostForm action={href(`/admin/users/${id}`, req.lang)} csrf={csrf} class="inline">
        <input type="hidden" name={field} value={value} />
        <button type="submit" class="secondary">
          {label}
        </button>
      </PostForm>
    );
    return html(reply).send(
      pageFor(req, {
        title: t.users,
        children: (
          <>
            <h1>{t.users}</h1>
            <AdminNav lang={req.lang} />
            {req.query.done && <Notice>{t.saved}</Notice>}
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
                u.name,
                [
                  u.isAdmin ? t.siteAdmin : '',
                  u.disabledAt ? t.disabled : '',
                  u.emailConfirmedAt ? '' : t.unconfirmed,
                ]
                  .filter(Boolean)
                  .join(', '),
                formatTime(u.createdAt, req.lang),
                u.id === actor.user.id ? (
                  ''
                ) : (
                  <>
                    {button(u.id, 'admin', u.isAdmin ? '0' : '1', u.isAdmin ? t.removeAdmin : t.makeAdmin)}{' '}
                    {button(u.id, 'disabled', u.disabledAt ? '0' : '1', u.disabledAt ? t.enable : t.disable)}{' '}
                    {!isDeleted(u) && (
                      <a href={href(`/admin/users/${u.id}/delete`, req.lang)}>{t.deleteUser}</a>
                    )}
                  </>
                ),
              ])}
            />
          </>
        ),
      }),
    );
  });

  async function deleteUserPage(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    problems: string[] = [],
  ) {
    const actor = adminOnly(req, reply);
    if (!actor) return reply;
    const t = T[req.lang];
    const id = idParam(req.params.id, `There is no user ${req.params.id}.`);
    const user = await store.users.byId(id);
    if (!user || isDeleted(user)) throw new NotFoundError(`There is no user ${id}.`);
    return html(reply).send(
      pageFor(req, {
        title: t.deleteTitle(user.email),
        children: (
          <>
            <AdminNav lang={req.lang} />
            <h1>{t.deleteTitle(user.email)}</h1>
            <p>{t.deleteIntro}</p>
            <Problems title={t.cannot} messages={problems} />
            <PostForm action={href(`/admin/users/${id}/delete`, req.lang)} csrf={csrfToken(req, reply)}>
              <Field label={t.deleteConfirm} name="confirm" type="email" required autocomplete="off" />
              <button type="submit">{t.deleteButton}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  app.get<{ Params: { id: string } }>('/admin/users/:id/delete', async (req, reply) =>
    deleteUserPage(req, reply),
  );

  app.post<{ Params: { id: string }; Body: Body }>('/admin/users/:id/delete', async (req, reply) => {
    const actor = adminOnly(req, reply);
    if (!actor) return reply;
    const id = idParam(req.params.id, `There is no user ${req.params.id}.`);
    try {
      await orgs.deleteUser(actor, id, formText(req.body, 'confirm'));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      reply.code(400);
      return deleteUserPage(req, reply, problemsOf(e));
    }
    return reply.redirect(href('/admin/users', req.lang, { done: '1' }), 303);
  });

  app.post<{ Params: { id: string }; Body: Body }>('/admin/users/:id', async (req, reply) => {
    const actor = adminOnly(req, reply);
    if (!actor) return reply;
    const id = idParam(req.params.id, `There is no user ${req.params.id}.`);
    const admin = formText(req.body, 'admin');
    const disabled = formText(req.body, 'disabled');
    if (admin === '0' || admin === '1') await orgs.setAdmin(actor, id, admin === '1');
    else if (disabled === '0' || disabled === '1') await orgs.setDisabled(actor, id, disabled === '1');
    else throw new ValidationError('Say what to change: admin=0|1 or disabled=0|1.');
    return reply.redirect(href('/admin/users', req.lang, { done: '1' }), 303);
  });

  function OrgFields(p: {
    lang: Lang;
    v: Partial<Record<'name' | 'slug' | 'kind' | 'homeId' | 'about', string>>;
    homeLocked?: boolean;
  }) {
    const t = T[p.lang];
    return (
      <>
        <Field label={t.orgName} name="name" value={p.v.name} required maxLength={200} />
        <Field label={t.slug} name="slug" value={p.v.slug} hint={t.slugHint} maxLength={60} />
        <label>
          {t.kind}
          <select name="kind">
            {ORG_KINDS.map((k) => (
              <option value={k} selected={p.v.kind === k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        {p.homeLocked ? (
          <input type="hidden" name="homeId" value={p.v.homeId ?? ''} />
        ) : (
          <Field label={t.home} name="homeId" value={p.v.homeId} hint={t.homeHint} maxLength={100} />
        )}
        <label>
          {t.about}
          <textarea name="about" rows={5} maxLength={5000}>
            {p.v.about ?? ''}
          </textarea>
        </label>
      </>
    );
  }

  async function orgsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    v: Record<string, string> = {},
    problems: string[] = [],
  ) {
    const t = T[req.lang];
    const list = await store.orgs.list();
    return html(reply).send(
      pageFor(req, {
        title: t.orgs,
        children: (
          <>
            <h1>{t.orgs}</h1>
            <AdminNav lang={req.lang} />
            {list.length ? (
              <ul>
                {list.map((o) => (
                  <li>
                    <a href={href(`/orgs/${o.slug}`, req.lang)}>{o.name}</a> ({t.kinds[o.kind]}) ·{' '}
                    <a href={href(`/orgs/${o.slug}/manage`, req.lang)}>{t.manage}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.noOrgs}</p>
            )}
            <h2>{t.newOrg}</h2>
            <Problems title={t.cannot} messages={problems} />
            <PostForm action={href('/admin/orgs', req.lang)} csrf={csrfToken(req, reply)}>
              <OrgFields lang={req.lang} v={v} />
              <button type="submit">{t.create}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  app.get('/admin/orgs', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    return orgsPage(req, reply);
  });

  const orgInput = (body: unknown) => ({
    name: formText(body, 'name'),
    slug: formText(body, 'slug'),
    kind: formText(body, 'kind'),
    homeId: formText(body, 'homeId'),
    about: formText(body, 'about'),
  });

  app.post<{ Body: Body }>('/admin/orgs', async (req, reply) => {
    const actor = adminOnly(req, reply);
    if (!actor) return reply;
    const input = orgInput(req.body);
    try {
      const org = await orgs.create(actor, input);
      return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang), 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      reply.code(400);
      return orgsPage(req, reply, input, problemsOf(e));
    }
  });

  app.get<{ Querystring: { status?: string } }>('/admin/outbox', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const t = T[req.lang];
    const mails = await store.outbox.list({ limit: 200 });
    return html(reply).send(
      pageFor(req, {
        title: t.outbox,
        children: (
          <>
            <h1>{t.outbox}</h1>
            <AdminNav lang={req.lang} />
            <p>{deps.mail.delivers ? t.delivering : t.kept}</p>
            {mails.length === 0 && <p>{t.emptyOutbox}</p>}
            <DataTable
              columns={[
                { label: t.created },
                { label: t.to },
                { label: t.subject },
                { label: t.status },
                { label: t.attempts, numeric: true },
              ]}
              rows={mails.map((m) => [
                formatTime(m.createdAt, req.lang),
                m.to,
                <a href={href(`/admin/outbox/${m.id}`, req.lang)}>{m.subject}</a>,
                statusLabel(req.lang, m.status, deps.mail.delivers),
                m.attempts,
              ])}
            />
          </>
        ),
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const t = T[req.lang];
    const missing = `There is no mail ${req.params.id} in the outbox.`;
    const m = await store.outbox.get(idParam(req.params.id, missing));
    if (!m) throw new NotFoundError(missing);
    return html(reply).send(
      pageFor(req, {
        title: m.subject,
        children: (
          <>
            <p>
              <a href={href('/admin/outbox', req.lang)}>{t.outbox}</a>
            </p>
            <h1>{m.subject}</h1>
            <dl class="facts card">
              <dt>{t.to}</dt>
              <dd>{m.to}</dd>
              <dt>{t.created}</dt>
              <dd>{formatTime(m.createdAt, req.lang)}</dd>
              <dt>{t.status}</dt>
              <dd>{statusLabel(req.lang, m.status, deps.mail.delivers)}</dd>
              <dt>{t.attempts}</dt>
              <dd>{m.attempts}</dd>
              {m.lastError && (
                <>
                  <dt>{t.lastError}</dt>
                  <dd>{m.lastError}</dd>
                </>
              )}
            </dl>
            <pre class="card mail-body">{m.body}</pre>
            {m.status === 'failed' && (
              <PostForm action={href(`/admin/outbox/${m.id}/retry`, req.lang)} csrf={csrfToken(req, reply)}>
                <button type="submit">{t.retry}</button>
              </PostForm>
            )}
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/admin/outbox/:id/retry', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const id = idParam(req.params.id, `There is no mail ${req.params.id} in the outbox.`);
    if (!(await store.outbox.retry(id, new Date().toISOString())))
      throw new ValidationError('Only a mail whose delivery failed can be tried again.');
    return reply.redirect(href(`/admin/outbox/${req.params.id}`, req.lang), 303);
  });

  app.get('/admin/audit', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const t = T[req.lang];
    const rows = await store.users.auditLog(300);
    const names = new Map((await store.users.list(10_000)).map((u) => [u.id, u.email]));
    const who = (id: number | null) => (id === null ? '—' : (names.get(id) ?? `#${id}`));
    const subject = (s: string | null) => {
      const m = s && /^user:(\d+)$/.exec(s);
      return m ? who(Number(m[1])) : (s ?? '');
    };
    return html(reply).send(
      pageFor(req, {
        title: t.audit,
        children: (
          <>
            <h1>{t.audit}</h1>
            <AdminNav lang={req.lang} />
            <DataTable
              columns={[{ label: t.when }, { label: t.who }, { label: t.what }, { label: t.detail }]}
              rows={rows.map((r) => [
                formatTime(r.at, req.lang),
                who(r.actor_id),
                r.action,
                [subject(r.subject), r.detail].filter(Boolean).join(' · '),
              ])}
            />
          </>
        ),
      }),
    );
  });

  app.get('/admin/edits', async (req, reply) => {
    if (!adminOnly(req, reply)) return reply;
    const t = T[req.lang];
    const revs = await store.revisions.recent(200);
    return html(reply).send(
      pageFor(req, {
        title: t.edits,
        children: (
          <>
            <h1>{t.edits}</h1>
            <AdminNav lang={req.lang} />
            <DataTable
              columns={[{ label: t.when }, { label: t.who }, { label: t.what }, { label: t.entity }]}
              rows={revs.map((r) => [
                formatTime(r.at, req.lang),
                r.userName ?? '—',
                r.action,
                historyLink(r.entity, r.entityId, req.lang),
              ])}
            />
          </>
        ),
      }),
    );
  });

  async function managePage(
    req: FastifyRequest,
    reply: FastifyReply,
    org: Organization,
    actor: Actor,
    v: {
      fields?: Record<string, string>;
      problems?: string[];
      memberProblems?: string[];
      saved?: boolean;
      email?: string;
      notice?: string;
    } = {},
  ) {
    const t = T[req.lang];
    const members = await store.orgs.members(org.id);
    const invites = await store.orgs.invitesOf(org.id);
    const photoBytes = await store.photos.bytesOf(org.id);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const csrf = csrfToken(req, reply);
    return html(reply).send(
      pageFor(req, {
        title: `${t.manage}: ${org.name}`,
        children: (
          <>
            <p>
              <a href={href(`/orgs/${org.slug}`, req.lang)}>{t.public}</a>
            </p>
            <h1>{`${t.manage}: ${org.name}`}</h1>
            {v.saved && <Notice>{t.saved}</Notice>}
            {v.notice && <Notice>{v.notice}</Notice>}
            <Problems title={t.cannot} messages={v.problems ?? []} />
            <PostForm action={href(`/orgs/${org.slug}/manage`, req.lang)} csrf={csrf}>
              <OrgFields
                lang={req.lang}
                v={
                  v.fields ?? {
                    name: org.name,
                    slug: org.slug,
                    kind: org.kind,
                    homeId: org.homeId ?? '',
                    about: org.about,
                  }
                }
                homeLocked={!actor.user.isAdmin}
              />
              <button type="submit">{t.save}</button>
            </PostForm>
            <p>
              <a href={href(`/orgs/${org.slug}/history`, req.lang)}>{t.history}</a>
            </p>
            <h2>{t.content}</h2>
            <ul class="columns">
              {ENTRY_TYPES.map((type) => (
                <li>
                  <a href={href(`/orgs/${org.slug}/entries/${type}`, req.lang)}>
                    {ENTRY_LABELS[req.lang][type].many}
                  </a>
                </li>
              ))}
              <li>
                <a href={href('/moderation', req.lang)}>{t.moderation}</a>
              </li>
            </ul>
            <p class="muted">{t.photoRoom(mb(photoBytes), mb(deps.photoQuotaBytes))}</p>
            <h2>{t.members}</h2>
            <DataTable
              columns={[{ label: t.name }, { label: t.email }, { label: t.role }, { label: t.actions }]}
              rows={members.map((m) => [
                m.name,
                m.email,
                t.roleNames[m.role],
                <PostForm
                  action={href(`/orgs/${org.slug}/members/${m.userId}/remove`, req.lang)}
                  csrf={csrf}
                  class="inline"
                >
                  <button type="submit" class="secondary">
                    {t.remove}
                  </button>
                </PostForm>,
              ])}
            />
            {invites.length > 0 && (
              <>
                <h3>{t.invites}</h3>
                <DataTable
                  columns={[
                    { label: t.email },
                    { label: t.role },
                    { label: t.invitedAt },
                    { label: t.actions },
                  ]}
                  rows={invites.map((i) => [
                    i.email,
                    t.roleNames[i.role],
                    formatTime(i.createdAt, req.lang),
                    <PostForm
                      action={href(`/orgs/${org.slug}/invites/withdraw`, req.lang)}
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
            <Problems title={t.cannot} messages={v.memberProblems ?? []} />
            <PostForm action={href(`/orgs/${org.slug}/members`, req.lang)} csrf={csrf}>
              <Field label={t.email} name="email" type="email" value={v.email} hint={t.addHint} required />
              <label>
                {t.role}
                <select name="role">
                  {ORG_ROLES.map((r) => (
                    <option value={r}>{t.roleNames[r]}</option>
                  ))}
                </select>
              </label>
              <button type="submit">{t.addMember}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  /** The organization, if the signed-in actor may manage it; a redirect to sign in (null), or 403. */
  async function managed(req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
    const actor = signInFirst(req, reply);
    if (!actor) return null;
    const org = await orgs.get(req.params.slug);
    orgs.can.requireEditor(actor, org);
    return { actor, org };
  }

  app.get<{
    Params: { slug: string };
    Querystring: { saved?: string; invited?: string; withdrawn?: string };
  }>('/orgs/:slug/manage', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    const t = T[req.lang];
    const notice = req.query.invited
      ? t.invited(req.query.invited)
      : req.query.withdrawn === '1'
        ? t.withdrawn
        : undefined;
    return managePage(req, reply, m.org, m.actor, { saved: req.query.saved === '1', notice });
  });

  app.post<{ Params: { slug: string }; Body: Body }>('/orgs/:slug/invites/withdraw', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    await orgs.withdrawInvite(m.actor, m.org, formText(req.body, 'email'));
    return reply.redirect(href(`/orgs/${m.org.slug}/manage`, req.lang, { withdrawn: '1' }), 303);
  });

  app.post<{ Params: { slug: string }; Body: Body }>('/orgs/:slug/manage', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    const input = orgInput(req.body);
    try {
      const org = await orgs.update(m.actor, m.org, input);
      return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang, { saved: '1' }), 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      reply.code(400);
      return managePage(req, reply, m.org, m.actor, { fields: input, problems: problemsOf(e) });
    }
  });

  app.post<{ Params: { slug: string }; Body: Body }>('/orgs/:slug/members', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    const email = formText(req.body, 'email');
    let done;
    try {
      done = await orgs.grant(m.actor, m.org, email, formText(req.body, 'role'));
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooManyError)) throw e;
      reply.code(e instanceof TooManyError ? 429 : 400);
      return managePage(req, reply, m.org, m.actor, { email, memberProblems: problemsOf(e) });
    }
    const query = done === 'invited' ? { invited: email.trim().toLowerCase() } : { saved: '1' };
    return reply.redirect(href(`/orgs/${m.org.slug}/manage`, req.lang, query), 303);
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug/history', async (req, reply) => {
    const m = await managed(req, reply);
    if (!m) return reply;
    const t = T[req.lang];
    const revs = await orgs.history(m.actor, m.org);
    const csrf = csrfToken(req, reply);
    const fields = [
      ['name', t.orgName],
      ['slug', t.slug],
      ['kind', t.kind],
      ['homeId', t.home],
      ['about', t.about],
    ] as const;
    const dataOf = (i: number) =>
      revs[i] ? (JSON.parse(revs[i]!.data) as Record<string, string | null>) : undefined;
    const title = `${t.history}: ${m.org.name}`;
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(`/orgs/${m.org.slug}/manage`, req.lang)}>{`${t.manage}: ${m.org.name}`}</a>
            </p>
            <h1>{title}</h1>
            <RevisionLog
              revisions={revs}
              lang={req.lang}
              csrf={csrf}
              restorePath={(r) => `/orgs/restore/${r.id}`}
              originalLabel={t.original}
            >
              {(_r, i) => <FieldChanges now={dataOf(i)!} before={dataOf(i + 1)} fields={fields} />}
            </RevisionLog>
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { rev: string } }>('/orgs/restore/:rev', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const rev = idParam(req.params.rev, `There is no revision ${req.params.rev}.`);
    const org = await orgs.restore(actor, rev);
    return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang, { saved: '1' }), 303);
  });

  app.post<{ Params: { slug: string; userId: string } }>(
    '/orgs/:slug/members/:userId/remove',
    async (req, reply) => {
      const m = await managed(req, reply);
      if (!m) return reply;
      const userId = Number(req.params.userId);
      if (!Number.isInteger(userId)) throw new NotFoundError('That person holds no role here.');
      await orgs.revoke(m.actor, m.org, userId);
      return reply.redirect(href(`/orgs/${m.org.slug}/manage`, req.lang, { saved: '1' }), 303);
    },
  );
}
