import type { ResourceDiff, ResourceNode } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import type { ClusterAddonsHook, ObservedClusterAddon } from './cluster-addons.js';
import { CLUSTER_ADDONS_ID, clusterNodeId, type DeploymentContext } from './deployment-context.js';
import { waitUntil } from './wait-until.js';

const MINUTE = 60_000;

/**
 * The cloud-managed add-ons as one step (on EKS: the Pod Identity agent, then the EBS CSI driver
 * bound to its role). Needed before any node mounts a hub's volume, so nodegroups wait for it; in
 * `down` it goes after the nodegroups and before the cluster.
 */
export function clusterAddonsNode(
  context: DeploymentContext,
  hook: ClusterAddonsHook,
): ResourceNode<ObservedClusterAddon[]> {
  const fresh = () => hook.observe();
  const observeAll = async () => {
    const found = await context.cache.read('cluster-addons', fresh);
    return found.length === 0 ? undefined : found;
  };
  const waitFor = (signal: AbortSignal, done: (found: ObservedClusterAddon[]) => boolean) =>
    waitUntil(
      async () => {
        const found = await fresh();
        const failed = found.find((addon) => addon.status === 'failed');
        if (failed !== undefined) {
          throw new HubfleetError({
            kind: 'unavailable',
            retryable: false,
            message: `the cluster add-on ${failed.name} failed`,
            hint: 'look at the add-on in the cloud console, fix what it reports, then run `hubfleet up` again',
            subject: CLUSTER_ADDONS_ID,
          });
        }
        return { done: done(found) };
      },
      { signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
    );

  return {
    id: CLUSTER_ADDONS_ID,
    kind: 'addon',
    layer: 'cluster-addons',
    dependsOn: [clusterNodeId(context.config)],
    typicalDurationMs: 2 * MINUTE,
    waitingOn: `${context.provider.displayName} (${hook.names.join(', ')})`,
    observe: observeAll,
    diff(observed): ResourceDiff {
      const found = observed ?? [];
      const missing = hook.names.filter((name) => !found.some((addon) => addon.name === name));
      if (missing.length > 0) {
        return {
          action: found.length === 0 ? 'create' : 'update',
          reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed`,
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
      return { action: 'noop', reason: `${hook.names.join(', ')} active`, changes: [] };
    },
    async apply(action) {
      if (action === 'delete') return hook.delete();
      return hook.ensure();
    },
    async waitReady(action, step) {
      if (action === 'delete') return waitFor(step.signal, (found) => found.length === 0);
      await waitFor(step.signal, (found) =>
        hook.names.every((name) => found.some((addon) => addon.name === name && addon.status === 'active')),
      );
    },
  };
}
