import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { ENTRY_FIELDS, ENTRY_TYPES } from '../../domain/entries.js';
import type { AppContext } from '../../context.js';
import { requireActor, signInFirst } from '../auth.js';
import type { App } from '../app.js';
import type { FormProblems } from '../errors.js';
import { FormBody, LongText, PageQuery, RowIdText, Slug, Text, rowIdOr404, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { entryFormPage, type FormValues } from '../views/entry-form.js';
import { entryHistoryPage, entryManagePage } from '../views/entry-manage.js';
import { href } from '../views/layout.js';

/** A field that may be ticked several times (what an entry is about, the people and institutions taking part). */
const Several = Type.Union([Text(200), Type.Array(Text(200), { maxItems: 500 })]);
const MULTIPLE = new Set(['people', 'institutions']);

/** Every field of every type of entry; the domain checks each against its type. */
const EntryBody = FormBody({
  ...Object.fromEntries(
    ENTRY_TYPES.flatMap((type) => ENTRY_FIELDS[type]).map((f): [string, TSchema] => [
      f.name,
      MULTIPLE.has(f.name) ? Several : LongText(100_000),
    ]),
  ),
  subjects: Several,
});
type EntryForm = Static<typeof EntryBody>;

const TypeParams = Type.Object({ slug: Slug, type: Text(40) });
const IdParams = Type.Object({ id: RowIdText });
const DoneQuery = PageQuery({ done: Type.Optional(Text(20)) });

/** The ticked values of a field sent once, many times or not at all. */
const several = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];

/** What a form sent, as its fields (without the token and the subjects). */
function fieldsOf(body: EntryForm): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(body).filter(([k]) => k !== '_csrf' && k !== 'subjects'),
  ) as Record<string, string | string[]>;
}

/** Organizations' entries as their editors keep them: lists, forms, deletion, history and restore. */
export function entryRoutes(app: App, ctx: AppContext): void {
  /** The form again, as sent, with its problems. */
  function again(target: (req: FastifyRequest) => { slug: string; type: string } | { id: number }) {
    return async (req: FastifyRequest, reply: FastifyReply, problems: FormProblems) => {
      const body = (req.body ?? {}) as EntryForm;
      const model = await ctx.entryViews.form(requireActor(req), target(req));
      const values: FormValues = fieldsOf(body);
      return entryFormPage(viewOf(req, reply), model, { values, chosen: several(body.subjects), problems });
    };
  }
  const saved = (reply: FastifyReply, lang: FastifyRequest['lang'], id: number) =>
    reply.redirect(href(`/entries/${id}/edit`, lang, { done: 'saved' }), 303);

  app.get(
    '/orgs/:slug/entries/:type',
    { schema: { params: TypeParams, querystring: DoneQuery } },
    async (req, reply) => {
      const actor = signInFirst(req, reply);
      if (!actor) return reply;
      const m = await ctx.entryViews.manage(actor, req.params.slug, req.params.type);
      return sendHtml(
        reply,
        entryManagePage(viewOf(req, reply), m, { deleted: req.query.done === 'deleted' }),
      );
    },
  );

  app.get(
    '/orgs/:slug/entries/:type/new',
    { schema: { params: TypeParams, querystring: PageQuery({}) } },
    async (req, reply) => {
      const actor = signInFirst(req, reply);
      if (!actor) return reply;
      return sendHtml(reply, entryFormPage(viewOf(req, reply), await ctx.entryViews.form(actor, req.params)));
    },
  );

  app.post(
    '/orgs/:slug/entries/:type/new',
    {
      schema: { params: TypeParams, body: EntryBody },
      config: { form: again((req) => req.params as Static<typeof TypeParams>) },
    },
    async (req, reply) => {
      const id = await ctx.entries.saveForm(
        requireActor(req),
        req.params,
        fieldsOf(req.body),
        several(req.body.subjects),
      );
      return saved(reply, req.lang, id);
    },
  );

  const entryId = (req: FastifyRequest) => ({
    id: rowIdOr404((req.params as Static<typeof IdParams>).id, 'entry'),
  });

  app.get(
    '/entries/:id/edit',
    { schema: { params: IdParams, querystring: DoneQuery } },
    async (req, reply) => {
      const actor = signInFirst(req, reply);
      if (!actor) return reply;
      const done = req.query.done === 'saved' || req.query.done === 'restored';
      return sendHtml(
        reply,
        entryFormPage(viewOf(req, reply), await ctx.entryViews.form(actor, entryId(req)), { done }),
      );
    },
  );

  app.post(
    '/entries/:id/edit',
    { schema: { params: IdParams, body: EntryBody }, config: { form: again(entryId) } },
    async (req, reply) => {
      const fields = fieldsOf(req.body);
      const id = await ctx.entries.saveForm(
        requireActor(req),
        entryId(req),
        fields,
        several(req.body.subjects),
      );
      return saved(reply, req.lang, id);
    },
  );

  app.post(
    '/entries/:id/delete',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const { entry, org } = await ctx.entries.remove(requireActor(req), entryId(req).id);
      return reply.redirect(
        href(`/orgs/${org.slug}/entries/${entry.type}`, req.lang, { done: 'deleted' }),
        303,
      );
    },
  );

  app.get(
    '/entries/:id/history',
    { schema: { params: IdParams, querystring: PageQuery({}) } },
    async (req, reply) => {
      const actor = signInFirst(req, reply);
      if (!actor) return reply;
      return sendHtml(
        reply,
        entryHistoryPage(viewOf(req, reply), await ctx.entries.history(actor, entryId(req).id)),
      );
    },
  );

  app.post(
    '/entries/restore/:rev',
    { schema: { params: Type.Object({ rev: RowIdText }), body: FormBody({}) } },
    async (req, reply) => {
      const entry = await ctx.entries.restore(requireActor(req), rowIdOr404(req.params.rev, 'revision'));
      return reply.redirect(href(`/entries/${entry.id}/edit`, req.lang, { done: 'restored' }), 303);
    },
  );
}
