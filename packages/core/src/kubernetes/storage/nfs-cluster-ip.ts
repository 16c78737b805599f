import { createHash } from 'node:crypto';
import type { HubConfig } from '../../config/hub.js';
import { HubfleetError } from '../../errors/index.js';
import {
  ipv4ToNumber,
  numberToIpv4,
  parseServiceCidr,
  type ServiceCidr,
  staticBandSize,
} from './service-cidr.js';

/**
 * Offsets no NFS server may take: the network address, the `kubernetes` Service (always the first
 * address) and cluster DNS (the tenth on EKS, GKE and kubeadm clusters).
 */
const RESERVED_OFFSETS: ReadonlySet<number> = new Set([0, 1, 10]);

/** Live addresses win over computed ones: a Service's clusterIP can never change. */
export type LiveClusterIps = Readonly<Record<string, string | undefined>>;

/** What the addresses depend on: the hubs, in config order, and their storage kind. */
export interface HubsOfDeployment {
  hubs: readonly Pick<HubConfig, 'name' | 'storage'>[];
}

function candidateOffsets(range: ServiceCidr): number[] {
  const band = staticBandSize(range);
  const offsets: number[] = [];
  for (let offset = 0; offset < band; offset += 1) {
    const isBroadcast = offset === range.size - 1;
    if (!RESERVED_OFFSETS.has(offset) && !isBroadcast) offsets.push(offset);
  }
  return offsets;
}

/** How many shared-nfs hubs' NFS servers fit in the range's fixed addresses (253 in a /16). */
export function fixedAddressCapacity(serviceCidr: string): number {
  return candidateOffsets(parseServiceCidr(serviceCidr)).length;
}

/** Where a hub's probe starts: a hash of its name only, so the address survives any other change. */
function homeSlot(hubName: string, slots: number): number {
  return createHash('sha256').update(hubName).digest().readUInt32BE(0) % slots;
}

function sharedNfsHubs(deployment: HubsOfDeployment): string[] {
  return deployment.hubs.filter((hub) => hub.storage.home === 'shared-nfs').map((hub) => hub.name);
}

function liveOffset(address: string | undefined, range: ServiceCidr): number | undefined {
  const value = address === undefined ? undefined : ipv4ToNumber(address);
  if (value === undefined) return undefined;
  const offset = value - range.network;
  return offset >= 0 && offset < range.size ? offset : undefined;
}

/**
 * A fixed clusterIP for every shared-nfs hub's NFS server, by hub name.
 *
 * Why fixed: kubelet mounts NFS volumes from the node's own network namespace with the node's
 * resolver, which cannot resolve `*.svc.cluster.local` names (on EKS nodes ask the VPC resolver), so
 * the hub's PersistentVolume must name its server by address, and that address must be known before
 * the Service exists.
 *
 * How: each hub hashes its name to a slot in the range's static band (the low addresses Kubernetes
 * never hands out while higher ones are free), skipping .0, .1 and .10. Hubs are placed in config order
 * and a hub whose slot is taken probes forward to the next free one, so appending a hub never moves an
 * existing one. Removing or reordering hubs could; `live` (the addresses of the Services that exist)
 * pins those first, because a Service's clusterIP, and the PersistentVolume naming it, cannot change;
 * `otherServices` (every other clusterIP in the cluster) are skipped.
 */
export function nfsClusterIps(
  deployment: HubsOfDeployment,
  serviceCidr: string,
  live: LiveClusterIps = {},
  otherServices: readonly string[] = [],
): Map<string, string> {
  const range = parseServiceCidr(serviceCidr);
  const slots = candidateOffsets(range);
  const hubs = sharedNfsHubs(deployment);
  const assigned = new Map<string, number>();
  // Addresses other Services hold are never handed out, so a new NFS server cannot collide with one.
  const taken = new Set<number>(otherServices.flatMap((address) => liveOffset(address, range) ?? []));
  for (const hub of hubs) {
    const offset = liveOffset(live[hub], range);
    if (offset !== undefined && !taken.has(offset)) {
      assigned.set(hub, offset);
      taken.add(offset);
    }
  }
  for (const hub of hubs) {
    if (assigned.has(hub)) continue;
    const offset = probe(slots, homeSlot(hub, slots.length), taken, hub, serviceCidr);
    assigned.set(hub, offset);
    taken.add(offset);
  }
  return new Map(hubs.map((hub) => [hub, numberToIpv4(range.network + (assigned.get(hub) ?? 0))]));
}

function probe(
  slots: readonly number[],
  start: number,
  taken: ReadonlySet<number>,
  hub: string,
  serviceCidr: string,
): number {
  for (let step = 0; step < slots.length; step += 1) {
    const offset = slots[(start + step) % slots.length];
    if (offset !== undefined && !taken.has(offset)) return offset;
  }
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `no fixed address is left for hub "${hub}"'s NFS server: the ${slots.length} addresses Kubernetes reserves for fixed Services in ${serviceCidr} are all taken`,
    hint: 'use per-user-volume storage for some hubs, or a larger Service CIDR',
    subject: `hubs.${hub}.storage`,
  });
}

/** The fixed clusterIP of one hub's NFS server; see {@link nfsClusterIps}. */
export function nfsClusterIp(
  deployment: HubsOfDeployment,
  hub: Pick<HubConfig, 'name'>,
  serviceCidr: string,
  live: LiveClusterIps = {},
  otherServices: readonly string[] = [],
): string {
  const address = nfsClusterIps(deployment, serviceCidr, live, otherServices).get(hub.name);
  if (address === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `hub "${hub.name}" has no NFS server: it is not a shared-nfs hub of this deployment`,
      subject: `hubs.${hub.name}.storage`,
    });
  }
  return address;
}
