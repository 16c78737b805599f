import type { AwsServiceError } from '../shared/aws-errors.js';
import { ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import { type Ec2Params, optionalString, structList } from './ec2-params.js';
import type { Ec2State, Tags } from './ec2-state.js';

/** EC2's `resourceType` names for what the fake models. */
export type Ec2ResourceType =
  | 'volume'
  | 'snapshot'
  | 'vpc'
  | 'subnet'
  | 'internet-gateway'
  | 'route-table'
  | 'security-group';

interface TaggableKind {
  prefix: string;
  resourceType: Ec2ResourceType;
  records(state: Ec2State): Record<string, { tags: Tags }>;
  notFound(id: string): AwsServiceError;
}

const TAGGABLE: readonly TaggableKind[] = [
  { prefix: 'vol-', resourceType: 'volume', records: (state) => state.volumes, notFound: NOT_FOUND.volume },
  {
    prefix: 'snap-',
    resourceType: 'snapshot',
    records: (state) => state.snapshots,
    notFound: NOT_FOUND.snapshot,
  },
  { prefix: 'vpc-', resourceType: 'vpc', records: (state) => state.vpcs, notFound: NOT_FOUND.vpc },
  {
    prefix: 'subnet-',
    resourceType: 'subnet',
    records: (state) => state.subnets,
    notFound: NOT_FOUND.subnet,
  },
  {
    prefix: 'igw-',
    resourceType: 'internet-gateway',
    records: (state) => state.internetGateways,
    notFound: NOT_FOUND.internetGateway,
  },
  {
    prefix: 'rtb-',
    resourceType: 'route-table',
    records: (state) => state.routeTables,
    notFound: NOT_FOUND.routeTable,
  },
  {
    prefix: 'sg-',
    resourceType: 'security-group',
    records: (state) => state.securityGroups,
    notFound: NOT_FOUND.securityGroup,
  },
];

export const MAX_TAGS_PER_RESOURCE = 50;

export interface TaggedResource {
  resourceId: string;
  resourceType: Ec2ResourceType;
  tags: Tags;
}

/** The resource an id names, or the resource kind's NotFound error. */
export function findTaggable(state: Ec2State, id: string): TaggedResource {
  const kind = TAGGABLE.find((candidate) => id.startsWith(candidate.prefix));
  if (!kind) throw ec2Error('InvalidID', `The ID '${id}' is not valid`);
  const record = kind.records(state)[id];
  if (!record) throw kind.notFound(id);
  return { resourceId: id, resourceType: kind.resourceType, tags: record.tags };
}

export function allTaggedResources(state: Ec2State): TaggedResource[] {
  return TAGGABLE.flatMap((kind) =>
    Object.entries(kind.records(state)).map(([resourceId, record]) => ({
      resourceId,
      resourceType: kind.resourceType,
      tags: record.tags,
    })),
  );
}

function validateTag(key: string, value: string): void {
  if (key === '') throw invalidParameterValue('Tag key cannot be empty');
  if (key.length > 128)
    throw invalidParameterValue(`Tag key exceeds the maximum length of 128 characters: ${key}`);
  if (value.length > 256)
    throw invalidParameterValue(`Tag value exceeds the maximum length of 256 characters: ${value}`);
  if (key.toLowerCase().startsWith('aws:')) {
    throw invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
  }
}

/** `Tag.1.Key=k&Tag.1.Value=v` → `{ k: 'v' }`; a missing value is the empty string. */
export function parseTagList(params: Ec2Params, name = 'Tag'): Tags {
  const tags: Tags = {};
  for (const entry of structList(params, name)) {
    const key = entry.Key ?? '';
    const value = entry.Value ?? '';
    validateTag(key, value);
    tags[key] = value;
  }
  return tags;
}

/**
 * The tags a create call's `TagSpecification.N` asks for on its resource. A specification for a
 * type this call does not create is rejected, as EC2 does.
 */
export function tagsFromSpecifications(params: Ec2Params, resourceType: Ec2ResourceType): Tags {
  const tags: Tags = {};
  for (const specification of structList(params, 'TagSpecification')) {
    const type = optionalString(specification, 'ResourceType');
    if (type === undefined) throw invalidParameterValue('Tag specification resource type must have a value');
    if (type !== resourceType) {
      throw invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`);
    }
    Object.assign(tags, parseTagList(specification));
  }
  assertTagLimit(tags);
  return tags;
}

export function assertTagLimit(tags: Tags): void {
  if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) {
    throw ec2Error(
      'TagLimitExceeded',
      `The maximum number of tags per resource (${MAX_TAGS_PER_RESOURCE}) has been reached.`,
    );
  }
}
