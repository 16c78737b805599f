import { stringMapField } from '../../framework/json-body.js';
import { badRequest, taggedResourceNotFound } from './eks-errors.js';
import { type EksRequest, label } from './eks-request.js';
import type { EksContext } from './eks-settings.js';

const MAX_TAGS = 50;

/** Anything EKS tags: clusters, node groups, add-ons and pod identity associations. */
interface Tagged {
  tags: Record<string, string>;
}

function findTagged(context: EksContext, resourceArn: string): Tagged {
  if (!/^arn:aws[\w-]*:eks:/.test(resourceArn))
    throw badRequest(`${resourceArn} is not a valid EKS resource ARN`);
  for (const cluster of Object.values(context.state.clusters)) {
    if (cluster.arn === resourceArn) return cluster;
    const children: Tagged[] = [
      ...Object.values(cluster.nodegroups).filter((nodegroup) => nodegroup.nodegroupArn === resourceArn),
      ...Object.values(cluster.addons).filter((addon) => addon.addonArn === resourceArn),
      ...Object.values(cluster.podIdentityAssociations).filter(
        (association) => association.associationArn === resourceArn,
      ),
    ];
    const found = children[0];
    if (found) return found;
  }
  throw taggedResourceNotFound(resourceArn);
}

export function tagResource(context: EksContext, request: EksRequest): unknown {
  const resource = findTagged(context, label(request, 'resourceArn'));
  const tags = { ...resource.tags, ...stringMapField(request.body, 'tags') };
  if (Object.keys(tags).length > MAX_TAGS) throw badRequest(`A resource can have at most ${MAX_TAGS} tags`);
  resource.tags = tags;
  return {};
}

export function untagResource(context: EksContext, request: EksRequest): unknown {
  const resource = findTagged(context, label(request, 'resourceArn'));
  const remove = new Set(request.query.getAll('tagKeys'));
  resource.tags = Object.fromEntries(Object.entries(resource.tags).filter(([key]) => !remove.has(key)));
  return {};
}

export function listTagsForResource(context: EksContext, request: EksRequest): unknown {
  return { tags: findTagged(context, label(request, 'resourceArn')).tags };
}
