import { paginate } from '../../framework/pagination.js';
import { matchesFilter } from './compute-filter.js';

/** A compute `…List` answer: filtered, paged by `maxResults`/`pageToken`. */
export function listAnswer(
  kind: string,
  selfLink: string,
  items: Record<string, unknown>[],
  query: URLSearchParams,
): Record<string, unknown> {
  const matching = items.filter((item) => matchesFilter(item, query.get('filter')));
  const page = paginate(
    matching,
    Number(query.get('maxResults') ?? 500) || 500,
    query.get('pageToken') ?? undefined,
  );
  return {
    kind,
    id: selfLink,
    items: page.items,
    selfLink,
    ...(page.nextToken === undefined ? {} : { nextPageToken: page.nextToken }),
  };
}
