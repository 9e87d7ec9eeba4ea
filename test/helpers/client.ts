import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { AccountsService } from '../../src/services/accounts.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import type { Store } from '../../src/store/store.js';

/**
 * A visitor with a cookie jar, for HTTP tests of the forms: gets pages, reads the CSRF token from their forms
 * and posts them back as a browser would (application/x-www-form-urlencoded).
 */
export class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: () => FastifyInstance,
    /** the network address the visitor comes from (rate limits count per address) */
    readonly ip = '127.0.0.1',
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app().inject({
        method: 'GET',
        url,
        remoteAddress: this.ip,
        headers: this.cookies.size ? { cookie: this.cookieHeader } : {},
      }),
    );
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app().inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Opens the page with the form, then sends the form with its CSRF token and the fields. */
  async submit(
    pageUrl: string,
    fields: Record<string, string>,
    action?: string,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = csrfOf(page.body);
    const target =
      action ?? /<form method="post" action="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    if (!target) throw new Error(`${pageUrl} has no form (status ${page.statusCode})`);
    return this.post(target, { _csrf: token, ...fields });
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.submit('/signin', { email, password });
  }
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('the page has no form with a CSRF token');
  return m[1]!;
}

/** The text of a page's main part, tags removed, for readable assertions. */
export function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An account for each name (`name@example.org`, named so; those in `admins` are site admins), each signed in as
 * a visitor from its own network address `${net}.N`, so that no sign-in limit is shared.
 */
export async function signedInVisitors(
  app: () => FastifyInstance,
  store: Store,
  names: readonly string[],
  opts: { password: string; net: string; admins?: readonly string[] },
): Promise<Record<string, Visitor>> {
  const accounts = new AccountsService(store);
  const as: Record<string, Visitor> = {};
  for (const [i, who] of names.entries()) {
    const email = `${who}@example.org`;
    await accounts.addUser({ email, name: who, password: opts.password, admin: opts.admins?.includes(who) });
    as[who] = new Visitor(app, `${opts.net}.${i + 1}`);
    const res = await as[who].signIn(email, opts.password);
    if (res.statusCode !== 303) throw new Error(`${email} could not sign in (${res.statusCode})`);
  }
  return as;
}

/**
 * Two organizations on the fixture data, as the permission tests use them: the Anshan Foreign Affairs Office
 * (home Q74957) with an editor and a member, and Hanover Partners (home Q1715) with an editor; plus a site admin
 * and a signed-in stranger. The visitors are signed in from addresses in `net`.
 */
export async function anshanAndHanover(
  app: () => FastifyInstance,
  store: Store,
  opts: { password: string; net: string },
): Promise<Record<string, Visitor>> {
  const as = await signedInVisitors(
    app,
    store,
    ['admin', 'anshanEditor', 'anshanMember', 'hanoverEditor', 'nobody'],
    { ...opts, admins: ['admin'] },
  );
  const orgs = new OrgsService(store);
  const anshan = await orgs.create(SYSTEM, {
    name: 'Anshan Foreign Affairs Office',
    kind: 'office',
    homeId: 'Q74957',
  });
  const hanover = await orgs.create(SYSTEM, {
    name: 'Hanover Partners',
    kind: 'association',
    homeId: 'Q1715',
  });
  await orgs.grant(SYSTEM, anshan, 'anshanEditor@example.org', 'editor');
  await orgs.grant(SYSTEM, anshan, 'anshanMember@example.org', 'member');
  await orgs.grant(SYSTEM, hanover, 'hanoverEditor@example.org', 'editor');
  return as;
}
