import { markerPage } from '../shared/marker-pagination.js';
import { invalid } from './magnum-errors.js';
import type { MagnumContext } from './magnum-settings.js';

/**
 * One page of a Magnum collection (`?limit=&marker=`, sorted by id as Magnum's default sort_key):
 * the items and, when more follow, `next` as a full URL (magnum/api/controllers/base Collection).
 */
export function magnumPage<Item extends { uuid: string; createdAt: number }>(
  context: MagnumContext,
  items: readonly Item[],
  query: URLSearchParams,
  path: string,
): { items: Item[]; next?: string } {
  const sorted = [...items].sort((a, b) => a.createdAt - b.createdAt || a.uuid.localeCompare(b.uuid));
  const page = markerPage(
    sorted.map((item) => ({ id: item.uuid, item })),
    query,
    context.settings.maxLimit,
  );
  if ('markerNotFound' in page) throw invalid(`Invalid marker: ${page.markerNotFound}`);
  const result: { items: Item[]; next?: string } = { items: page.items.map((entry) => entry.item) };
  if (page.nextMarker) {
    const next = new URLSearchParams(query);
    next.set('marker', page.nextMarker);
    result.next = `${context.baseUrl}/v1/${path}?${next.toString()}`;
  }
  return result;
}
