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
}

/** `<provisioned: what>`: unmistakable in a values file, and never a valid cloud id. */
export function provisionedPlaceholder(what: string): string {
  return `<provisioned: ${what}>`;
}

export function isProvisionedPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('<provisioned: ') && value.endsWith('>');
}

export const NO_PROVISIONED_FACTS: ProvisionedFacts = { volumes: {} };
