import { slugify } from '../../domain/names.js';
import type { PlaceKind } from '../../domain/places.js';

/** Path segments under /places/{id}/ that are pages of their own, so no slug may take them. */
const RESERVED = new Set(['stats', 'network']);

const slugs = new Map<string, string>();

/** The readable part of a place's address, from its main name; '' for names with no Latin letters. */
export function placeSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug !== undefined) return slug;
  slug = slugify(name).slice(0, 60).replace(/-+$/, '');
  if (RESERVED.has(slug)) slug = `${slug}-place`;
  // names repeat on every page that lists partners; keep a bounded memo
  if (slugs.size > 50_000) slugs.clear();
  slugs.set(name, slug);
  return slug;
}

/** The canonical address of a place's page: countries have their own pages, other places a readable slug. */
export function placePath(p: { id: string; name: string; kind: PlaceKind | string }): string {
  if (p.kind === 'country') return `/countries/${p.id}`;
  const slug = placeSlug(p.name);
  return `/places/${encodeURIComponent(p.id)}${slug ? `/${slug}` : ''}`;
}
