import { markerPage } from '../shared/marker-pagination.js';
import { badRequest } from './cinder-errors.js';
import type { CinderContext } from './cinder-settings.js';

/**
 * The `metadata` filter of list calls: a dict in Python or JSON syntax, URL-encoded
 * (`?metadata={'hubfleet.io/owner':'x'}`); Cinder evaluates it with ast.literal_eval.
 */
export function parseMetadataFilter(text: string | null): Record<string, string> | undefined {
  if (text === null) return undefined;
  const json = text
    .replace(/'/g, '"')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw badRequest(`Invalid filter: metadata=${text} is not a dict.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badRequest(`Invalid filter: metadata=${text} is not a dict.`);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

export function matchesMetadata(
  metadata: Record<string, string>,
  filter: Record<string, string> | undefined,
): boolean {
  return !filter || Object.entries(filter).every(([key, value]) => metadata[key] === value);
}

/**
 * One page, oldest first by default; `<key>_links` with rel=next only when the page is full
 * (Cinder's view builder `_get_collection_links`).
 */
export function cinderPage<Item extends { id: string; createdAt: number }>(
  context: CinderContext,
  items: readonly Item[],
  query: URLSearchParams,
  collection: string,
  key: string,
): { page: Item[]; links: Record<string, unknown> } {
  const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const result = markerPage(sorted, query, context.settings.maxLimit);
  if ('markerNotFound' in result) throw badRequest(`Marker ${result.markerNotFound} could not be found.`);
  if (!result.nextMarker) return { page: result.items, links: {} };
  const next = new URLSearchParams(query);
  next.set('marker', result.nextMarker);
  return {
    page: result.items,
    links: {
      [`${key}_links`]: [{ rel: 'next', href: `${context.baseUrl}/${collection}?${next.toString()}` }],
    },
  };
}
