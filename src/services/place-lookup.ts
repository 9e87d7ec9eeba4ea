import { MovedError, NotFoundError } from '../domain/errors.js';
import type { Place } from '../domain/places.js';
import type { Store } from '../store/store.js';

/**
 * The place an id names. An id merged into another place is a MovedError naming the current place (the edge
 * sends a reader, and a write made to the old address, on to it; an old id inside a request is refused with
 * the id to use); an id that never was a place is not found.
 */
export async function placeById(store: Store, id: string): Promise<Place> {
  const place = await store.places.get(id);
  if (place) return place;
  const moved = await movedPlace(store, id);
  if (moved) throw new MovedError(id, moved);
  throw new NotFoundError(`There is no place with id ${id}.`);
}

/**
 * Where an id that names no place leads now, when it was merged into another (following every redirect): the
 * current place, or null when the id leads nowhere. Ask only after the id was not found as a place.
 */
export async function movedPlace(store: Store, id: string): Promise<Place | null> {
  const to = await store.redirects.resolve(id);
  return to ? ((await store.places.get(to)) ?? null) : null;
}
