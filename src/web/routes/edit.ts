import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../domain/errors.js';
import type { SubjectType } from '../../domain/sections.js';
import { PLACE_EDIT_FACTS, PLACE_FACTS, TIE_FACTS, type FactValues } from '../../services/facts.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { FormBody, LongText, PageQuery, RowIdText, Text, rowId, sendHtml, sentField } from '../kit.js';
import { viewOf } from '../views/context.js';
import {
  URL_TYPE,
  editPath,
  factsEditorPage,
  factsHistoryPage,
  sectionEditorPage,
  sectionHistoryPage,
} from '../views/edit.js';
import { href } from '../views/layout.js';

const SUBJECT: Record<string, SubjectType> = { place: 'place', country: 'country', tie: 'twinning' };

const SubjectParams = Type.Object({ type: Text(20), id: Text(100) });
const SectionParams = Type.Object({ type: Text(20), id: Text(100), key: Text(50) });
const RevParams = Type.Object({ rev: RowIdText });
const DoneQuery = PageQuery({ done: Type.Optional(Text(20)) });
const SectionQuery = PageQuery({ in: Type.Optional(Text(40)), done: Type.Optional(Text(20)) });
/** Several values of one field (checkboxes), or one. */
const Several = Type.Union([Text(200), Type.Array(Text(200), { maxItems: 100 })]);
const FactsBody = FormBody({
  ...Object.fromEntries([...new Set([...PLACE_FACTS, ...TIE_FACTS])].map((c) => [c, LongText(20_000)])),
  // the controlled keywords ticked, and the others typed
  keywords: Several,
  keywords_free: Text(2000),
});

/** The facts as the form sent them: the keywords ticked and typed as one list. */
function sentFacts(body: unknown, columns: readonly string[]): FactValues {
  const values: FactValues = {};
  for (const c of columns) {
    if (c !== 'keywords') values[c] = sentField(body, c) ?? '';
    else {
      const b = body as { keywords?: string | string[]; keywords_free?: string };
      const ticked = Array.isArray(b.keywords) ? b.keywords : b.keywords ? [b.keywords] : [];
      values[c] = [...ticked, sentField(body, 'keywords_free') ?? ''].filter(Boolean).join('; ');
    }
  }
  return values;
}
const SectionBody = FormBody({ body: LongText(20_000) });

/** The subject type an address names (/edit/tie/12 is a twinning's). */
function subjectType(urlType: string): SubjectType {
  // own keys only: "constructor" and the like are no subject types
  const type = Object.hasOwn(SUBJECT, urlType) ? SUBJECT[urlType] : undefined;
  if (!type)
    throw new NotFoundError(`There is nothing to edit at /edit/${urlType}; use place, country or tie.`);
  return type;
}

/** Who edits what (the route's schema has checked the parameters): the arguments of EditorService's calls. */
function editorArgs(req: FastifyRequest) {
  const p = req.params as Static<typeof SubjectParams>;
  return [requireActor(req), subjectType(p.type), p.id] as const;
}

/** The same for a section, in the text's language: `?in=`, else the reader's. */
function sectionArgs(req: FastifyRequest) {
  const p = req.params as Static<typeof SectionParams>;
  const textLang = (req.query as { in?: string }).in || req.lang;
  return [requireActor(req), subjectType(p.type), p.id, p.key, textLang] as const;
}

/** The editors of sections and facts of places, countries and ties, with their histories and restores. */
export function editRoutes(app: App, ctx: AppContext): void {
  const { editor } = ctx;
  const signedIn = { preHandler: mustSignIn };

  app.get(
    '/edit/:type/:id',
    { ...signedIn, schema: { params: SubjectParams, querystring: DoneQuery } },
    async (req, reply) => {
      const view = await editor.factsEditor(...editorArgs(req));
      return sendHtml(reply, factsEditorPage(viewOf(req, reply), view, { done: req.query.done }));
    },
  );

  app.post(
    '/edit/:type/:id/facts',
    {
      ...signedIn,
      schema: { params: SubjectParams, body: FactsBody },
      config: {
        form: async (req, reply, problems) => {
          const view = await editor.factsEditor(...editorArgs(req));
          const values = sentFacts(req.body, view.columns);
          return factsEditorPage(viewOf(req, reply), view, { values, problems });
        },
      },
    },
    async (req, reply) => {
      const [actor, type, id] = editorArgs(req);
      await editor.saveFacts(actor, type, id, sentFacts(req.body, [...PLACE_EDIT_FACTS, ...TIE_FACTS]));
      return reply.redirect(href(editPath(type, id), req.lang, { done: 'saved' }), 303);
    },
  );

  app.get(
    '/history/:type/:id/facts',
    { ...signedIn, schema: { params: SubjectParams, querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(reply, factsHistoryPage(viewOf(req, reply), await editor.factsHistory(...editorArgs(req)))),
  );

  app.post(
    '/history/facts/restore/:rev',
    { ...signedIn, schema: { params: RevParams } },
    async (req, reply) => {
      const { type, id } = await editor.restoreFacts(requireActor(req), rowId(req.params.rev) ?? 0);
      return reply.redirect(href(editPath(type, id), req.lang, { done: 'restored' }), 303);
    },
  );

  app.get(
    '/edit/:type/:id/:key',
    { ...signedIn, schema: { params: SectionParams, querystring: SectionQuery } },
    async (req, reply) => {
      const view = await editor.sectionEditor(...sectionArgs(req));
      return sendHtml(reply, sectionEditorPage(viewOf(req, reply), view, { done: req.query.done }));
    },
  );

  app.post(
    '/edit/:type/:id/:key',
    {
      ...signedIn,
      schema: { params: SectionParams, querystring: SectionQuery, body: SectionBody },
      config: {
        form: async (req, reply, problems) => {
          const view = await editor.sectionEditor(...sectionArgs(req));
          const body = sentField(req.body, 'body');
          return sectionEditorPage(viewOf(req, reply), view, { body, problems });
        },
      },
    },
    async (req, reply) => {
      const [actor, type, id, key, textLang] = sectionArgs(req);
      const outcome = await editor.saveSection(actor, type, id, key, textLang, req.body.body ?? '');
      const path = `${editPath(type, id)}/${key}`;
      return reply.redirect(href(path, req.lang, { in: textLang, done: outcome }), 303);
    },
  );

  app.get(
    '/history/:type/:id/:key',
    { ...signedIn, schema: { params: SectionParams, querystring: SectionQuery } },
    async (req, reply) =>
      sendHtml(
        reply,
        sectionHistoryPage(viewOf(req, reply), await editor.sectionHistory(...sectionArgs(req))),
      ),
  );

  app.post('/history/restore/:rev', { ...signedIn, schema: { params: RevParams } }, async (req, reply) => {
    const { target } = await ctx.content.restore(rowId(req.params.rev) ?? 0, requireActor(req));
    const path = `/edit/${URL_TYPE[target.subjectType]}/${target.subjectId}/${target.key}`;
    return reply.redirect(href(path, req.lang, { in: target.lang, done: 'restored' }), 303);
  });
}
