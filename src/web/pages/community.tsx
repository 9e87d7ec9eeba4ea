// Transitional: what pages not yet converted import from here (account.tsx: `followsOf`; views/program-panels.tsx,
// used by ties.tsx: the follow and photo forms). Comments, moderation, following, notification settings and
// photos are served by src/web/routes/{posts,moderation,follow,notifications,photos}.ts; this file goes when
// nothing imports it (account pages: NotifyService.follows with views/notifications.tsx's followLabel).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NotifyMode } from '../../store/notify-repo.js';
import type { Store } from '../../store/store.js';
import { localName, messages, type Lang } from '../i18n/index.js';
import { viewOf } from '../views/context.js';
import { FollowForm as Follow, PhotoForm as Photo } from '../views/program.js';

/** What a user follows, each with a label a person can read (the place's or organization's name, the post). */
export async function followsOf(store: Store, userId: number, lang: Lang) {
  const t = messages(lang).community;
  return Promise.all(
    (await store.notify.ofUser(userId)).map(async (f) => {
      let label = f.targetId;
      if (f.targetType === 'place') {
        const p = await store.places.get(f.targetId);
        if (p) label = localName(p, lang);
      } else if (f.targetType === 'org') label = (await store.orgs.byId(Number(f.targetId)))?.name ?? label;
      else label = `${t.repliesTo} "${(await store.entries.get(Number(f.targetId)))?.title ?? f.targetId}"`;
      return { ...f, label, modeLabel: f.mode === 'daily' ? t.daily : t.instant };
    }),
  );
}

export function FollowForm(p: {
  req: FastifyRequest;
  reply: FastifyReply;
  targetType: 'place' | 'org' | 'replies';
  targetId: string;
  following: NotifyMode | null;
}) {
  return (
    <Follow
      v={viewOf(p.req, p.reply)}
      targetType={p.targetType}
      targetId={p.targetId}
      following={p.following}
    />
  );
}

export function PhotoForm(p: { req: FastifyRequest; reply: FastifyReply; subject: string }) {
  return <Photo v={viewOf(p.req, p.reply)} subject={p.subject} />;
}
