import { markerPage } from '../shared/marker-pagination.js';
import { matchesTagFilters } from '../shared/tag-filters.js';
import { type NeutronContext, reply } from './neutron-context.js';
import { neutronError } from './neutron-errors.js';

const PAGING = new Set(['limit', 'marker', 'page_reverse', 'sort_key', 'sort_dir', 'fields']);
const TAG_FILTERS = new Set(['tags', 'tags-any', 'not-tags', 'not-tags-any']);

function valueMatches(actual: unknown, wanted: string[]): boolean {
  if (typeof actual === 'boolean') return wanted.some((value) => value.toLowerCase() === String(actual));
  if (actual === null) return wanted.includes('') || wanted.includes('None');
  if (Array.isArray(actual)) return actual.some((item) => valueMatches(item, wanted));
  if (typeof actual === 'object') return false;
  return wanted.includes(String(actual));
}

/** `fixed_ips=ip_address=…` / `fixed_ips=subnet_id=…`, Neutron's one structured filter. */
function fixedIpsMatch(actual: unknown, wanted: string[]): boolean {
  const ips = Array.isArray(actual) ? (actual as Record<string, string>[]) : [];
  return wanted.every((filter) => {
    const [key = '', value = ''] = filter.split('=');
    return ips.some((ip) => ip[key] === value);
  });
}

/**
 * A list call: equality filters on any attribute the view shows (repeat a parameter for "any of"),
 * an unknown filter is 400 (filter-validation), the tag filters, then `limit`/`marker` with a
 * `<collection>_links` next link, sorted by id as Neutron's default.
 */
export function listReply<Item extends { id: string }>(
  context: NeutronContext,
  collection: string,
  query: URLSearchParams,
  records: readonly Item[],
  view: (record: Item) => Record<string, unknown>,
) {
  const keys = [...new Set(query.keys())].filter((key) => !PAGING.has(key) && !TAG_FILTERS.has(key));
  const viewed = records
    .map((record) => ({ id: record.id, view: view(record) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const key of keys) {
    const sample = viewed[0]?.view;
    if (sample && !(key in sample))
      throw neutronError(400, 'HTTPBadRequest', `[${key}] is invalid attribute for filtering`);
  }
  const matching = viewed.filter(
    ({ view: shown }) =>
      keys.every((key) =>
        key === 'fixed_ips'
          ? fixedIpsMatch(shown[key], query.getAll(key))
          : valueMatches(shown[key], query.getAll(key)),
      ) && matchesTagFilters((shown.tags as string[] | undefined) ?? [], query),
  );
  const page = markerPage(matching, query, context.settings.paginationMaxLimit);
  if ('markerNotFound' in page)
    throw neutronError(400, 'HTTPBadRequest', `Marker ${page.markerNotFound} not found`);
  const body: Record<string, unknown> = { [collection]: page.items.map((item) => item.view) };
  if (query.has('limit') || page.nextMarker) {
    const links: { rel: string; href: string }[] = [];
    if (page.nextMarker) {
      const params = new URLSearchParams(query);
      params.set('marker', page.nextMarker);
      links.push({ rel: 'next', href: `${context.baseUrl}/v2.0/${collection.replace(/_/g, '-')}?${params}` });
    }
    body[`${collection}_links`] = links;
  }
  return reply(200, body);
}
