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
import { bootstrapPending, kubeletMinor, upgradeDue, upgradeWorker } from './nectar-upgrade.js';
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

  /**
   * A VM is joined when every step of node-<group>.sh checks out over SSH (its packages aside while
   * an upgrade is due); `minor` is its kubelet's.
   */
  async function nodeState(group: string, server: Server): Promise<{ joined: boolean; minor?: string }> {
    const state = await peekServer(cloud, server, async (connection) => {
      const minor = await kubeletMinor(connection);
      const steps = bootstrapPending(cloud, await pending(connection, nodeRun(cloud, group)), minor);
      return { joined: steps.length === 0, ...(minor === undefined ? {} : { minor }) };
    });
    return state ?? { joined: false };
  }

  const joined = async (group: string, server: Server) => (await nodeState(group, server)).joined;

  /**
   * A pool is never busy on its own: hubfleet is its only controller, so nothing moves between runs.
   * It is always `active`, and `min` counts its joined VMs only: VMs an earlier run left unjoined (a
   * quota refusal, a failed join, a BUILD that timed out) make the pool smaller than the config, so
   * the next `up` updates it, which joins them. A `creating` pool would wait for ever instead.
   */
  async function observeGroup(name: string, servers: Server[]): Promise<ObservedNodeGroupV1> {
    const group = configured(name);
    const states = await Promise.all(servers.map((server) => nodeState(name, server)));
    const count = servers.length;
    const members = states.filter((state) => state.joined);
    const first = servers[0];
    // The pool runs its oldest kubelet's version: a rolling upgrade is done when the last one is.
    const minors = members.flatMap((state) => (state.minor === undefined ? [] : [state.minor]));
    const oldest = minors.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))[0];
    return {
      name,
      status: 'active',
      instanceType: first?.flavorName ?? group?.instanceType ?? 'unknown',
      min: members.length,
      // Plain VMs do not scale: max only means something to the config, so a pool of min VMs matches it.
      max: group !== undefined && members.length === count && count === group.min ? group.max : count,
      desired: count,
      ...(oldest === undefined ? {} : { kubernetesVersion: oldest }),
      labels: group ? nodeGroupLabels(group) : {},
      taints: [],
      tags: first?.metadata ?? {},
    };
  }

  /** Each joined VM on an older minor than the config's, one at a time, in kubeadm's order. */
  async function upgradeNodes(group: string, control: Server, vms: readonly Server[]): Promise<void> {
    const due: Array<{ vm: Server; minor: string }> = [];
    for (const vm of vms) {
      const { joined: member, minor } = await nodeState(group, vm);
      if (member && minor !== undefined && upgradeDue(cloud, minor)) due.push({ vm, minor });
    }
    if (due.length === 0) return;
    await withServer(cloud, control, async (controlConnection) => {
      for (const { vm, minor } of due) {
        await withServer(cloud, vm, async (worker) => {
          const node = (await worker.exec('hostname')).stdout.trim() || vm.name;
          await upgradeWorker(cloud, controlConnection, worker, node, minor);
        });
      }
    });
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
    // Every VM is asked for before any error is reported, and those that came up join: a pool
    // the project's quota cuts short still gets the nodes it could have (and no work is left running).
    const outcomes = await Promise.allSettled(
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
    const vms = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    await upgradeNodes(group.name, control, vms);
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
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
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
