import { paginate } from '../../framework/pagination.js';
import { missingParameter } from './ec2-errors.js';
import { assertKnownFilters, type FilterTable, matchesFilters, parseFilters } from './ec2-filters.js';
import { settle } from './ec2-lifecycle.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { idList, optionalInteger, optionalString, structList } from './ec2-params.js';
import {
  allTaggedResources,
  assertTagLimit,
  findTaggable,
  parseTagList,
  type TaggedResource,
} from './ec2-tags.js';

interface TagRow {
  resource: TaggedResource;
  key: string;
  value: string;
}

const TAG_FILTERS: FilterTable<TagRow> = {
  key: (row) => row.key,
  value: (row) => row.value,
  'resource-id': (row) => row.resource.resourceId,
  'resource-type': (row) => row.resource.resourceType,
};

function isReserved(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

export const TAG_OPERATIONS: Ec2OperationTable = {
  /** All named resources must exist, or nothing is tagged. */
  CreateTags: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const resourceIds = idList(params, 'ResourceId');
    if (resourceIds.length === 0) throw missingParameter('resourceIdSet');
    const tags = parseTagList(params);
    if (Object.keys(tags).length === 0) throw missingParameter('tagSet');
    const resources = resourceIds.map((id) => findTaggable(context.state, id));
    for (const resource of resources) assertTagLimit({ ...resource.tags, ...tags });
    for (const resource of resources) Object.assign(resource.tags, tags);
    return RETURN_TRUE;
  }),

  /**
   * A key with a value deletes the tag only if the value matches (an empty `Value=` matches only an
   * empty value); a key alone deletes it whatever its value; no keys at all deletes every tag.
   */
  DeleteTags: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const resourceIds = idList(params, 'ResourceId');
    if (resourceIds.length === 0) throw missingParameter('resourceIdSet');
    const requested = structList(params, 'Tag');
    const resources = resourceIds.map((id) => findTaggable(context.state, id));
    for (const { tags } of resources) {
      for (const key of Object.keys(tags)) {
        const matches =
          requested.length === 0
            ? !isReserved(key)
            : requested.some(
                (tag) => tag.Key === key && (tag.Value === undefined || tag.Value === tags[key]),
              );
        if (matches) delete tags[key];
      }
    }
    return RETURN_TRUE;
  }),

  DescribeTags: read((params, context) => {
    settle(context.state, context.clock.now());
    const filters = parseFilters(params);
    assertKnownFilters(filters, TAG_FILTERS);
    const rows: TagRow[] = allTaggedResources(context.state).flatMap((resource) =>
      Object.entries(resource.tags).map(([key, value]) => ({ resource, key, value })),
    );
    const selected = rows.filter((row) => matchesFilters(row, row.resource.tags, filters, TAG_FILTERS));
    const page = paginate(
      selected,
      optionalInteger(params, 'MaxResults') ?? 1000,
      optionalString(params, 'NextToken'),
    );
    return {
      tagSet: page.items.map((row) => ({
        resourceId: row.resource.resourceId,
        resourceType: row.resource.resourceType,
        key: row.key,
        value: row.value,
      })),
      nextToken: page.nextToken,
    };
  }),
};
