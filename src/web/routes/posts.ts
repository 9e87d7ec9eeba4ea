import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { parseRowId } from '../../domain/ids.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../auth.js';
import type { App } from '../app.js';
import type { FormProblems } from '../errors.js';
import { CACHED, FormBody, PageNo, PageQuery, RowIdText, Text, rowIdOr404, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { entryListPage } from '../views/entry-lists.js';
import { entryPage } from '../views/entry-page.js';
import { href } from '../views/layout.js';

/** `?about=place:Q…` (a place and its ties), `twinning:12` or `country:CN`, and `?page=N` */
export const ListQuery = PageQuery({ about: Type.Optional(Text(100)), page: Type.Optional(PageNo) });
const IdParams = Type.Object({ id: RowIdText });
const PostQuery = PageQuery({
  comment: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('published'), Type.Literal('removed')]),
  ),
});
const CommentBody = FormBody({ body: Text(20_000), parent: Text(20), follow: Text(10) });

/** News: the lists, one post with its comments, writing and taking down comments. The feed is in feeds.ts. */
export function postRoutes(app: App, ctx: AppContext): void {
  app.get('/news', { ...CACHED, schema: { querystring: ListQuery } }, async (req, reply) =>
    sendHtml(
      reply,
      entryListPage(
        viewOf(req, reply),
        await ctx.entryViews.list('post', req.query.about, req.query.page ?? 1),
      ),
    ),
  );

  /** A post's page; after a refused comment, with the comment's problems and what was written. */
  async function postPage(
    req: FastifyRequest,
    reply: FastifyReply,
    p: { notice?: string | undefined; problems?: FormProblems; draft?: string | undefined } = {},
  ) {
    const id = rowIdOr404((req.params as Static<typeof IdParams>).id, 'post');
    const m = await ctx.entryViews.entry('post', id, req.actor);
    return entryPage(viewOf(req, reply), m, p);
  }

  app.get(
    '/news/:id',
    { ...CACHED, schema: { params: IdParams, querystring: PostQuery } },
    async (req, reply) => sendHtml(reply, await postPage(req, reply, { notice: req.query.comment })),
  );

  app.post(
    '/news/:id/comments',
    {
      schema: { params: IdParams, body: CommentBody },
      config: {
        form: (req, reply, problems) => {
          const b = req.body as Static<typeof CommentBody>;
          // a refused reply is said above the thread; a refused comment comes back in its box
          return postPage(req, reply, { problems, draft: b.parent ? undefined : b.body });
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const c = await ctx.comments.add(requireActor(req), rowIdOr404(req.params.id, 'post'), {
        body: b.body ?? '',
        // a parent that cannot be a comment is one not on this post: the service says so
        parentId: b.parent ? (parseRowId(b.parent) ?? -1) : null,
        followReplies: b.follow === 'on',
      });
      const state = c.status === 'approved' ? 'published' : 'pending';
      return reply.redirect(
        `${href(`/news/${c.entryId}`, req.lang, { comment: state })}#comment-${c.id}`,
        303,
      );
    },
  );

  app.post(
    '/comments/:id/remove',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const c = await ctx.comments.remove(requireActor(req), rowIdOr404(req.params.id, 'comment'));
      return reply.redirect(
        `${href(`/news/${c.entryId}`, req.lang, { comment: 'removed' })}#h-comments`,
        303,
      );
    },
  );
}
