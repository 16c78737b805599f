import { type ObservedVolumeV1, OwnershipTag, type ResourceStatusV1 } from '@hubfleet/core';
import type { CallRecord } from '../framework/call-log.js';
import type { KubernetesState } from '../kubernetes/index.js';
import type { CinderState, VolumeStatus } from '../openstack/cinder/cinder-state.js';
import type { MagnumState, MagnumStatus } from '../openstack/magnum/magnum-state.js';
import type { NeutronState } from '../openstack/neutron/neutron-state.js';
import type { SimInventory, SimOwned } from './sim-cloud.js';
import { callCounts, loadBalancersOf } from './sim-inventory-parts.js';

/** The states an OpenStack project's inventory is read from, each settled to now by the caller. */
export interface OpenStackSimStates {
  provider: string;
  region: string;
  magnum: MagnumState;
  cinder: CinderState;
  neutron: NeutronState;
  kubernetes: KubernetesState;
  calls: readonly CallRecord[];
}

/** Magnum's status words: the operation in progress, or how the last one ended. */
export function magnumStatus(status: MagnumStatus): ResourceStatusV1 {
  if (status.endsWith('_FAILED')) return 'failed';
  if (status === 'CREATE_IN_PROGRESS') return 'creating';
  if (status === 'DELETE_IN_PROGRESS') return 'deleting';
  if (status.endsWith('_IN_PROGRESS')) return 'updating';
  return 'active';
}

const VOLUME_STATUS: Partial<Record<VolumeStatus, ObservedVolumeV1['status']>> = {
  creating: 'creating',
  available: 'available',
  reserved: 'in-use',
  attaching: 'in-use',
  detaching: 'in-use',
  'in-use': 'in-use',
  deleting: 'deleting',
  extending: 'available',
};

function owner(labels: Record<string, string> | undefined): SimOwned {
  const deployment = labels?.[OwnershipTag.deployment];
  return deployment === undefined ? {} : { deployment };
}

/** Neutron tags are plain strings: hubfleet's ownership rides in them as `key=value`. */
function tagMap(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    tags.flatMap((tag) => {
      const at = tag.indexOf('=');
      return at > 0 ? [[tag.slice(0, at), tag.slice(at + 1)]] : [];
    }),
  );
}

/**
 * The simulated OpenStack project in the inventory's terms: Magnum clusters (ownership in their
 * labels) and nodegroups, Cinder volumes (ownership in metadata), Neutron private networks,
 * subnets, routers and floating IPs (ownership in `key=value` tags), the load balancers of the
 * cluster's LoadBalancer Services. Magnum installs no add-ons hubfleet manages and hubfleet makes no
 * Keystone identities, so those lists are empty.
 */
export function openstackSimInventory(states: OpenStackSimStates): SimInventory {
  const { magnum, cinder, neutron } = states;
  const clusters = Object.values(magnum.clusters);
  const external = new Set(
    Object.values(neutron.networks)
      .filter((network) => network.external)
      .map((network) => network.id),
  );
  const routerNetworks = (routerId: string) =>
    Object.values(neutron.ports).find(
      (port) => port.deviceId === routerId && port.deviceOwner === 'network:router_interface',
    )?.networkId;
  return {
    provider: states.provider,
    region: states.region,
    clusters: clusters.map((cluster) => ({
      name: cluster.name,
      status: magnumStatus(cluster.status),
      kubernetesVersion: (cluster.coeVersion ?? cluster.labels.kube_tag ?? '').replace(/^v/, ''),
      ...owner(cluster.labels),
    })),
    nodeGroups: Object.values(magnum.nodegroups).map((group) => {
      const cluster = magnum.clusters[group.clusterId];
      const nodeGroup = group.labels[OwnershipTag.nodeGroup];
      const up = ['CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_FAILED'].includes(
        group.status,
      );
      return {
        cluster: cluster?.name ?? group.clusterId,
        name: group.name,
        ...(nodeGroup === undefined ? {} : { nodeGroup }),
        status: magnumStatus(group.status),
        machineType: group.flavorId ?? '',
        desiredNodes: group.nodeCount,
        readyNodes: up ? group.nodeCount : 0,
        ...owner({ ...cluster?.labels, ...group.labels }),
      };
    }),
    addons: [],
    volumes: Object.values(cinder.volumes).map((volume) => {
      const hub = volume.metadata[OwnershipTag.hub];
      return {
        id: volume.id,
        ...(hub === undefined ? {} : { hub }),
        sizeGiB: volume.size,
        zone: volume.availabilityZone,
        status: VOLUME_STATUS[volume.status] ?? 'error',
        ...owner(volume.metadata),
      };
    }),
    networks: Object.values(neutron.networks)
      .filter((network) => !network.external)
      .map((network) => ({ id: network.id, ...owner(tagMap(network.tags)) })),
    subnets: Object.values(neutron.subnets)
      .filter((subnet) => !external.has(subnet.networkId))
      .map((subnet) => ({
        id: subnet.id,
        network: subnet.networkId,
        cidr: subnet.cidr,
        ...owner(tagMap(subnet.tags)),
      })),
    gateways: Object.values(neutron.routers).map((router) => {
      const network = routerNetworks(router.id);
      return { id: router.id, ...(network === undefined ? {} : { network }), ...owner(tagMap(router.tags)) };
    }),
    identities: [],
    // The Kubernetes state is the served cluster's (tied to Magnum): none without a cluster.
    loadBalancers: clusters.length === 0 ? [] : loadBalancersOf(states.kubernetes),
    addresses: Object.values(neutron.floatingIps).map((address) => ({
      name: address.description || address.id,
      ip: address.floatingIpAddress,
      ...owner(tagMap(address.tags)),
    })),
    calls: callCounts(states.calls),
  };
}
