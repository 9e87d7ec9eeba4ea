import type { Entry } from '../domain/entries.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { text } from '../domain/fields.js';
import { isRowId } from '../domain/ids.js';
import type { Organization } from '../domain/organizations.js';
import type { Comment } from '../store/comments-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { takeLimit } from './limits.js';
import { NotifyService } from './notify.js';
import { commentMail } from './mail-text.js';
import { Permissions, userIdOf, type Actor, type Acting } from './orgs.js';
import { Writes, type WriteNotes } from './writes.js';

export const MAX_COMMENT = 5000;
/** comments one person may write in a while (editors too) */
export const COMMENT_LIMIT = { max: 10, minutes: 10 };
/** how deep replies go: a comment this deep takes no more replies */
const MAX_DEPTH = 4;

/** A comment as a reader sees it under a post, with the replies shown under it. */
export interface CommentNode {
  comment: Comment;
  /** taken down, and kept in its place because replies to it are shown */
  removed: boolean;
  /** the reader's own comment, waiting for an editor */
  waiting: boolean;
  /** whether the reader may take it down (its writer, the organization's editors, site admins) */
  mayRemove: boolean;
  /** whether the reader may answer it */
  mayReply: boolean;
  replies: CommentNode[];
}

/** The comments under a post, as one reader sees them. */
export interface CommentsView {
  postId: number;
  thread: CommentNode[];
  /** null for a reader who is not signed in; else whether they may write here */
  reader: { blocked: boolean } | null;
}

/** What waits for an editor's decision, and whom their organizations keep from commenting. */
export interface ModerationView {
  waiting: (Comment & { entryTitle: string; orgId: number })[];
  blocked: { org: Organization; users: { userId: number; email: string; name: string }[] }[];
}

/**
 * Comments on posts. A signed-in user's comment waits for an editor of the post's organization (editors'
 * own comments appear at once); an approved comment is told to those who follow the post's replies. Editors
 * may block a user from commenting on their organization's posts.
 */
