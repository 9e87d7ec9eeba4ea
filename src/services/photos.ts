import type Sharp from 'sharp';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { text } from '../domain/fields.js';
import { isRowId, parseRowId } from '../domain/ids.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { Permissions, userIdOf, type Acting } from './orgs.js';
import { Writes } from './writes.js';
import { placeById } from './place-lookup.js';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const MAX_PIXELS = 50_000_000;
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
/** the sizes kept of each photo: a large one for viewing and a thumbnail for galleries */
export const VARIANTS = {
  large: { width: 1600, height: 1600, fit: 'inside' },
  thumb: { width: 480, height: 360, fit: 'cover' },
} as const;
export type Variant = keyof typeof VARIANTS;

/**
 * Photos for places' galleries and for posts, events and activities. Uploads are decoded and re-encoded (so
 * nothing but pixels is kept: no location or camera data), turned upright, and kept in two sizes as WebP.
 */
export class PhotosService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    version?: DataVersion,
    /** how many bytes of photos each organization may keep (every size together) */
    private readonly quotaBytes = 500 * 1024 * 1024,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  /** One stored size of a photo ('large' or 'thumb'); "not found" for anything else. */
  async file(id: number, variant: string): Promise<{ mime: string; bytes: Buffer }> {
    const f =
      isRowId(id) && Object.hasOwn(VARIANTS, variant) ? await this.store.photos.file(id, variant) : undefined;
    if (!f) throw new NotFoundError('There is no such photo.');
    return f;
  }

  /** The organization a photo of the subject is filed under, if the actor may add one there. */
  private async orgFor(
    actor: Acting,
    subjectType: string,
    subjectId: string,
    orgSlug: string | undefined,
  ): Promise<number> {
    if (subjectType === 'entry') {
      const entryId = parseRowId(subjectId);
      const e = entryId === null ? undefined : await this.store.entries.get(entryId);
      if (!e || !['post', 'event', 'activity'].includes(e.type))
        throw new NotFoundError(`There is no post, event or activity ${subjectId}.`);
      if (!this.can.isEditorOf(actor, e.orgId))
        throw new ForbiddenError('Only the organization’s editors may add photos here.');
      return e.orgId;
    }
    if (subjectType !== 'place')
      throw new ValidationError('Photos go with a place or with a post, event or activity.');
    await placeById(this.store, subjectId);
    if (!(await this.can.mayEditPlace(actor, subjectId)))
      throw new ForbiddenError(
        'Only editors of an organization whose home is this place, or tied to it, may add photos.',
      );
    // filed under the editor's organization that may edit this place
    const orgs = orgSlug ? [await this.store.orgs.bySlug(orgSlug)] : await this.store.orgs.list();
    for (const org of orgs) {
      if (!org || !this.can.isEditorOf(actor, org.id) || !org.homeId) continue;
      if (org.homeId === subjectId || (await this.store.twinnings.between(org.homeId, subjectId)))
        return org.id;
    }
    throw new ValidationError('Say which of your organizations this photo is from.');
  }

  async add(
    actor: Acting,
    input: { subjectType: string; subjectId: string; caption: string; bytes: Buffer; org?: string },
    now = new Date(),
  ): Promise<number> {
    const caption = text(input.caption, 300);
    if (!caption.ok) throw new ValidationError(`The caption ${caption.error}.`);
    if (!caption.value)
      throw new ValidationError('Write a caption: what the photo shows, for those who cannot see it.');
    if (input.bytes.length > MAX_UPLOAD_BYTES)
      throw new ValidationError(
        `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; make it smaller first.`,
      );
    const orgId = await this.orgFor(actor, input.subjectType, input.subjectId, input.org);
    // loaded on the first upload: ~19 MB (libvips) a server without uploads need not hold
    const sharp = (await import('sharp')).default;
    let meta: Sharp.Metadata;
    try {
      meta = await sharp(input.bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    } catch {
      throw new ValidationError(
        'The file is not an image we can read; upload a JPEG, PNG, WebP, GIF or AVIF photo.',
      );
    }
    if (!meta.format || !FORMATS.has(meta.format))
      throw new ValidationError(
        `${meta.format ?? 'This'} is not an image format we take; upload a JPEG, PNG, WebP, GIF or AVIF photo.`,
      );
    const files: { variant: Variant; mime: string; bytes: Buffer; width: number; height: number }[] = [];
    try {
      for (const [variant, size] of Object.entries(VARIANTS) as [Variant, (typeof VARIANTS)[Variant]][]) {
        const { data, info } = await sharp(input.bytes, { limitInputPixels: MAX_PIXELS })
          .rotate()
          .resize({
            width: size.width,
            height: size.height,
            fit: size.fit,
            withoutEnlargement: size.fit === 'inside',
          })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        files.push({ variant, mime: 'image/webp', bytes: data, width: info.width, height: info.height });
      }
    } catch (e) {
      throw new ValidationError(
        `The image could not be read to the end (${(e as Error).message}); upload it again or try another file.`,
      );
    }
    const large = files.find((f) => f.variant === 'large')!;
    const size = files.reduce((n, f) => n + f.bytes.length, 0);
    return this.writes.run(actor, now, async (tx, note) => {
      const used = await tx.photos.bytesOf(orgId);
      if (used + size > this.quotaBytes) {
        const org = (await tx.orgs.byId(orgId))!;
        throw new ValidationError(
          `${org.name} keeps ${megabytes(used)} of photos; this one (${megabytes(size)}) would pass its ` +
            `${megabytes(this.quotaBytes)}. Remove photos it no longer needs, or ask the site's admins for more room.`,
        );
      }
      const id = await tx.photos.add(
        {
          orgId,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          caption: caption.value!,
          width: large.width,
          height: large.height,
        },
        files.map(({ variant, mime, bytes }) => ({ variant, mime, bytes })),
        userIdOf(actor),
        now.toISOString(),
      );
      note({ bump: 'content' });
      return id;
    });
  }

  async remove(
    actor: Acting,
    id: number,
    now = new Date(),
  ): Promise<{ subjectType: string; subjectId: string }> {
    const photo = isRowId(id) ? await this.store.photos.get(id) : undefined;
    if (!photo) throw new NotFoundError(`There is no photo ${id}.`);
    if (!this.can.isEditorOf(actor, photo.orgId))
      throw new ForbiddenError('Only the editors of the organization that added it may remove a photo.');
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.photos.remove(id);
      note({ bump: 'content' });
    });
    return photo;
  }
}
