/**
 * OpenStack's marker pagination: `limit` items after the one whose id is `marker`. The caller turns
 * `nextMarker` into the service's own `*_links` (Nova, Neutron, Octavia) or `next` (Glance).
 */
export interface MarkerPage<Item> {
  items: Item[];
  nextMarker: string | undefined;
  /** The page size used: `limit` capped at the service's maximum (Nova links every full page). */
  limit: number;
}

export type MarkerResult<Item> = MarkerPage<Item> | { markerNotFound: string };

export function markerPage<Item extends { id: string }>(
  items: readonly Item[],
  query: URLSearchParams,
  maxLimit = 1000,
): MarkerResult<Item> {
  const marker = query.get('marker') ?? undefined;
  const requested = Number(query.get('limit') ?? maxLimit);
  const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, maxLimit) : maxLimit;
  let start = 0;
  if (marker !== undefined) {
    const index = items.findIndex((item) => item.id === marker);
    if (index < 0) return { markerNotFound: marker };
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length;
  return { items: page, nextMarker: more && last ? last.id : undefined, limit };
}

/** `href` with `limit` kept and `marker` set, as the `next` link of a page. */
export function nextLink(baseUrl: string, path: string, query: URLSearchParams, marker: string): string {
  const next = new URLSearchParams(query);
  next.set('marker', marker);
  return `${baseUrl}${path}?${next.toString()}`;
}

/** The base URL the client called, from the Host header (links must point back at the fake). */
export function requestBaseUrl(headers: Record<string, string | string[] | undefined>): string {
  const host = headers.host;
  return `http://${typeof host === 'string' ? host : '127.0.0.1'}`;
}
