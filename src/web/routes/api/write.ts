import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { AppContext } from '../../../context.js';
import { ENTRY_TYPES, entryPath, type Entry } from '../../../domain/entries.js';
import { AuthenticationError } from '../../../domain/errors.js';
import type { Organization } from '../../../domain/organizations.js';
import { SECTION_KEYS } from '../../../domain/sections.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../../domain/twinnings.js';
import type { Actor } from '../../../services/orgs.js';
import type { RateState } from '../../../services/limits.js';
import { ErrorBody, PlaceId, Twinning, enumOf } from '../../schemas.js';
import { RowIdText, rowIdOr404 } from '../../kit.js';
import { twinningJson, withExample } from './common.js';
import type { Twinning as Tie } from '../../../domain/twinnings.js';
import { EXAMPLES, WRITE_EXAMPLES } from './examples.js';

// The write API: program offices' own systems keep their home's ties, facts, sections and entries with an
// organization's API key. Every route calls the service the web editor calls, so the checks, revisions, audit
// entries and version bumps are the same. Only a key authorizes a write: a browser's session cookie does not
// (it would need a CSRF token), and the answers allow no other site to call them (no CORS allowance).

declare module 'fastify' {
  interface FastifyRequest {
    /** who a write API request acts as: the API key's organization, with its editor role alone */
    keyActor: Actor | null;
  }
}

/** The security requirement of every write: an API key as a bearer token. */
export const API_KEY_SCHEME = 'apiKey';
const security = [{ [API_KEY_SCHEME]: [] }];

const errorAnswer = (description: string, example: object, headers?: Record<string, object>) =>
  Type.Object(ErrorBody.properties, { description, examples: [example], ...(headers ? { headers } : {}) });

/** The headers of every keyed answer, as the OpenAPI document names them (IETF RateLimit header fields). */
const RATE_HEADERS = {
  'RateLimit-Limit': { type: 'integer', description: 'Requests the key may make in the window' },
  'RateLimit-Remaining': { type: 'integer', description: 'Requests left in the window' },
  'RateLimit-Reset': {
    type: 'integer',
    description: 'Seconds until the oldest request counted in the window leaves it',
  },
  'RateLimit-Policy': { type: 'string', description: 'The limit and its window in seconds: `60;w=60`' },
};

/** A success answer with its example, its description and the rate headers. */
const ok = <S extends TSchema>(schema: S, example: unknown, description: string): S =>
  ({ ...schema, description, examples: [example], headers: RATE_HEADERS }) as S;

/** The error answers of every write. */
const writeErrors = {
  400: errorAnswer(
    'The body or a parameter is malformed, or a value cannot be accepted; `problems` names each field',
    WRITE_EXAMPLES.invalid,
  ),
  401: errorAnswer(
    'No API key, or one that is unknown, revoked, or whose maker no longer edits the organization; the answer carries `WWW-Authenticate: Bearer`',
    WRITE_EXAMPLES.unauthorized,
    {
      'WWW-Authenticate': {
        type: 'string',
        description: '`Bearer realm="twinning"`, with `error="invalid_token"` for a key that is no good',
      },
    },
  ),
  403: errorAnswer(
    "The key's organization may not change this (not its home, a tie of its home or a place tied to it, nor its own content)",
    WRITE_EXAMPLES.forbidden,
  ),
  404: errorAnswer('There is no such place, tie, organization or entry', EXAMPLES.notFound),
  429: errorAnswer(
    'The key made too many requests in the window; `Retry-After` and `RateLimit-Reset` say when to try again',
    WRITE_EXAMPLES.tooMany,
    { 'Retry-After': { type: 'integer', description: 'Seconds to wait' }, ...RATE_HEADERS },
  ),
  503: errorAnswer(
    'The database cannot be reached just now; `Retry-After` says when to ask again',
    EXAMPLES.unavailable,
  ),
};

