import type { ChangeAction, ResourceDiff, ResourceNode, StepContext } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import { OwnershipTag } from '../provider/v1/ownership.js';
import type { ObservedClusterV1 } from '../provider/v1/session.js';
import { clusterNodeId, type DeploymentContext } from './deployment-context.js';
import { waitUntil } from './wait-until.js';

const MINUTE = 60_000;

function isMinor(desired: string, observed: string): boolean {
  const version = observed.replace(/^v/, '');
  return version === desired || version.startsWith(`${desired}.`);
}

function failure(observed: ObservedClusterV1): HubfleetError {
  return new HubfleetError({
    kind: 'unavailable',
    retryable: false,
    message: `the cluster ${observed.name} failed${observed.statusReason ? `: ${observed.statusReason}` : ''}`,
    hint: 'look at the cluster in the cloud console; delete it with `hubfleet down`, then run `hubfleet up` again',
    subject: `cluster/${observed.name}`,
  });
}

/**
 * The Kubernetes cluster (control plane). Create makes the network and roles it needs first (the
 * provider's job); delete waits until the cluster is gone and then asks the provider once more, which
 * releases the network and roles hubfleet created for it.
 */
export function clusterNode(context: DeploymentContext): ResourceNode<ObservedClusterV1> {
  const { session, config } = context;
  const id = clusterNodeId(config);
  const fresh = () => session.cluster.observe();
  const wait = (step: StepContext, check: (observed: ObservedClusterV1 | undefined) => boolean) =>
    waitUntil(
      async () => {
        const observed = await fresh();
        if (observed?.status === 'failed') throw failure(observed);
        return { done: check(observed) };
      },
      { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
    );
  const gone = async (step: StepContext) => {
    await wait(step, (observed) => observed === undefined);
    // The cluster is gone: this call finds none and removes the network and roles made for it.
    await session.cluster.delete();
  };

  return {
    id,
    kind: 'cluster',
    layer: 'cloud',
    dependsOn: [],
    typicalDurationMs: 12 * MINUTE,
    waitingOn: `${context.provider.displayName} (the control plane)`,
    observe: () => context.cache.read('cluster', fresh),
    diff(observed): ResourceDiff {
      if (observed === undefined) return { action: 'create', reason: 'does not exist', changes: [] };
      if (observed.status === 'deleting') {
        return {
          action: 'create',
          reason: 'is being deleted; it is made again once it is gone',
          changes: [],
        };
      }
      if (observed.status === 'failed') {
        return {
          action: 'replace',
          reason: `the cloud reports it failed${observed.statusReason ? `: ${observed.statusReason}` : ''}`,
          changes: [{ field: 'status', from: 'failed', to: 'active' }],
        };
      }
      if (observed.status !== 'active') {
        return {
          action: 'update',
          reason: `still ${observed.status} after an earlier run: wait until it is active`,
          changes: [{ field: 'status', from: observed.status, to: 'active' }],
        };
      }
      if (observed.tags[OwnershipTag.deployment] !== config.name) {
        return {
          action: 'update',
          reason: 'its ownership tags are missing',
          changes: [{ field: `tags.${OwnershipTag.deployment}`, to: config.name }],
        };
      }
      const desired = config.cluster.kubernetesVersion;
      if (!isMinor(desired, observed.kubernetesVersion)) {
        return {
          action: 'noop',
          reason: `runs Kubernetes ${observed.kubernetesVersion}, the config asks for ${desired}: hubfleet does not upgrade clusters yet`,
          changes: [],
        };
      }
      return { action: 'noop', reason: 'matches the config', changes: [] };
    },
    async apply(action: ChangeAction, observed, step) {
      if (action === 'create') return session.cluster.create();
      if (action === 'update') {
        if (observed?.status === 'active') context.warnings.push(...(await session.cluster.update(observed)));
        return;
      }
      await session.cluster.delete();
      if (action === 'replace') {
        await wait(step, (current) => current === undefined);
        await session.cluster.create();
      }
    },
    async waitReady(action, step) {
      if (action === 'delete') return gone(step);
      await wait(step, (observed) => observed?.status === 'active');
    },
    safetyFacts: () => ({ cluster: true }),
  };
}
