import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireString } from '../wire/wire-fields.js';
import type { JsonPatchOperation } from './json-patch.js';
import { toCluster } from './magnum-mappers.js';
import type { MagnumCluster } from './magnum-types.js';

/** What `POST /v1/clusters` takes (api-ref container-infra "Create new cluster"). */
export interface ClusterInput {
  name: string;
  cluster_template_id: string;
  node_count?: number;
  master_count?: number;
  keypair?: string;
  flavor_id?: string;
  master_flavor_id?: string;
  docker_volume_size?: number;
  labels?: Record<string, string>;
  /** Merge `labels` into the template's instead of replacing them. */
  merge_labels?: boolean;
  /** Minutes. @default 60 (Magnum's) */
  create_timeout?: number;
  fixed_network?: string;
  fixed_subnet?: string;
  floating_ip_enabled?: boolean;
  master_lb_enabled?: boolean;
}

/** The Magnum cluster id a 202 answered with. */
function uuidOf(body: unknown): string {
  return wireString(asWire(body), 'uuid') ?? '';
}

/**
 * Creates a cluster; answers its uuid (202: the cluster is CREATE_IN_PROGRESS). Names are not
 * unique in Magnum: calling twice makes two clusters, so callers look for theirs first.
 */
export async function createCluster(magnum: ServiceClient, input: ClusterInput): Promise<string> {
  const response = await magnum.request({
    method: 'POST',
    path: '/clusters',
    body: input,
    subject: `cluster/${input.name}`,
  });
  return uuidOf(response.body);
}

/** By uuid or name (a name two clusters share is a 409 conflict: use the uuid). */
export async function getCluster(magnum: ServiceClient, ident: string): Promise<MagnumCluster> {
  const response = await magnum.request({
    method: 'GET',
    path: `/clusters/${segment(ident)}`,
    subject: `cluster/${ident}`,
  });
  return toCluster(response.body);
}

/** Every cluster of the project, in full (`/clusters/detail`, followed through `next`). */
export async function listClusters(magnum: ServiceClient): Promise<MagnumCluster[]> {
  const items = await magnum.listAll<unknown>('/clusters/detail', 'clusters');
  return items.map(toCluster);
}

/**
 * PATCH with a JSON patch (e.g. replace /node_count) → the cluster uuid. Magnum only casts it:
 * a cluster that is not in a *_COMPLETE status accepts (202) and then drops the update, so call
 * this only on a settled cluster and watch for UPDATE_IN_PROGRESS.
 */
export async function updateCluster(
  magnum: ServiceClient,
  ident: string,
  patch: JsonPatchOperation[],
): Promise<string> {
  const response = await magnum.request({
    method: 'PATCH',
    path: `/clusters/${segment(ident)}`,
    body: patch,
    subject: `cluster/${ident}`,
  });
  return uuidOf(response.body);
}

export interface ResizeInput {
  node_count: number;
  /** The nodegroup to resize; the default worker group when absent. */
  nodegroup?: string;
  /** Server ids to remove first when shrinking. */
  nodes_to_remove?: string[];
}

/** POST …/actions/resize (container-infra ≥ 1.7); cast like every update. */
export async function resizeCluster(
  magnum: ServiceClient,
  ident: string,
  input: ResizeInput,
): Promise<string> {
  const response = await magnum.request({
    method: 'POST',
    path: `/clusters/${segment(ident)}/actions/resize`,
    body: input,
    subject: `cluster/${ident}`,
  });
  return uuidOf(response.body);
}

/**
 * DELETE → 204: the cluster goes DELETE_IN_PROGRESS, then disappears (or DELETE_FAILED). False when
 * it was already gone.
 */
export function deleteCluster(magnum: ServiceClient, ident: string): Promise<boolean> {
  return deleteIfPresent(magnum, { path: `/clusters/${segment(ident)}`, subject: `cluster/${ident}` });
}
