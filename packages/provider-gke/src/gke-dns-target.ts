import type { ProviderResourceDiffV1, ProviderResourceV1 } from '@hubfleet/core';
import type { ObservedAddress, StaticAddressApi } from './gke-address.js';

/** The label that says an address is this deployment's DNS target (labels are the state). */
export const SERVING_LABEL = 'hubfleet-serving';

/**
 * `address/<name>`: the static address serving as the deployment's DNS target, a step of its own so
 * that `plan` shows it, `status` reports the IP to point `ingress.host` at, and `down` decides its
 * fate. It observes the address when it is this deployment's (its ownership labels, or the
 * `hubfleet-serving` mark); `up` marks it as serving. An address change breaks DNS, so the address
 * holds data (`holdsData`): `down` keeps it (retained, mark and labels intact, so the next `up`
 * finds it), and only `down --delete-data` with every hub's `onDelete: delete` releases it, once
 * ingress-nginx's load balancer no longer holds it. An adopted address is never released. The
 * address is reserved early, in the cluster step; this step runs once the cluster stands and
 * before ingress-nginx.
 */
export function gkeDnsTarget(
  address: StaticAddressApi,
  host: string,
  deployment: string,
): ProviderResourceV1<ObservedAddress> | undefined {
  const name = address.name;
  if (name === undefined) return undefined;
  const serving = (observed: ObservedAddress) => observed.labels[SERVING_LABEL] === deployment;
  return {
    name,
    kind: 'address',
    waitingOn: `Compute Engine (address ${name})`,
    typicalDurationMs: 10_000,
    dependsOn: ['cluster'],
    requiredBy: ['tool:ingress-nginx'],
    async observe() {
      const observed = await address.observe();
      return observed !== undefined && (observed.owned || serving(observed)) ? observed : undefined;
    },
    diff(observed): ProviderResourceDiffV1 {
      if (observed === undefined) {
        return { action: 'create', reason: `reserve ${name} (or adopt it) as the address of ${host}` };
      }
      if (!serving(observed)) {
        // Reserved already (the cluster step reserves it early): what is left to make is the mark.
        return {
          action: 'create',
          reason: `mark ${name} (${observed.ip || 'no IP yet'}) as the address of ${host}`,
          changes: [{ field: `labels.${SERVING_LABEL}`, to: deployment }],
        };
      }
      return { action: 'noop', reason: `${observed.ip}: point ${host} here` };
    },
    holdsData: (observed) => ({
      what: `the static address ${name} (${observed.ip || 'no IP yet'}) that ${host}'s DNS points at`,
      ...address.dataPolicy(observed),
    }),
    async apply(action) {
      if (action === 'delete') return address.release();
      await address.ensure();
      await address.setServing(deployment);
    },
    ready: (observed) => observed.ip !== '' && serving(observed),
  };
}
