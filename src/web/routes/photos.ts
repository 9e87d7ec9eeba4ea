import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import type { AppContext } from '../../context.js';
import { MAX_UPLOAD_BYTES } from '../../services/photos.js';
import { requireActor } from '../auth.js';
import type { App } from '../app.js';
import { FormBody, RowIdText, Text, rowIdOr404 } from '../kit.js';
import { safeLocalPath } from '../site.js';

/** What the upload form sends: the file, what it is of (`place:ID` or `entry:ID`), its caption. */
const UploadBody = FormBody({
  file: Type.Unsafe<Buffer>({}),
  subject: Text(200),
  caption: Text(2000),
  org: Text(200),
  next: Text(2000),
});
const SUBJECT = /^(place|entry):([A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/;

/** Photos of places and of posts, events and activities: upload, the stored sizes, removal. */
export async function photoRoutes(app: App, ctx: AppContext): Promise<void> {
  // Uploads are read only here, and only from signed-in users: nobody else makes the server buffer a file.
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req) => {
      if (!req.actor) throw new ForbiddenError('Please sign in first.');
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
      throwFileSizeLimit: true,
    });
    scope.post('/photos', { schema: { body: UploadBody } }, async (req, reply) => {
      const b = req.body as {
        file?: unknown;
        subject?: string;
        caption?: string;
        org?: string;
        next?: string;
      };
      if (!Buffer.isBuffer(b.file) || !b.file.length) throw new ValidationError('Choose a photo to upload.');
      const [, subjectType, subjectId] = SUBJECT.exec(b.subject ?? '') ?? [];
      if (!subjectType || !subjectId) throw new ValidationError('Say what the photo is of.');
      await ctx.photos.add(requireActor(req), {
        subjectType,
        subjectId,
        caption: b.caption ?? '',
        bytes: b.file,
        org: b.org || undefined,
      });
      return reply.redirect(safeLocalPath(b.next || '/'), 303);
    });
  });

  app.get(
    '/photos/:id/:variant',
    { schema: { params: Type.Object({ id: RowIdText, variant: Text(40) }) } },
    async (req, reply) => {
      const [, variant] = /^(large|thumb)\.webp$/.exec(req.params.variant) ?? [];
      const f = await ctx.photos.file(rowIdOr404(req.params.id, 'photo'), variant ?? '');
      // a photo never changes under its id: it is replaced by a new one
      return reply.type(f.mime).header('cache-control', 'public, max-age=31536000, immutable').send(f.bytes);
    },
  );

  app.post(
    '/photos/:id/delete',
    { schema: { params: Type.Object({ id: RowIdText }), body: FormBody({ next: Text(2000) }) } },
    async (req, reply) => {
      await ctx.photos.remove(requireActor(req), rowIdOr404(req.params.id, 'photo'));
      return reply.redirect(safeLocalPath(req.body.next || '/'), 303);
    },
  );
}
