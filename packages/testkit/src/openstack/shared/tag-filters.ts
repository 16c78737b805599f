/**
 * The tag filters Nova, Neutron and Octavia share: `tags` (all of), `tags-any` (any of), `not-tags`
 * (not all of), `not-tags-any` (none of), each a comma-separated list; repeated parameters add up.
 */
function listOf(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).filter((tag) => tag !== '');
}

export function matchesTagFilters(tags: readonly string[], query: URLSearchParams): boolean {
  const all = listOf(query, 'tags');
  const any = listOf(query, 'tags-any');
  const notAll = listOf(query, 'not-tags');
  const notAny = listOf(query, 'not-tags-any');
  const has = (tag: string) => tags.includes(tag);
  if (all && !all.every(has)) return false;
  if (any && !any.some(has)) return false;
  if (notAll && notAll.length > 0 && notAll.every(has)) return false;
  if (notAny?.some(has)) return false;
  return true;
}