const Text = (max: number, description: string, examples?: string[]) =>
  Type.String({ maxLength: max, description, ...(examples ? { examples } : {}) });
const Sources = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
  minItems: 1,
  maxItems: 50,
  description: 'Web addresses or citations, one per item; at least one',
  examples: [['https://www.anshan.gov.cn/sister-cities']],
});

const TieFacts = {
  kind: Type.Optional(enumOf(TWINNING_KINDS, 'Kind of tie (default sister)')),
  signed: Type.Optional(Text(10, 'Signing date: YYYY, YYYY-MM or YYYY-MM-DD; "" clears it', ['1996-11-05'])),
  ended: Type.Optional(Text(10, 'End date, same form; "" clears it')),
  status: Type.Optional(enumOf(TWINNING_STATUSES, 'Status (default active)')),
  notes: Type.Optional(Text(5000, 'Notes; "" clears them')),
};

const TieBody = Type.Object(
  {
    from: Type.Optional(
      Text(200, "Id of the organization's home place (the default); a key acts for its own home only", [
        'Q74957',
      ]),
    ),
    partner: Text(200, 'Id of the partner place (or a name only one place has)', ['Q79867']),
    ...TieFacts,
    sources: Sources,
  },
  { additionalProperties: false },
);

const TiePatch = Type.Object(
  { ...TieFacts, sources: Type.Optional(Sources) },
  { additionalProperties: false, minProperties: 1 },
);

const Num = (description: string) =>
  Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 20 })], { description }));
const PlacePatch = Type.Object(
  {
    population: Num('Population; "" clears it'),
    population_year: Num('Year of the population figure'),
    leader_title: Type.Optional(Text(200, 'Title of the leader (Mayor, Governor)')),
    leader_name: Type.Optional(Text(200, "The leader's name")),
    leader_since: Type.Optional(Text(10, 'In office since: YYYY, YYYY-MM or YYYY-MM-DD')),
    languages: Type.Optional(
      Type.Array(Type.String({ maxLength: 20 }), {
        maxItems: 20,
        description: 'Language codes (ISO 639), e.g. ["zh", "en"]; [] falls back to the country',
      }),
    ),
    currency: Type.Optional(Text(3, 'ISO 4217 code; "" falls back to the country')),
    timezone: Type.Optional(Text(64, 'IANA time zone; "" falls back to the location')),
  },
  { additionalProperties: false, minProperties: 1 },
);

const FactsAnswer = Type.Object({
  id: Type.String(),
  type: enumOf(['place', 'country'] as const),
  facts: Type.Record(Type.String(), Type.String(), {
    description: 'The facts as stored after the change, as text (languages separated by "; ")',
  }),
});

const SectionBody = Type.Object(
  { body: Type.String({ maxLength: 20_000, description: 'Markdown; "" removes the section' }) },
  { additionalProperties: false },
);
const SectionAnswer = Type.Object({
  subject: Type.String({ description: 'place:ID, country:CODE or twinning:ID' }),
  key: Type.String(),
  lang: Type.String(),
  outcome: enumOf(['saved', 'removed', 'unchanged'] as const),
});

const FieldValue = Type.Union([
  Type.String({ maxLength: 50_000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 }),
  Type.Null(),
]);
const Fields = Type.Record(Type.String({ maxLength: 50 }), FieldValue, {
  description:
    "The type's fields by name, as the entry form has them (see the README's list of entry types): text, " +
    'true/false for checkboxes, lists of ids for people and institutions',
});
const Subjects = Type.Array(Type.String({ maxLength: 120 }), {
  maxItems: 50,
  description: 'What a post, event or activity is about: "place:ID", "country:CODE", "twinning:ID"',
});
const EntryBody = Type.Object(
  { type: enumOf(ENTRY_TYPES, 'Type of entry'), fields: Fields, subjects: Type.Optional(Subjects) },
  { additionalProperties: false },
);
const EntryPatch = Type.Object(
  { fields: Type.Optional(Fields), subjects: Type.Optional(Subjects) },
  { additionalProperties: false, minProperties: 1 },
);
const EntryAnswer = Type.Object({
  id: Type.Integer(),
  type: enumOf(ENTRY_TYPES),
  org: Type.String({ description: "The organization's address name (slug)" }),
  title: Type.String(),
  startsAt: Type.Union([Type.String(), Type.Null()]),
  endsAt: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Record(Type.String(), Type.Unknown()),
  subjects: Type.Array(Type.String()),
  url: Type.String({ description: 'Its page on the site' }),
  updatedAt: Type.String(),
});

