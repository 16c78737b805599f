import { invalidParameterValue } from './ec2-errors.js';
import { type Ec2Params, idList, structList } from './ec2-params.js';
import type { Tags } from './ec2-state.js';

/** One `Filter.N`: a name and the values any of which may match (`*` and `?` are wildcards). */
export interface Ec2Filter {
  name: string;
  values: string[];
}

type FilterValue = string | number | boolean | undefined;

/** How a resource answers a named filter: the values it has for that name. */
export type FilterTable<Resource> = Readonly<
  Record<string, (resource: Resource) => FilterValue | readonly FilterValue[]>
>;

export function parseFilters(params: Ec2Params): Ec2Filter[] {
  return structList(params, 'Filter').map((entry) => ({
    name: entry.Name ?? '',
    values: idList(entry, 'Value'),
  }));
}

function isTagFilter(name: string): boolean {
  return name.startsWith('tag:') || name === 'tag-key' || name === 'tag-value';
}

/** EC2 rejects a filter name the resource does not support, rather than ignoring it. */
export function assertKnownFilters<Resource>(
  filters: readonly Ec2Filter[],
  table: FilterTable<Resource>,
): void {
  for (const filter of filters) {
    if (!isTagFilter(filter.name) && !(filter.name in table)) {
      throw invalidParameterValue(`The filter '${filter.name}' is invalid`);
    }
  }
}

const REGEXP_SPECIALS = /[.+^${}()|[\]\\]/g;

/** EC2 filter values: `*` matches any run, `?` one character, `\` escapes them. */
export function wildcardPattern(value: string): RegExp {
  let source = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index] ?? '';
    if (character === '\\' && index + 1 < value.length) {
      index += 1;
      source += (value[index] ?? '').replace(REGEXP_SPECIALS, '\\$&').replace(/[*?]/, '\\$&');
    } else if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += character.replace(REGEXP_SPECIALS, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function valuesOf<Resource>(
  filterName: string,
  resource: Resource,
  tags: Tags,
  table: FilterTable<Resource>,
): string[] {
  if (filterName.startsWith('tag:')) {
    const value = tags[filterName.slice('tag:'.length)];
    return value === undefined ? [] : [value];
  }
  if (filterName === 'tag-key') return Object.keys(tags);
  if (filterName === 'tag-value') return Object.values(tags);
  const raw = table[filterName]?.(resource);
  const list: readonly FilterValue[] = Array.isArray(raw) ? raw : [raw as FilterValue];
  return list.filter((value): value is string | number | boolean => value !== undefined).map(String);
}

/** Filters AND together; the values of one filter OR together. */
export function matchesFilters<Resource>(
  resource: Resource,
  tags: Tags,
  filters: readonly Ec2Filter[],
  table: FilterTable<Resource>,
): boolean {
  return filters.every((filter) => {
    const actual = valuesOf(filter.name, resource, tags, table);
    return filter.values.some((wanted) => {
      const pattern = wildcardPattern(wanted);
      return actual.some((value) => pattern.test(value));
    });
  });
}
