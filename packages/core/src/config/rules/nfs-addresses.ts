import { fixedAddressCapacity } from '../../kubernetes/storage/nfs-cluster-ip.js';
import { serviceCidrFor } from '../../kubernetes/storage/service-cidr.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error } from '../issues.js';

/**
 * Every shared-nfs hub's NFS server takes one of the fixed addresses Kubernetes keeps for Services
 * with a chosen clusterIP (`nfsClusterIps`): more hubs than addresses cannot be placed, which `plan`
 * and `render` would only find out after `validate` said yes. Reported at the first hub that does
 * not fit. The range is the one `render` places them in: the provider's documented default.
 */
export function checkNfsAddresses(config: HubfleetConfig, provider: ProviderV1): ConfigIssue[] {
  const capacity = fixedAddressCapacity(serviceCidrFor(provider, {}));
  const shared = config.hubs
    .map((hub, index) => ({ hub, index }))
    .filter(({ hub }) => hub.storage.home === 'shared-nfs');
  const first = shared[capacity];
  if (first === undefined) return [];
  return [
    error(
      ['hubs', first.index, 'storage', 'home'],
      `${shared.length} hubs use shared-nfs storage, and only ${capacity} fixed addresses are there for their NFS servers; hub "${first.hub.name}" is the first that does not fit`,
      'use home: per-user-volume for some hubs, or split the hubs over two deployments',
    ),
  ];
}
