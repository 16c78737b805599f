import { randomUUID } from 'node:crypto';
import { stringField } from '../../framework/json-body.js';
import { findCluster } from './eks-clusters.js';
import { clusterNotActive, invalidParameter, resourceInUse } from './eks-errors.js';
import { findNodegroup } from './eks-nodegroups.js';
import { type EksRequest, isRetryOf, label, requestIdentityOf, requiredString } from './eks-request.js';
import { type EksContext, finishTime } from './eks-settings.js';
import type { ClusterRecord, UpdateRecord } from './eks-state.js';
import { refuseWhileBusy, renderUpdate } from './eks-updates.js';

/** `1.34` → 34; NaN for anything that is not `<major>.<minor>`. */
function minorOf(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : Number.NaN;
}

/** The AMI release EKS reports for a version (`1.34.0-20250101`), modelled on real release names. */
function releaseFor(version: string): string {
  return `${version}.0-20250101`;
}

function retriedUpdate(
  cluster: ClusterRecord,
  request: EksRequest,
  nodegroupName: string | undefined,
): UpdateRecord | undefined {
  const identity = requestIdentityOf(request);
  return Object.values(cluster.updates).find(
    (update) =>
      update.type === 'VersionUpdate' &&
      update.nodegroupName === nodegroupName &&
      isRetryOf(update, identity),
  );
}

/** A VersionUpdate record, InProgress until the modelled duration of `operation` has passed. */
function versionUpdate(
  context: EksContext,
  request: EksRequest,
  operation: 'UpdateClusterVersion' | 'UpdateNodegroupVersion',
  params: UpdateRecord['params'],
  version: NonNullable<UpdateRecord['version']>,
): UpdateRecord {
  return {
    ...requestIdentityOf(request),
    id: randomUUID(),
    type: 'VersionUpdate',
    status: 'InProgress',
    params,
    createdAt: context.now,
    completesAt: finishTime(context, operation),
    version,
  };
}

/**
 * UpdateClusterVersion (`POST /clusters/{name}/updates`): the control plane moves up exactly one
 * minor version; anything else (the same version, a skip, a downgrade) is the InvalidParameterException
 * EKS answers ("Unsupported Kubernetes minor version update from 1.22 to 1.25", quoted in
 * terraform-aws-eks#2607 and rancher#41643). The cluster is UPDATING until the update completes.
 */
export function updateClusterVersion(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'name'));
  const fields = { clusterName: cluster.name };
  const retried = retriedUpdate(cluster, request, undefined);
  if (retried) return { update: renderUpdate(retried) };
  const version = requiredString(request.body, 'version', fields);
  if (cluster.status === 'UPDATING') {
    throw resourceInUse(
      `Cluster ${cluster.name} already has update ${cluster.activeUpdateId} in progress`,
      fields,
    );
  }
  if (cluster.status !== 'ACTIVE') throw clusterNotActive(cluster.name);
  if (minorOf(version) !== minorOf(cluster.version) + 1) {
    throw invalidParameter(
      `Unsupported Kubernetes minor version update from ${cluster.version} to ${version}`,
      fields,
    );
  }
  const update = versionUpdate(
    context,
    request,
    'UpdateClusterVersion',
    [
      { type: 'Version', value: version },
      { type: 'PlatformVersion', value: 'eks.1' },
    ],
    { kubernetesVersion: version },
  );
  cluster.updates[update.id] = update;
  cluster.status = 'UPDATING';
  cluster.activeUpdateId = update.id;
  return { update: renderUpdate(update) };
}

/**
 * UpdateNodegroupVersion (`POST …/node-groups/{ng}/update-version`): a rolling replacement of the
 * nodegroup's nodes with the AMI of `version`, which may only be the control plane's version
 * (without `version`, the newest AMI of the nodegroup's own version). Refused while the cluster or
 * the nodegroup is busy, and for a version older than the nodegroup's.
 */
export function updateNodegroupVersion(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const nodegroup = findNodegroup(cluster, label(request, 'nodegroupName'));
  const fields = { clusterName: cluster.name, nodegroupName: nodegroup.nodegroupName };
  const retried = retriedUpdate(cluster, request, nodegroup.nodegroupName);
  if (retried) return { update: renderUpdate(retried) };
  if (cluster.status !== 'ACTIVE') throw clusterNotActive(cluster.name);
  refuseWhileBusy(nodegroup, fields, 'VersionUpdate');
  const version = stringField(request.body, 'version') ?? nodegroup.version;
  if (minorOf(version) > minorOf(cluster.version)) {
    throw invalidParameter(
      `Requested Nodegroup Kubernetes version ${version} is newer than the cluster's version ${cluster.version}`,
      fields,
    );
  }
  if (minorOf(version) < minorOf(nodegroup.version)) {
    throw invalidParameter(
      `Unsupported Kubernetes minor version update from ${nodegroup.version} to ${version}`,
      fields,
    );
  }
  const releaseVersion = stringField(request.body, 'releaseVersion') ?? releaseFor(version);
  const update: UpdateRecord = {
    ...versionUpdate(
      context,
      request,
      'UpdateNodegroupVersion',
      [
        { type: 'Version', value: version },
        { type: 'ReleaseVersion', value: releaseVersion },
      ],
      { kubernetesVersion: version, releaseVersion },
    ),
    nodegroupName: nodegroup.nodegroupName,
  };
  cluster.updates[update.id] = update;
  nodegroup.status = 'UPDATING';
  nodegroup.activeUpdateId = update.id;
  nodegroup.modifiedAt = context.now;
  return { update: renderUpdate(update) };
}
