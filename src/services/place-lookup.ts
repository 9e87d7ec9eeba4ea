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
  const to = await store.redirects.resolve(id);
  const moved = to ? await store.places.get(to) : null;
  if (moved) throw new MovedError(id, moved);
  throw new NotFoundError(`There is no place with id ${id}.`);
}