const entryJson = ({ entry, org }: { entry: Entry; org: Organization }) => ({
  id: entry.id,
  type: entry.type,
  org: org.slug,
  title: entry.title,
  startsAt: entry.startsAt,
  endsAt: entry.endsAt,
  fields: entry.data,
  subjects: entry.subjects.map((s) => `${s.type}:${s.id}`),
  url: entryPath(entry, org.slug),
  updatedAt: entry.updatedAt,
});

const TieParams = Type.Object({
  id: Type.String({ ...RowIdText, description: 'Tie id', examples: ['42'] }),
});
const EntryParams = Type.Object({
  id: Type.String({ ...RowIdText, description: 'Entry id', examples: ['7'] }),
});
const PlaceParams = Type.Object({ id: PlaceId });
const SectionKey = Type.String({
  maxLength: 50,
  description: `Section: for places ${SECTION_KEYS.place.join(', ')}; countries ${SECTION_KEYS.country.join(', ')}; ties ${SECTION_KEYS.twinning.join(', ')}`,
  examples: ['economy'],
});
const SectionLang = Type.String({
  maxLength: 20,
  description: 'Language tag of the text: en, zh, zh-Hant, …',
  examples: ['en'],
});

/** A tie as `/api/twinnings` shows it. */
const tieJson = (t: Tie) => ({ a: t.a, b: t.b, ...twinningJson(t) });

/** The actor of a keyed request (set by the hook before any handler runs). */
const actorOf = (req: FastifyRequest): Actor => req.keyActor!;

