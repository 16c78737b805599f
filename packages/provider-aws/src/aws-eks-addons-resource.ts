import { HubfleetError, type ProviderResourceDiffV1, type ProviderResourceV1 } from '@hubfleet/core';
import { EKS_ADDON_NAMES, type EksAddonsApi, type ObservedEksAddon } from './aws-eks-addons.js';

const NAME = 'cluster-addons';
const KIND = 'addon';

function listed(names: readonly string[]): string {
  return names.join(', ');
}

/** Missing add-ons first (create, or update when some exist), then ones not yet active. */
export function diffEksAddons(observed: readonly ObservedEksAddon[] | undefined): ProviderResourceDiffV1 {
  const found = observed ?? [];
  const missing = EKS_ADDON_NAMES.filter((name) => !found.some((addon) => addon.name === name));
  if (missing.length > 0) {
    return {
      action: found.length === 0 ? 'create' : 'update',
      reason: `${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not installed`,
      changes: missing.map((name) => ({ field: name, to: 'active' })),
    };
  }
  const busy = found.filter((addon) => addon.status !== 'active');
  if (busy.length > 0) {
    return {
      action: 'update',
      reason: `still ${busy.map((addon) => `${addon.name} ${addon.status}`).join(', ')}: wait until active`,
      changes: busy.map((addon) => ({ field: addon.name, from: addon.status, to: 'active' })),
    };
  }
  return { action: 'noop', reason: `${listed(EKS_ADDON_NAMES)} active`, changes: [] };
}

/** Every add-on active; a failed one ends the wait with the cloud's word for it. */
function eksAddonsReady(found: readonly ObservedEksAddon[]): boolean {
  const failed = found.find((addon) => addon.status === 'failed');
  if (failed !== undefined) {
    throw new HubfleetError({
      kind: 'unavailable',
      retryable: false,
      message: `the cluster add-on ${failed.name} failed`,
      hint: 'look at the add-on in the cloud console, fix what it reports, then run `hubfleet up` again',
      subject: `${KIND}/${NAME}`,
    });
  }
  return EKS_ADDON_NAMES.every((name) =>
    found.some((addon) => addon.name === name && addon.status === 'active'),
  );
}

/**
 * The EKS add-ons (Pod Identity agent, EBS CSI driver) as one step of the deployment graph: after
 * the cluster, before every nodegroup (no node may mount a hub's EBS volume without the driver), so
 * in `down` after the nodegroups and before the cluster.
 */
export function eksAddonsResource(api: EksAddonsApi): ProviderResourceV1<ObservedEksAddon[]> {
  return {
    name: NAME,
    kind: KIND,
    layer: 'cluster-addons',
    waitingOn: `AWS EKS (${listed(EKS_ADDON_NAMES)})`,
    typicalDurationMs: 2 * 60_000,
    dependsOn: ['cluster'],
    requiredBy: ['nodegroups'],
    async observe() {
      const found = await api.observe();
      return found.length === 0 ? undefined : found;
    },
    diff: diffEksAddons,
    apply: (action) => (action === 'delete' ? api.delete() : api.ensure()),
    ready: eksAddonsReady,
  };
}
