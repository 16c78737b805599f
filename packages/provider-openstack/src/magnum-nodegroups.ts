import {
  HubfleetError,
  machineOrDiskChanged,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
} from '@hubfleet/core';
import {
  createNodegroup,
  deleteNodegroup,
  isOpenStackStatus,
  type JsonPatchOperation,
  listNodegroups,
  type MagnumNodegroup,
  replace,
  supportsNodegroupLabels,
  updateNodegroup,
} from '@hubfleet/openstack-client';
import { findCluster } from './magnum-cluster-lookup.js';
import { magnumNodegroupName } from './magnum-default-worker.js';
import { magnumStatus } from './magnum-status.js';
import { magnumTaint, nodegroupRequest, observedNodegroup } from './map-nodegroup.js';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** The label Magnum puts on every node of a nodegroup: core finds the nodes to label and taint by it. */
export const MAGNUM_NODEGROUP_LABEL = 'magnum.openstack.org/nodegroup';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedEntries = (labels: Record<string, string>) => Object.entries(labels).sort();

/**
 * The deployment's nodegroups as Magnum nodegroups, named like the config's (`magnumNodegroupName`),
 * found by their ownership labels; Magnum's own default groups are not among them. Labels
 * and taints ride on the nodegroup from container-infra 1.14; core labels the nodes in any case
 * (`capabilities.nodeLabelsReachNodes: false`), so an older Magnum gets them too.
 */
export function magnumNodegroups(os: OpenstackDeployment): NodeGroupApiV1 {
  const subjectOf = (name: string) => `nodegroup/${name}`;

  async function all(): Promise<{ cluster: string; groups: MagnumNodegroup[] } | undefined> {
    const { ours } = await findCluster(os);
    if (ours === undefined || magnumStatus(ours.status) === 'deleting') return undefined;
    return { cluster: ours.uuid, groups: await listNodegroups(await os.services.magnum(), ours.uuid) };
  }

  /** Magnum's default groups carry the cluster's labels only: never one of the config's nodegroups. */
  function observe(group: MagnumNodegroup): ObservedNodeGroupV1 | undefined {
    return group.isDefault ? undefined : observedNodegroup(group, os.deployment);
  }

  async function list(): Promise<ObservedNodeGroupV1[]> {
    return ((await all())?.groups ?? []).flatMap((group) => observe(group) ?? []);
  }

  async function clusterFor(name: string): Promise<{ cluster: string; groups: MagnumNodegroup[] }> {
    const found = await all();
    if (found !== undefined) return found;
    throw new HubfleetError({
      kind: 'conflict',
      retryable: true,
      message: `nodegroup ${name} needs the Magnum cluster ${os.deployment}, which does not exist (or is being deleted)`,
      hint: 'run `hubfleet up`: the cluster is made first',
      subject: subjectOf(name),
    });
  }

  async function create(group: NodeGroupConfig): Promise<void> {
    const { cluster, groups } = await clusterFor(group.name);
    const magnumName = magnumNodegroupName(group.name);
    const existing = groups.find((candidate) => candidate.name === magnumName);
    if (existing !== undefined) {
      if (observe(existing) !== undefined) return;
      throw new HubfleetError({
        kind: 'conflict',
        message: `the nodegroup ${group.name} exists in cluster ${os.deployment} but its labels do not say it is deployment ${os.deployment}'s`,
        hint: `rename nodegroup ${group.name} in the config, or delete the other nodegroup`,
        subject: subjectOf(group.name),
      });
    }
    const magnum = await os.services.magnum();
    try {
      await createNodegroup(
        magnum,
        cluster,
        nodegroupRequest(group, os.deployment, supportsNodegroupLabels(magnum)),
      );
    } catch (error) {
      // A reply lost after Magnum took the create: the name is unique within the cluster.
      if (!isOpenStackStatus(error, 409)) throw error;
      const raced = (await clusterFor(group.name)).groups.find((candidate) => candidate.name === magnumName);
      if (raced === undefined || observe(raced) === undefined) throw error;
    }
  }

  /** Bounds always; labels and taints too where Magnum holds them (1.14). Magnum casts updates: core waits for UPDATE_COMPLETE. */
  async function update(group: NodeGroupConfig, observed: ObservedNodeGroupV1) {
    const { cluster, groups } = await clusterFor(group.name);
    const magnumName = magnumNodegroupName(group.name);
    const current = groups.find((candidate) => candidate.name === magnumName);
    if (current === undefined) return [];
    const magnum = await os.services.magnum();
    const patch: JsonPatchOperation[] = [];
    if (observed.min !== group.min) patch.push(replace('/min_node_count', group.min));
    if (observed.max !== group.max) patch.push(replace('/max_node_count', group.max));
    if (supportsNodegroupLabels(magnum)) {
      const labels = nodeGroupLabels(group);
      const taints = nodeGroupTaints(group).map(magnumTaint).sort();
      if (!same(sortedEntries(current.nodeLabels ?? {}), sortedEntries(labels)))
        patch.push(replace('/node_labels', labels));
      if (!same([...(current.nodeTaints ?? [])].sort(), taints)) patch.push(replace('/node_taints', taints));
    }
    if (patch.length > 0) await updateNodegroup(magnum, cluster, current.uuid, patch);
    return [];
  }

  async function remove(name: string): Promise<void> {
    const found = await all();
    const existing = found?.groups.find((candidate) => candidate.name === magnumNodegroupName(name));
    if (found === undefined || existing === undefined) return;
    if (observe(existing) === undefined) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the nodegroup ${name} is not labelled as deployment ${os.deployment}'s; hubfleet does not delete it`,
        subject: subjectOf(name),
      });
    }
    if (existing.status === 'DELETE_IN_PROGRESS') return;
    await deleteNodegroup(await os.services.magnum(), found.cluster, existing.uuid);
  }

  return {
    list,
    create,
    update,
    delete: remove,
    // 002 "Limitations": a worker flavor cannot be changed after creation; the disk neither. hubfleet
    // replaces the nodegroup, behind core's safety gate for user pods.
    requiresReplacement: machineOrDiskChanged,
    nodeSelector: (name) => `${MAGNUM_NODEGROUP_LABEL}=${magnumNodegroupName(name)}`,
  };
}