/** Stores changed by the API are never kept by browsers or proxies. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The write API: ties, facts, sections and entries, with an organization's API key. */
export function writeApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.decorateRequest('keyActor', null);
    // Before the body is parsed or checked: who is asking, and whether their key has requests left. A cookie
    // is not looked at here; every request with a key counts against it, refused ones too.
    app.addHook('onRequest', async (req, reply) => {
      noStore(reply);
      const m = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
      const actor = m ? await ctx.apiKeys.authenticate(m[1]!) : null;
      if (!actor) {
        reply.header(
          'www-authenticate',
          m ? 'Bearer realm="twinning", error="invalid_token"' : 'Bearer realm="twinning"',
        );
        throw new AuthenticationError(
          m
            ? 'This API key is unknown or no longer valid (revoked, or its maker no longer edits the organization). An editor of the organization can make a new one on its page.'
            : 'Writing needs an API key: send it as "Authorization: Bearer tw_…". Editors of an organization make keys on its page (API keys).',
        );
      }
      await ctx.apiKeys.take(actor, new Date(), (s: RateState) => {
        reply.header('ratelimit-limit', String(s.limit));
        reply.header('ratelimit-remaining', String(s.remaining));
        reply.header('ratelimit-reset', String(s.resetSeconds));
        reply.header('ratelimit-policy', `${s.limit};w=${s.windowSeconds}`);
      });
      req.keyActor = actor;
    });

    app.post(
      '/ties',
      {
        schema: {
          tags: ['writing'],
          summary: "Add a tie of the organization's home",
          description:
            "Adds a tie between the home place of the key's organization and a partner, with the same checks as " +
            'the "Add a tie" form: known places, valid dates, at least one source, no second tie of a pair ' +
            '(a 400 naming the tie there is). Written as a `create` revision with a `tie.add` ' +
            'audit entry naming the key. Answers 201 with the tie as `/api/twinnings` shows it.',
          security,
          body: withExample(TieBody, WRITE_EXAMPLES.addTie),
          response: {
            201: ok(Twinning, WRITE_EXAMPLES.tie, 'The tie as added'),
            ...writeErrors,
          },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const id = await ctx.additions.addTie(actorOf(req), {
          from: b.from ?? '',
          partner: b.partner,
          kind: b.kind ?? '',
          signed: b.signed ?? '',
          ended: b.ended ?? '',
          status: b.status ?? '',
          source: b.sources.join('\n'),
          notes: b.notes ?? '',
        });
        reply.code(201).header('location', `/ties/${id}`);
        return tieJson(await ctx.facts.tie(id));
      },
    );

    app.patch(
      '/ties/:id',
      {
        schema: {
          tags: ['writing'],
          summary: "Change a tie's facts",
          description:
            'Changes the facts given (kind, signed, ended, status, notes, sources); the others stay. Checked as ' +
            "the facts editor checks them; written as an `edit` revision of the tie's facts (the first edit " +
            "also keeps the original). The key's organization may change ties of its home. Two changes at " +
            'once: the last one wins.',
          security,
          params: TieParams,
          body: withExample(TiePatch, WRITE_EXAMPLES.patchTie),
          response: {
            200: ok(Twinning, { ...WRITE_EXAMPLES.tie, notes: 'Renewed in 2016.' }, 'The tie as stored'),
            ...writeErrors,
          },
        },
      },
      async (req) => {
        const id = rowIdOr404(req.params.id, 'tie');
        const { sources, ...rest } = req.body;
        const changes: Record<string, string> = { ...rest };
        if (sources) changes.source = sources.join('\n');
        await ctx.editor.patchFacts(actorOf(req), { tie: id }, changes);
        return tieJson(await ctx.facts.tie(id));
      },
    );

    app.patch(
      '/places/:id/facts',
      {
        schema: {
          tags: ['writing'],
          summary: "Change a place's facts",
          description:
            'Changes the facts given (population and its year, leader, languages, currency, time zone); the ' +
            "others stay. Checked as the facts editor checks them; written as an `edit` revision. The key's " +
            'organization may change its home and the places tied to it. Two changes at once: the last one wins.',
          security,
          params: PlaceParams,
          body: withExample(PlacePatch, WRITE_EXAMPLES.patchPlace),
          response: {
            200: ok(FactsAnswer, WRITE_EXAMPLES.placeFacts, 'The facts as stored'),
            ...writeErrors,
          },
        },
      },
      async (req) => {
        const changes: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.body))
          changes[k] = Array.isArray(v) ? v.join('; ') : String(v ?? '');
        const r = await ctx.editor.patchFacts(actorOf(req), { place: req.params.id }, changes);
        return { id: r.id, type: r.type as 'place' | 'country', facts: r.facts };
      },
    );

    const sectionSchema = (what: 'place' | 'tie') => ({
      tags: ['writing'],
      summary: `Write a section of a ${what}`,
      description:
        `Sets the Markdown text of one section of a ${what} in one language, as the section editor does; an ` +
        'empty body removes it. Every change is a revision (the history pages show and restore it). The ' +
        "key's organization may write about its home, its ties and the places tied to it.",
      security,
      params: Type.Object({
        id: what === 'place' ? PlaceId : TieParams.properties.id,
        key: SectionKey,
        lang: SectionLang,
      }),
      body: withExample(SectionBody, WRITE_EXAMPLES.section),
      response: {
        200: ok(SectionAnswer, WRITE_EXAMPLES.sectionAnswer, 'What became of the section'),
        ...writeErrors,
      },
    });
    const sectionJson = (r: { type: string; id: string; outcome: string }, key: string, lang: string) => ({
      subject: `${r.type}:${r.id}`,
      key,
      lang,
      outcome: r.outcome as 'saved',
    });

    app.put(
      '/places/:id/sections/:key/:lang',
      {
        schema: {
          ...sectionSchema('place'),
          params: Type.Object({ id: PlaceId, key: SectionKey, lang: SectionLang }),
        },
      },
      async (req) => {
        const { id, key, lang } = req.params;
        const r = await ctx.editor.putSection(actorOf(req), { place: id }, key, lang, req.body.body);
        return sectionJson(r, key, lang);
      },
    );

    app.put(
      '/ties/:id/sections/:key/:lang',
      {
        schema: {
          ...sectionSchema('tie'),
          params: Type.Object({ id: TieParams.properties.id, key: SectionKey, lang: SectionLang }),
        },
      },
      async (req) => {
        const { key, lang } = req.params;
        const tie = rowIdOr404(req.params.id, 'tie');
        const r = await ctx.editor.putSection(actorOf(req), { tie }, key, lang, req.body.body);
        return sectionJson(r, key, lang);
      },
    );

    app.post(
      '/orgs/:slug/entries',
      {
        schema: {
          tags: ['writing'],
          summary: 'Add an entry (news, event, activity, committee, person, institution, membership)',
          description:
            "Adds an entry of the key's organization, checked as the entry form checks it; a post, event or " +
            'activity is told to those who follow the organization or its places. Written as a `create` ' +
            'revision. Answers 201 with the entry and the address of its page.',
          security,
          params: Type.Object({
            slug: Type.String({
              maxLength: 200,
              description: "The organization's address name",
              examples: ['anshan-sister-cities'],
            }),
          }),
          body: withExample(EntryBody, WRITE_EXAMPLES.addEntry),
          response: { 201: ok(EntryAnswer, WRITE_EXAMPLES.entry, 'The entry as saved'), ...writeErrors },
        },
      },
      async (req, reply) => {
        const { type, fields, subjects = [] } = req.body;
        const saved = await ctx.entries.create(actorOf(req), req.params.slug, type, fields, subjects);
        reply.code(201).header('location', entryPath(saved.entry, saved.org.slug));
        return entryJson(saved);
      },
    );

    app.patch(
      '/entries/:id',
      {
        schema: {
          tags: ['writing'],
          summary: 'Change an entry',
          description:
            'Changes the fields given (and, when given, what it is about); the other fields stay. Checked as ' +
            'the entry form checks it; written as an `edit` revision. Two changes at once: the last one wins.',
          security,
          params: EntryParams,
          body: withExample(EntryPatch, WRITE_EXAMPLES.patchEntry),
          response: { 200: ok(EntryAnswer, WRITE_EXAMPLES.entry, 'The entry as saved'), ...writeErrors },
        },
      },
      async (req) => {
        const id = rowIdOr404(req.params.id, 'entry');
        const { fields = {}, subjects } = req.body;
        return entryJson(await ctx.entries.patch(actorOf(req), id, fields, subjects));
      },
    );

    app.delete(
      '/entries/:id',
      {
        schema: {
          tags: ['writing'],
          summary: 'Delete an entry',
          description:
            "Deletes an entry of the key's organization with its photos; a `delete` revision keeps what it was, " +
            'so an editor can restore it from its history.',
          security,
          params: EntryParams,
          response: {
            200: ok(
              Type.Object({ id: Type.Integer(), deleted: Type.Boolean() }),
              { id: 7, deleted: true },
              'The entry is gone',
            ),
            ...writeErrors,
          },
        },
      },
      async (req) => {
        const { entry } = await ctx.entries.remove(actorOf(req), rowIdOr404(req.params.id, 'entry'));
        return { id: entry.id, deleted: true };
      },
    );
  };
}
