import { randomUUID } from 'node:crypto';
import {
  numberField,
  objectArrayField,
  stringArrayField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { paginate } from '../../framework/pagination.js';
import { findCluster } from './eks-clusters.js';
import {
  clusterNotActive,
  invalidParameter,
  limitExceeded,
  nodegroupNotFound,
  resourceInUse,
} from './eks-errors.js';
import {
  type EksRequest,
  isRetryOf,
  label,
  maxResultsOf,
  refuseSpentToken,
  requestIdentityOf,
  requiredString,
  spendToken,
  tagsOf,
} from './eks-request.js';
import { creationScaling } from './eks-scaling.js';
import { type EksContext, eksArn, epochSeconds, finishTime, visibleTime } from './eks-settings.js';
import type { ClusterRecord, NodegroupRecord } from './eks-state.js';
import { checkTaintCount, parseTaint } from './eks-taints.js';

const NODEGROUP_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,62}$/;

export function findNodegroup(cluster: ClusterRecord, nodegroupName: string): NodegroupRecord {
  const nodegroup = cluster.nodegroups[nodegroupName];
  if (!nodegroup) throw nodegroupNotFound(cluster.name, nodegroupName);
  return nodegroup;
}

export function renderNodegroup(nodegroup: NodegroupRecord): Record<string, unknown> {
  return {
    nodegroupName: nodegroup.nodegroupName,
    nodegroupArn: nodegroup.nodegroupArn,
    clusterName: nodegroup.clusterName,
    version: nodegroup.version,
    releaseVersion: nodegroup.releaseVersion,
    createdAt: epochSeconds(nodegroup.createdAt),
    modifiedAt: epochSeconds(nodegroup.modifiedAt),
    status: nodegroup.status,
    capacityType: nodegroup.capacityType,
    scalingConfig: nodegroup.scalingConfig,
    instanceTypes: nodegroup.instanceTypes,
    subnets: nodegroup.subnets,
    amiType: nodegroup.amiType,
    nodeRole: nodegroup.nodeRole,
    labels: nodegroup.labels,
    taints: nodegroup.taints,
    resources:
      nodegroup.status === 'CREATING'
        ? undefined
        : { autoScalingGroups: [{ name: nodegroup.autoScalingGroupName }] },
    diskSize: nodegroup.diskSize,
    health: { issues: [] },
    updateConfig: { maxUnavailable: nodegroup.maxUnavailable },
    tags: nodegroup.tags,
  };
}

function newNodegroup(
  context: EksContext,
  request: EksRequest,
  cluster: ClusterRecord,
  name: string,
): NodegroupRecord {
  const { body } = request;
  const fields = { clusterName: cluster.name, nodegroupName: name };
  const subnets = stringArrayField(body, 'subnets') ?? [];
  if (subnets.length === 0) throw invalidParameter('subnets is required.', fields);
  const nodeRole = requiredString(body, 'nodeRole', fields);
  const taints = (objectArrayField(body, 'taints') ?? []).map((taint) => parseTaint(taint, fields));
  checkTaintCount(taints, fields);
  const id = randomUUID();
  const version = stringField(body, 'version') ?? cluster.version;
  return {
    ...requestIdentityOf(request),
    nodegroupName: name,
    nodegroupArn: eksArn(context.settings, `nodegroup/${cluster.name}/${name}/${id}`),
    clusterName: cluster.name,
    version,
    releaseVersion: stringField(body, 'releaseVersion') ?? `${version}.0-20250101`,
    createdAt: context.now,
    modifiedAt: context.now,
    visibleAt: visibleTime(context),
    status: 'CREATING',
    transition: { to: 'ACTIVE', at: finishTime(context, 'CreateNodegroup') },
    capacityType: stringField(body, 'capacityType') ?? 'ON_DEMAND',
    scalingConfig: creationScaling(body, fields),
    instanceTypes: stringArrayField(body, 'instanceTypes') ?? ['t3.medium'],
    subnets,
    amiType: stringField(body, 'amiType') ?? 'AL2023_x86_64_STANDARD',
    nodeRole,
    labels: stringMapField(body, 'labels') ?? {},
    taints,
    diskSize: numberField(body, 'diskSize') ?? 20,
    tags: tagsOf(body, fields),
    autoScalingGroupName: `eks-${name}-${id}`,
    maxUnavailable: 1,
  };
}

export function createNodegroup(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const name = requiredString(request.body, 'nodegroupName', { clusterName: cluster.name });
  const fields = { clusterName: cluster.name, nodegroupName: name };
  if (!NODEGROUP_NAME.test(name)) throw invalidParameter(`The node group name ${name} is not valid.`, fields);
  const identity = requestIdentityOf(request);
  const existing = cluster.nodegroups[name];
  if (existing) {
    if (isRetryOf(existing, identity)) return { nodegroup: renderNodegroup(existing) };
    throw resourceInUse(
      `NodeGroup already exists with name ${name} and cluster name ${cluster.name}`,
      fields,
    );
  }
  refuseSpentToken(context.state, 'CreateNodegroup', identity);
  if (cluster.status !== 'ACTIVE') throw clusterNotActive(cluster.name);
  const limit = context.settings.quotas.nodegroupsPerCluster;
  if (Object.keys(cluster.nodegroups).length >= limit) {
    throw limitExceeded(
      `Cannot create node group ${name}: cluster ${cluster.name} already has ${limit} node groups.`,
      fields,
    );
  }
  const nodegroup = newNodegroup(context, request, cluster, name);
  cluster.nodegroups[name] = nodegroup;
  spendToken(context.state, 'CreateNodegroup', identity, `nodegroup/${cluster.name}/${name}`);
  return { nodegroup: renderNodegroup(nodegroup) };
}

export function describeNodegroup(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const nodegroup = findNodegroup(cluster, label(request, 'nodegroupName'));
  if (context.now < nodegroup.visibleAt) throw nodegroupNotFound(cluster.name, nodegroup.nodegroupName);
  return { nodegroup: renderNodegroup(nodegroup) };
}

export function listNodegroups(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const names = Object.keys(cluster.nodegroups).sort();
  const page = paginate(names, maxResultsOf(request), request.query.get('nextToken') ?? undefined);
  return { nodegroups: page.items, nextToken: page.nextToken };
}

export function deleteNodegroup(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const nodegroup = findNodegroup(cluster, label(request, 'nodegroupName'));
  if (nodegroup.status !== 'DELETING') {
    nodegroup.status = 'DELETING';
    nodegroup.activeUpdateId = undefined;
    nodegroup.transition = { to: null, at: finishTime(context, 'DeleteNodegroup') };
  }
  return { nodegroup: renderNodegroup(nodegroup) };
}