export class CommentsService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    private readonly publicUrl: string,
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  /**
   * The comments under a post for a reader: approved ones threaded, the reader's own waiting ones marked, and
   * removed ones only where replies to them are shown.
   */
  async thread(post: Entry, actor: Actor | null): Promise<CommentsView> {
    const [all, blocked] = await Promise.all([
      this.store.comments.ofEntry(post.id),
      actor ? this.store.comments.isBlocked(post.orgId, actor.user.id) : false,
    ]);
    const me = actor?.user.id;
    const visible = (c: Comment) => c.status === 'approved' || (c.userId === me && c.status === 'pending');
    const answered = new Set(all.filter(visible).map((c) => c.parentId));
    const shown = all.filter((c) => visible(c) || (c.status === 'removed' && answered.has(c.id)));
    const editor = !!actor && this.can.isEditorOf(actor, post.orgId);
    const children = new Map<number | null, Comment[]>();
    for (const c of shown) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const nodes = (parent: number | null, depth: number): CommentNode[] =>
      (children.get(parent) ?? []).map((c) => ({
        comment: c,
        removed: c.status === 'removed',
        waiting: c.status === 'pending',
        mayRemove: !!actor && c.status !== 'removed' && (c.userId === me || editor),
        mayReply: !!actor && c.status === 'approved' && depth < MAX_DEPTH,
        replies: nodes(c.id, depth + 1),
      }));
    return { postId: post.id, thread: nodes(null, 0), reader: actor ? { blocked } : null };
  }

  async add(
    actor: Actor,
    postId: number,
    input: { body: string; parentId?: number | null; followReplies?: boolean },
    now = new Date(),
  ): Promise<Comment> {
    const post = isRowId(postId) ? await this.store.entries.get(postId) : undefined;
    if (!post || post.type !== 'post') throw new NotFoundError(`There is no post ${postId}.`);
    if (await this.store.comments.isBlocked(post.orgId, actor.user.id))
      throw new ForbiddenError('You may not comment on this organization’s posts.');
    const body = text((input.body ?? '').replace(/\r\n?/g, '\n'), MAX_COMMENT);
    if (!body.ok) throw new ValidationError(`The comment ${body.error}.`);
    if (!body.value) throw new ValidationError('The comment is empty: write something first.');
    let parentId: number | null = null;
    if (input.parentId) {
      const parent = isRowId(input.parentId) ? await this.store.comments.get(input.parentId) : undefined;
      if (!parent || parent.entryId !== postId || parent.status !== 'approved')
        throw new ValidationError('The comment you reply to is not on this post.');
      parentId = parent.id;
    }
    const editor = this.can.isEditorOf(actor, post.orgId);
    // a flood of comments would bury the moderation queue (checked and counted in one step)
    await takeLimit(this.store, `comment:user:${actor.user.id}`, COMMENT_LIMIT, 'comments from you', now);
    const id = await this.writes.run(actor, now, async (tx, note) => {
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
      if (editor) note(await this.published(tx, id, now));
      return id;
    });
    return (await this.store.comments.get(id))!;
  }

  /** An approved comment: followers of the replies are told, and readers see it (the page changes). */
  private async published(tx: Store, commentId: number, now: Date): Promise<WriteNotes> {
    const c = (await tx.comments.get(commentId))!;
    const post = (await tx.entries.get(c.entryId))!;
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
    return { bump: 'content' };
  }

  /** Comments waiting for the actor's decision: those on their organizations' posts (site admins: all). */
  async queue(actor: Actor) {
    if (actor.user.isAdmin) return this.store.comments.pending(undefined);
    const orgs = [...actor.roles].filter(([, r]) => r === 'editor').map(([id]) => id);
    return this.store.comments.pending(orgs);
  }

  /** The moderation page: what waits for the actor, and who is blocked in the organizations they edit. */
  async moderation(actor: Actor): Promise<ModerationView> {
    const [waiting, orgs] = await Promise.all([this.queue(actor), this.store.orgs.list()]);
    const edited = orgs.filter((o) => this.can.isEditorOf(actor, o.id));
    const blocked = await Promise.all(
      edited.map(async (org) => ({ org, users: await this.store.comments.blocked(org.id) })),
    );
    return { waiting, blocked: blocked.filter((b) => b.users.length > 0) };
  }

  async moderate(actor: Acting, commentId: number, decision: 'approve' | 'reject', now = new Date()) {
    const { c, post } = await this.found(commentId);
    if (!this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only editors of the post’s organization and site admins may moderate its comments.',
      );
    if (c.status !== 'pending') throw new ValidationError('This comment was decided on already.');
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.comments.setStatus(
        c.id,
        decision === 'approve' ? 'approved' : 'rejected',
        userIdOf(actor),
        now.toISOString(),
      );
      if (decision === 'approve') note(await this.published(tx, c.id, now));
    });
    return c;
  }

  /** Approves, rejects, or blocks the writer, as a moderator's button says. */
  async decide(actor: Acting, commentId: number, decision: string, now = new Date()) {
    if (decision === 'block') return this.block(actor, commentId, now);
    if (decision === 'approve' || decision === 'reject')
      return this.moderate(actor, commentId, decision, now);
    throw new ValidationError('Choose approve, reject or block.');
  }

  private async found(commentId: number): Promise<{ c: Comment; post: Entry }> {
    const c = isRowId(commentId) ? await this.store.comments.get(commentId) : undefined;
    const post = c && (await this.store.entries.get(c.entryId));
    if (!c || !post) throw new NotFoundError(`There is no comment ${commentId}.`);
    return { c, post };
  }

  /**
   * Takes a comment down: its writer may, and so may the post's organization's editors and site admins (for a
   * comment found wrong after it was approved). Replies to it stay, under "removed".
   */
  async remove(actor: Actor, commentId: number, now = new Date()): Promise<Comment> {
    const { c, post } = await this.found(commentId);
    if (c.status === 'removed' || c.status === 'rejected')
      throw new NotFoundError(`There is no comment ${commentId}.`);
    const own = c.userId === actor.user.id;
    if (!own && !this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only its writer, the editors of the post’s organization and site admins may remove a comment.',
      );
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.comments.setStatus(c.id, 'removed', actor.user.id, now.toISOString());
      note({
        audit: {
          action: 'comment.remove',
          subject: `comment:${c.id}`,
          detail: own ? 'by its writer' : `by an editor; writer user:${c.userId}`,
        },
        // only an approved comment was on the public page
        ...(c.status === 'approved' ? { bump: 'content' as const } : {}),
      });
    });
    return c;
  }

  /** Blocks the author of a comment from commenting on the organization's posts; their waiting comments go. */
  async block(actor: Acting, commentId: number, now = new Date()) {
    const { c, post } = await this.found(commentId);
    if (!this.can.isEditorOf(actor, post.orgId))
      throw new ForbiddenError(
        'Only editors of the post’s organization and site admins may block its commenters.',
      );
    if (userIdOf(actor) === c.userId) throw new ValidationError('You cannot block yourself.');
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.comments.block(post.orgId, c.userId, userIdOf(actor), now.toISOString());
      await tx.comments.rejectPendingOf(c.userId, post.orgId, userIdOf(actor), now.toISOString());
      note({ audit: { action: 'comment.block', subject: `user:${c.userId}`, detail: `org:${post.orgId}` } });
    });
    return c;
  }

  /** Lets a blocked user comment on the organization's posts again. */
  async unblock(actor: Acting, orgSlug: string, userId: number, now = new Date()) {
    const org = await this.store.orgs.bySlug(orgSlug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${orgSlug}.`);
    if (!this.can.isEditorOf(actor, org.id))
      throw new ForbiddenError('Only the organization’s editors may do this.');
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.comments.unblock(org.id, userId);
      note({ audit: { action: 'comment.unblock', subject: `user:${userId}`, detail: `org:${org.id}` } });
    });
  }
}
