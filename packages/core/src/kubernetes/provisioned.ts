import type { VolumeAttachmentV1 } from '../provider/v1/session.js';

/**
 * Facts that exist only after the cloud is provisioned. `up` fills them from the provider; `render`
 * works offline, so it leaves a clearly marked placeholder where each would go.
 */
export interface ProvisionedFacts {
  /** The hub's data volume, by hub name (shared-nfs hubs only). */
  volumes: Record<string, VolumeAttachmentV1 | undefined>;
  /** The ingress load balancer's address, once the cloud gave it one. */
  ingressAddress?: string;
  /**
   * The cluster's Service range as the cloud reports it; absent offline (`render`), where the
   * provider's `defaultServiceCidr` stands in.
   */
  serviceCidr?: string;
  /** Service IPs that exist in the cluster, read when a fixed IP might move (see `LiveServiceIps`). */
  liveServiceIps?: LiveServiceIps;
}

/** Fixed Service IPs already in use: they never move, and no other Service may take them. */
export interface LiveServiceIps {
  /** The clusterIP of each hub's NFS server Service that exists, by hub. */
  nfsServers: Record<string, string>;
  /** Every other clusterIP in the cluster's range. */
  taken: string[];
}

/** `<provisioned: what>`: unmistakable in a values file, and never a valid cloud id. */
export function provisionedPlaceholder(what: string): string {
  return `<provisioned: ${what}>`;
}

export function isProvisionedPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('<provisioned: ') && value.endsWith('>');
}

export const NO_PROVISIONED_FACTS: ProvisionedFacts = { volumes: {} };
