import {
  HubfleetError,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  nodeGroupLabels,
  type ObservedNodeGroupV1,
  OwnershipTag,
} from '@hubfleet/core';
import type { Server } from '@hubfleet/openstack-client';
import { joinInputs, nodeRun, pending, run } from './nectar-bootstrap.js';
import type { NectarCloud } from './nectar-cloud.js';
import { controlPlaneName, nodeName, ROLE_KEY } from './nectar-names.js';
import type { Provisioner } from './nectar-provisioning.js';
import { deleteServerAndWait, ownedServers, serverNamed } from './nectar-servers.js';
import { peekServer, withServer } from './nectar-vm-access.js';

/** The label kubeadm's join puts on every node of a nodegroup (node-<group>.sh). */
const NODEGROUP_LABEL = 'hubfleet.io/nodegroup';

function groupServers(servers: readonly Server[]): Map<string, Server[]> {
  const groups = new Map<string, Server[]>();
  for (const server of servers) {
    const group = server.metadata[OwnershipTag.nodeGroup];
    if (server.metadata[ROLE_KEY] !== 'node' || group === undefined) continue;
    groups.set(group, [...(groups.get(group) ?? []), server]);
  }
  return groups;
}

/**
 * A nodegroup is a fixed set of VMs `<deployment>-<group>-<i>`, each joined by kubeadm: plain VMs
 * have no autoscaler, so the pool has `min` VMs and `max` has no effect (validate says so).
 */
export function nectarNodeGroups(cloud: NectarCloud, provision: Provisioner): NodeGroupApiV1 {
  // The config a nodegroup was last converged to in this session (an update may change max).
  const converged = new Map<string, NodeGroupConfig>();
  const configured = (name: string) =>
    converged.get(name) ?? cloud.config.cluster.nodeGroups.find((group) => group.name === name);

  /** A VM is joined when every step of node-<group>.sh checks out over SSH. */
  async function joined(group: string, server: Server): Promise<boolean> {
    const steps = await peekServer(cloud, server, (connection) => pending(connection, nodeRun(cloud, group)));
    return steps !== undefined && steps.length === 0;
  }

  async function observeGroup(name: string, servers: Server[]): Promise<ObservedNodeGroupV1> {
    const group = configured(name);
    const ready = await Promise.all(servers.map((server) => joined(name, server)));
    const count = servers.length;
    const first = servers[0];
    return {
      name,
      status: ready.every(Boolean) ? 'active' : 'creating',
      instanceType: first?.flavorName ?? group?.instanceType ?? 'unknown',
      min: count,
      // Plain VMs do not scale: max only means something to the config, so a pool of min VMs matches it.
      max: group !== undefined && count === group.min ? group.max : count,
      desired: count,
      labels: group ? nodeGroupLabels(group) : {},
      taints: [],
      tags: first?.metadata ?? {},
    };
  }

  /** Each VM of the pool exists and is joined; VMs past `min` are removed. */
  async function converge(group: NodeGroupConfig): Promise<void> {
    converged.set(group.name, group);
    const servers = await ownedServers(cloud);
    const control = serverNamed(servers, controlPlaneName(cloud.config));
    if (control === undefined) {
      throw new HubfleetError({
        kind: 'unavailable',
        message: `nodegroup ${group.name} cannot join: the control plane VM does not exist yet`,
        hint: 're-run up: the cluster step creates it first',
        subject: `nodegroup/${group.name}`,
      });
    }
    const names = Array.from({ length: group.min }, (_, index) => nodeName(cloud.config, group.name, index));
    const vms = await Promise.all(
      names.map((name) =>
        provision.ensureVm({
          name,
          role: 'node',
          flavor: group.instanceType,
          flavorField: `cluster.nodeGroups.${group.name}.instanceType`,
          nodeGroup: group.name,
        }),
      ),
    );
    const waiting = (
      await Promise.all(vms.map(async (vm) => ((await joined(group.name, vm)) ? [] : [vm])))
    ).flat();
    if (waiting.length > 0) {
      const join = await withServer(cloud, control, joinInputs);
      await Promise.all(
        waiting.map((vm) =>
          withServer(cloud, vm, (connection) => run(connection, nodeRun(cloud, group.name, join))),
        ),
      );
    }
    const extra = (groupServers(servers).get(group.name) ?? []).filter(
      (server) => !names.includes(server.name),
    );
    await Promise.all(extra.map((server) => deleteServerAndWait(cloud, server)));
  }

  return {
    async list() {
      const groups = groupServers(await ownedServers(cloud));
      // In the config's order, then any the config no longer names.
      const order = cloud.config.cluster.nodeGroups.map((group) => group.name);
      const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
      const names = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      return Promise.all(names.map((name) => observeGroup(name, groups.get(name) ?? [])));
    },
    create: converge,
    async update(group) {
      await converge(group);
      return [];
    },
    async delete(name) {
      const servers = groupServers(await ownedServers(cloud)).get(name) ?? [];
      await Promise.all(servers.map((server) => deleteServerAndWait(cloud, server)));
    },
    requiresReplacement: (group, observed) => observed.instanceType !== group.instanceType,
    nodeSelector: (name) => `${NODEGROUP_LABEL}=${name}`,
  };
}
