import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { text } from '../domain/fields.js';
import type { Comment } from '../store/comments-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { takeLimit } from './limits.js';
import { NotifyService } from './notify.js';
import { commentMail } from './mail-text.js';
import { Permissions, userIdOf, type Actor, type Acting } from './orgs.js';

export const MAX_COMMENT = 5000;
/** comments one person may write in a while (editors too) */
export const COMMENT_LIMIT = { max: 10, minutes: 10 };

/**
 * Comments on posts. A signed-in user's comment waits for an editor of the post's organization (editors'
 * own comments appear at once); an approved comment is told to those who follow the post's replies. Editors
 * may block a user from commenting on their organization's posts.
 */
export class CommentsService {
  private readonly can: Permissions;

  constructor(
    private readonly store: Store,
    private readonly publicUrl: string,
    private readonly version?: DataVersion,
  ) {
    this.can = new Permissions(store);
  }

  async add(
    actor: Actor,
    postId: number,
    input: { body: string; parentId?: number | null; followReplies?: boolean },
    now = new Date(),
  ): Promise<Comment> {
    const post = await this.store.entries.get(postId);
    if (!post || post.type !== 'post') throw new NotFoundError(`There is no post ${postId}.`);
    if (await this.store.comments.isBlocked(post.orgId, actor.user.id))
      throw new ForbiddenError('You may not comment on this organization’s posts.');
    const body = text((input.body ?? '').replace(/\r\n?/g, '\n'), MAX_COMMENT);
    if (!body.ok) throw new ValidationError(`The comment ${body.error}.`);
    if (!body.value) throw new ValidationError('The comment is empty: write something first.');
    let parentId: number | null = null;
    if (input.parentId) {
      const parent = await this.store.comments.get(input.parentId);
      if (!parent || parent.entryId !== postId || parent.status !== 'approved')
        throw new ValidationError('The comment you reply to is not on this post.');
      parentId = parent.id;
    }
    const editor = this.can.isEditorOf(actor, post.orgId);
    // a flood of comments would bury the moderation queue (checked and counted in one step)
    await takeLimit(this.store, `comment:user:${actor.user.id}`, COMMENT_LIMIT, 'comments from you', now);
    const id = await this.store.transaction(async (tx) => {
      const id = await tx.comments.add(
        {
          entryId: postId,
          parentId,
          userId: actor.user.id,
          body: body.value!,
          status: editor ? 'approved' : 'pending',
        },
        now.toISOString(),
      );
      if (input.followReplies)
        await tx.notify.subscribe(actor.user.id, 'replies', String(postId), 'instant', now.toISOString());
      if (editor) await this.published(tx, id, now);
      return id;
    });
    if (editor) this.version?.invalidate();
    return (await this.store.comments.get(id))!;
  }

  /** An approved comment: readers see it (the page changes) and followers of the replies are told. */
  private async published(tx: Store, commentId: number, now: Date): Promise<void> {
    const c = (await tx.comments.get(commentId))!;
    const post = (await tx.entries.get(c.entryId))!;
    await tx.meta.bumpContentVersion();
    await NotifyService.tell(
      tx,
      {
        targets: [{ type: 'replies', id: String(post.id) }],
        message: commentMail({
          postTitle: post.title,
          author: c.userName,
          body: c.body,
          link: `${this.publicUrl}/news/${post.id}#comment-${c.id}`,
        }),
        except: c.userId,
        baseUrl: this.publicUrl,
      },
      now,
    );
  }

  /** Comments waiting for the actor's decision: those on their organizations' posts (site admins: all). */
  async queue(actor: Actor) {
    if (actor.user.isAdmin) return this.store.comments.pending(undefined);
    const orgs = [...actor.roles].filter(([, r]) => r === 'editor').map(([id]) => id);
    return this.store.comments.pending(orgs);
  }

  async moderate(actor: Acting, commentId: number, decision: 'approve' | 'reject', now = new Date()) {
    const c = await this.store.comments.get(commentId);
    const post = c && (await this.store.entries.get(c.entryId));
    if (!c || !post) throw new NotFoundError(`There is no comment ${commentId}.`);
    if (!this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only editors of the post’s organization and site admins may moderate its comments.',
      );
    if (c.status !== 'pending') throw new ValidationError('This comment was decided on already.');
    await this.store.transaction(async (tx) => {
      await tx.comments.setStatus(
        c.id,
        decision === 'approve' ? 'approved' : 'rejected',
        userIdOf(actor),
        now.toISOString(),
      );
      if (decision === 'approve') await this.published(tx, c.id, now);
    });
    this.version?.invalidate();
    return c;
  }

  /**
   * Takes a comment down: its writer may, and so may the post's organization's editors and site admins (for a
   * comment found wrong after it was approved). Replies to it stay, under "removed".
   */
  async remove(actor: Actor, commentId: number, now = new Date()): Promise<Comment> {
    const c = await this.store.comments.get(commentId);
    const post = c && (await this.store.entries.get(c.entryId));
    if (!c || !post || c.status === 'removed' || c.status === 'rejected')
      throw new NotFoundError(`There is no comment ${commentId}.`);
    const own = c.userId === actor.user.id;
    if (!own && !this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only its writer, the editors of the post’s organization and site admins may remove a comment.',
      );
    await this.store.transaction(async (tx) => {
      await tx.comments.setStatus(c.id, 'removed', actor.user.id, now.toISOString());
      await tx.users.audit({
        at: now.toISOString(),
        actorId: actor.user.id,
        action: 'comment.remove',
        subject: `comment:${c.id}`,
        detail: own ? 'by its writer' : `by an editor; writer user:${c.userId}`,
      });
      if (c.status === 'approved') await tx.meta.bumpContentVersion();
    });
    this.version?.invalidate();
    return c;
  }

  /** Blocks the author of a comment from commenting on the organization's posts; their waiting comments go. */
  async block(actor: Acting, commentId: number, now = new Date()) {
    const c = await this.store.comments.get(commentId);
    const post = c && (await this.store.entries.get(c.entryId));
    if (!c || !post) throw new NotFoundError(`There is no comment ${commentId}.`);
    if (!this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only editors of the post’s organization and site admins may block its commenters.',
      );
    if (userIdOf(actor) === c.userId) throw new ValidationError('You cannot block yourself.');
    await this.store.transaction(async (tx) => {
      await tx.comments.block(post.orgId, c.userId, userIdOf(actor), now.toISOString());
      await tx.comments.rejectPendingOf(c.userId, post.orgId, userIdOf(actor), now.toISOString());
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: 'comment.block',
        subject: `user:${c.userId}`,
        detail: `org:${post.orgId}`,
      });
    });
    return c;
  }

  async unblock(actor: Acting, orgId: number, userId: number, now = new Date()) {
    if (!this.can.isEditorOf(actor, orgId))
      throw new ForbiddenError('Only the organization’s editors may do this.');
    await this.store.comments.unblock(orgId, userId);
    await this.store.users.audit({
      at: now.toISOString(),
      actorId: userIdOf(actor),
      action: 'comment.unblock',
      subject: `user:${userId}`,
      detail: `org:${orgId}`,
    });
  }
}
