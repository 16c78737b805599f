import type { OpenStackServiceType } from '../errors/openstack-error.js';

/**
 * The services that negotiate microversions: the name their `OpenStack-API-Version` header uses,
 * and the highest version this client was written against (what it sends when the cloud allows).
 */
export interface MicroversionService {
  header: string;
  wanted: string;
}

export const MICROVERSION_SERVICES: Readonly<Partial<Record<OpenStackServiceType, MicroversionService>>> = {
  // 1.14: nodegroup node_labels and node_taints; 1.10: zero-node nodegroups.
  'container-infra': { header: 'container-infra', wanted: '1.14' },
  // 2.79: server tags at create (2.52), attachment tags, delete_on_termination in attachments.
  compute: { header: 'compute', wanted: '2.79' },
  // 3.64: volume attachments API (3.27), generic metadata filters (3.34), encryption_key_id shown.
  'block-storage': { header: 'volume', wanted: '3.64' },
};
