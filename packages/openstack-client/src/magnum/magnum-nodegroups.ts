import { HubfleetError } from '@hubfleet/core';
import { isOpenStackStatus } from '../errors/openstack-error.js';
import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import type { JsonPatchOperation } from './json-patch.js';
import { toNodegroup } from './magnum-mappers.js';
import type { MagnumNodegroup } from './magnum-types.js';

/** Kubernetes node labels and taints on nodegroups arrived in container-infra 1.14. */
export const NODEGROUP_LABELS_MICROVERSION = '1.14';

/** What `POST /v1/clusters/{id}/nodegroups` takes (container-infra ≥ 1.9; zero nodes ≥ 1.10). */
export interface NodegroupInput {
  name: string;
  flavor_id?: string;
  image_id?: string;
  node_count?: number;
  min_node_count?: number;
  max_node_count?: number;
  docker_volume_size?: number;
  role?: string;
  /** Magnum driver labels (not Kubernetes labels). */
  labels?: Record<string, string>;
  merge_labels?: boolean;
  /** Kubernetes node labels: needs 1.14 (`supportsNodegroupLabels`). */
  node_labels?: Record<string, string>;
  /** `key=value:Effect` strings: needs 1.14. */
  node_taints?: string[];
}

const path = (cluster: string, nodegroup?: string) =>
  `/clusters/${segment(cluster)}/nodegroups${nodegroup === undefined ? '' : `/${segment(nodegroup)}`}`;

/** Whether this cloud's Magnum takes node_labels/node_taints on nodegroups. */
export function supportsNodegroupLabels(magnum: ServiceClient): boolean {
  return magnum.supports(NODEGROUP_LABELS_MICROVERSION);
}

function refuseUnsupportedLabels(
  magnum: ServiceClient,
  input: { node_labels?: unknown; node_taints?: unknown },
  subject: string,
): void {
  if ((input.node_labels === undefined && input.node_taints === undefined) || supportsNodegroupLabels(magnum))
    return;
  throw new HubfleetError({
    kind: 'internal',
    message: `This cloud's Magnum speaks container-infra ${magnum.serverMicroversions?.max ?? 'below 1.9'}; nodegroup node_labels and node_taints need ${NODEGROUP_LABELS_MICROVERSION}`,
    hint: 'Apply the labels and taints through the Kubernetes API instead (check supportsNodegroupLabels first).',
    subject,
  });
}

/**
 * Every nodegroup of a cluster, in full. The list call answers summaries only (no labels, counts
 * bounds or reasons), so each one is then read on its own; one deleted meanwhile is left out.
 */
export async function listNodegroups(
  magnum: ServiceClient,
  cluster: string,
  role?: string,
): Promise<MagnumNodegroup[]> {
  const summaries = await magnum.listAll<unknown>(
    path(cluster),
    'nodegroups',
    role ? { role } : undefined,
    `cluster/${cluster}`,
  );
  const nodegroups: MagnumNodegroup[] = [];
  for (const summary of summaries.map(toNodegroup)) {
    try {
      nodegroups.push(await getNodegroup(magnum, cluster, summary.uuid));
    } catch (error) {
      // Deleted between the list and this read: as gone as if it had not been listed.
      if (!isOpenStackStatus(error, 404)) throw error;
    }
  }
  return nodegroups;
}

export async function getNodegroup(
  magnum: ServiceClient,
  cluster: string,
  nodegroup: string,
): Promise<MagnumNodegroup> {
  const response = await magnum.request({
    method: 'GET',
    path: path(cluster, nodegroup),
    subject: `nodegroup/${nodegroup}`,
  });
  return toNodegroup(response.body);
}

/** 202 with the nodegroup, CREATE_IN_PROGRESS. A name already in the cluster is a 409 conflict. */
export async function createNodegroup(
  magnum: ServiceClient,
  cluster: string,
  input: NodegroupInput,
): Promise<MagnumNodegroup> {
  refuseUnsupportedLabels(magnum, input, `nodegroup/${input.name}`);
  const response = await magnum.request({
    method: 'POST',
    path: path(cluster),
    body: input,
    subject: `nodegroup/${input.name}`,
  });
  return toNodegroup(response.body);
}

/** JSON patch of min_node_count / max_node_count (and node_labels / node_taints at 1.14). Cast: gate on status. */
export async function updateNodegroup(
  magnum: ServiceClient,
  cluster: string,
  nodegroup: string,
  patch: JsonPatchOperation[],
): Promise<MagnumNodegroup> {
  const labels = patch.some(
    (operation) => operation.path === '/node_labels' || operation.path === '/node_taints',
  );
  refuseUnsupportedLabels(magnum, labels ? { node_labels: true } : {}, `nodegroup/${nodegroup}`);
  const response = await magnum.request({
    method: 'PATCH',
    path: path(cluster, nodegroup),
    body: patch,
    subject: `nodegroup/${nodegroup}`,
  });
  return toNodegroup(response.body);
}

/** DELETE → 204; false when it was already gone. The default nodegroups cannot be deleted (400). */
export function deleteNodegroup(magnum: ServiceClient, cluster: string, nodegroup: string): Promise<boolean> {
  return deleteIfPresent(magnum, { path: path(cluster, nodegroup), subject: `nodegroup/${nodegroup}` });
}
