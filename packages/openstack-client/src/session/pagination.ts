/**
 * OpenStack pagination: a page carries `<key>_links: [{rel: "next", href}]` (Nova, Cinder,
 * Neutron, Octavia) or `next: "<url>"` (Magnum, Glance). Only the next link's query (marker,
 * limit, filters) is taken: some clouds put an internal host name in these links.
 */
export function nextPageQuery(body: unknown, key: string): URLSearchParams | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  let href: string | undefined;
  const links = record[`${key}_links`];
  if (Array.isArray(links)) {
    const next = links.find(
      (link) => typeof link === 'object' && link !== null && (link as { rel?: unknown }).rel === 'next',
    );
    const value = (next as { href?: unknown } | undefined)?.href;
    if (typeof value === 'string') href = value;
  } else if (typeof record.next === 'string' && record.next !== '') {
    href = record.next;
  }
  if (href === undefined) return undefined;
  return new URL(href, 'http://next.invalid').searchParams;
}
