import { paginate } from '../../framework/pagination.js';
import { invalidParameterCombination, invalidParameterValue } from './ec2-errors.js';
import { assertKnownFilters, type FilterTable, matchesFilters, parseFilters } from './ec2-filters.js';
import { type Ec2Params, idList, optionalInteger, optionalString } from './ec2-params.js';
import type { Tags } from './ec2-state.js';

/** EC2 pages only when MaxResults is given, and never together with explicit ids. */
export function pageSize(
  params: Ec2Params,
  idsGiven: boolean,
  idParameter: string,
  max: number,
): number | undefined {
  const maxResults = optionalInteger(params, 'MaxResults');
  if (maxResults === undefined) return undefined;
  if (idsGiven) {
    throw invalidParameterCombination(
      `The parameter ${idParameter} cannot be used with the parameter maxResults`,
    );
  }
  if (maxResults < 5 || maxResults > max) {
    throw invalidParameterValue(
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and ${max}.`,
    );
  }
  return maxResults;
}

/** The Describe* pattern: select by ids (each must exist) and filters, then page. */
export function describe<Resource extends { tags: Tags }>(input: {
  params: Ec2Params;
  records: Record<string, Resource>;
  idParameter: string;
  notFound: (id: string) => Error;
  filters: FilterTable<Resource>;
  maxPage: number;
}): { items: Resource[]; nextToken: string | undefined } {
  const ids = idList(input.params, input.idParameter);
  const filters = parseFilters(input.params);
  assertKnownFilters(filters, input.filters);
  const limit = pageSize(input.params, ids.length > 0, input.idParameter, input.maxPage);
  for (const id of ids) if (!input.records[id]) throw input.notFound(id);
  const selected = (
    ids.length > 0 ? ids.map((id) => input.records[id] as Resource) : Object.values(input.records)
  ).filter((record) => matchesFilters(record, record.tags, filters, input.filters));
  if (limit === undefined) return { items: selected, nextToken: undefined };
  return paginate(selected, limit, optionalString(input.params, 'NextToken'));
}
