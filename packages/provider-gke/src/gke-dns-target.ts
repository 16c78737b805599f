import type { ProviderResourceDiffV1, ProviderResourceV1 } from '@hubfleet/core';
import type { ObservedAddress, StaticAddressApi } from './gke-address.js';

/** The label that says an address is this deployment's DNS target now (labels are the state). */
export const SERVING_LABEL = 'hubfleet-serving';

/**
 * `address/<name>`: the static address serving as the deployment's DNS target, a step of its own so
 * that `plan` shows it, `status` reports the IP to point `ingress.host` at, and `down` takes it out of
 * service. The address itself outlives the deployment (an address change breaks DNS): `delete` only
 * clears its `hubfleet-serving` label, which is what this step observes. The address is reserved
 * early, in the cluster step; this step runs once the cluster stands and before ingress-nginx.
 */
export function gkeDnsTarget(
  address: StaticAddressApi,
  host: string,
  deployment: string,
): ProviderResourceV1<ObservedAddress> | undefined {
  const name = address.name;
  if (name === undefined) return undefined;
  return {
    name,
    kind: 'address',
    waitingOn: `Compute Engine (address ${name})`,
    typicalDurationMs: 10_000,
    dependsOn: ['cluster'],
    requiredBy: ['tool:ingress-nginx'],
    async observe() {
      const observed = await address.observe();
      return observed?.labels[SERVING_LABEL] === deployment ? observed : undefined;
    },
    diff(observed): ProviderResourceDiffV1 {
      if (observed === undefined) {
        return { action: 'create', reason: `reserve ${name} (or adopt it) as the address of ${host}` };
      }
      return { action: 'noop', reason: `${observed.ip}: point ${host} here` };
    },
    async apply(action) {
      if (action === 'delete') return address.setServing(undefined);
      await address.ensure();
      await address.setServing(deployment);
    },
    ready: (observed) => observed.ip !== '',
  };
}
