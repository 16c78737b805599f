import type { ChangeAction, ResourceDiff, ResourceNode, StepContext } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import { isSameMinorVersion } from '../provider/v1/kubernetes-version.js';
import { OwnershipTag } from '../provider/v1/ownership.js';
import type { ObservedClusterV1 } from '../provider/v1/session.js';
import { clusterNodeId, type DeploymentContext, typicalDurationMs } from './deployment-context.js';
import { clusterVersionDiff } from './kubernetes-upgrade.js';
import { observeClusterFacts } from './service-ips.js';
import { waitUntil } from './wait-until.js';

/** The cluster is gone, but what was made for it (network, roles) is not: `down` still has work. */
export interface ClusterLeftovers {
  leftovers: string[];
}

export type ClusterObservation = ObservedClusterV1 | ClusterLeftovers;

function isCluster(observed: ClusterObservation | undefined): observed is ObservedClusterV1 {
  return observed !== undefined && !('leftovers' in observed);
}

/**
 * The cloud reports the cluster failed. While deleting (Magnum's DELETE_FAILED) that is retryable:
 * the engine observes again and asks for the delete once more, as `openstack coe cluster delete`
 * would be run again; anywhere else it ends the step.
 */
function failure(observed: ObservedClusterV1, deleting = false): HubfleetError {
  return new HubfleetError({
    kind: 'unavailable',
    retryable: deleting,
    message: `the cluster ${observed.name} failed${observed.statusReason ? `: ${observed.statusReason}` : ''}`,
    hint: 'look at the cluster in the cloud console; delete it with `hubfleet down`, then run `hubfleet up` again',
    subject: `cluster/${observed.name}`,
  });
}

/**
 * The Kubernetes cluster (control plane). A newer `kubernetesVersion` is an update, one minor version
 * at a time (`clusterVersionDiff`); the nodegroups depend on the cluster, so they roll after it. Create makes the network and roles it needs first (the
 * provider's job); delete waits until the cluster is gone and then asks the provider once more, which
 * releases the network and roles hubfleet created for it. When the provider can list those leftovers
 * (`cluster.leftovers`), a cluster that is gone while they remain is observed as such, so `down` (and
 * its retries) deletes them rather than calling the step "already gone". With `cluster.baseResources`
 * the plan names that network and those roles on this step.
 */
export function clusterNode(context: DeploymentContext): ResourceNode<ClusterObservation> {
  const { session, config } = context;
  const id = clusterNodeId(config);
  const fresh = () => session.cluster.observe();
  const wait = (
    step: StepContext,
    check: (observed: ObservedClusterV1 | undefined) => boolean,
    deleting = false,
  ) =>
    waitUntil(
      async () => {
        const observed = await fresh();
        if (observed?.status === 'failed') throw failure(observed, deleting);
        return { done: check(observed) };
      },
      { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
    );
  const gone = async (step: StepContext) => {
    await wait(step, (observed) => observed === undefined, true);
    // The cluster is gone: this call finds none and removes the network and roles made for it.
    await session.cluster.delete();
  };

  return {
    id,
    kind: 'cluster',
    layer: 'cloud',
    dependsOn: [],
    typicalDurationMs: typicalDurationMs(context, 'cluster'),
    waitingOn: `${context.provider.displayName} (the control plane)`,
    async observe() {
      const cluster = await observeClusterFacts(context);
      const { leftovers } = session.cluster;
      if (cluster !== undefined || leftovers === undefined) return cluster;
      const left = await context.cache.read('cluster-leftovers', () => leftovers.call(session.cluster));
      return left.length > 0 ? { leftovers: left } : undefined;
    },
    diff(observed): ResourceDiff {
      if (!isCluster(observed)) return { action: 'create', reason: 'does not exist', changes: [] };
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
      return (
        clusterVersionDiff(config, observed.kubernetesVersion) ?? {
          action: 'noop',
          reason: 'matches the config',
          changes: [],
        }
      );
    },
    async apply(action: ChangeAction, observed, step) {
      if (action === 'create') return session.cluster.create();
      if (action === 'update') {
        if (isCluster(observed) && observed.status === 'active') {
          context.warnings.push(...(await session.cluster.update(observed)));
        }
        // Still creating after an earlier run: create again. `create()` is idempotent (the
        // conformance suite's re-plan stage): a managed cloud (EKS, GKE, Magnum) finds its cluster
        // building and returns, and where hubfleet itself builds the cluster (NeCTAR: the control
        // plane VM and kubeadm) it carries on from the last finished step instead of waiting for a
        // cluster nothing is building (a VM past its BUILD timeout, a bootstrap cut short).
        if (isCluster(observed) && observed.status === 'creating') await session.cluster.create();
        return;
      }
      await session.cluster.delete();
      if (action === 'replace') {
        await wait(step, (current) => current === undefined, true);
        await session.cluster.create();
      }
    },
    async waitReady(action, step) {
      if (action === 'delete') return gone(step);
      // After an upgrade the cloud may still answer ACTIVE on the old version for a moment.
      const upgraded = (observed: ObservedClusterV1) =>
        action !== 'update' ||
        isSameMinorVersion(config.cluster.kubernetesVersion, observed.kubernetesVersion);
      await wait(step, (observed) => observed?.status === 'active' && upgraded(observed));
    },
    // Create names what it will make (and what is already there); delete only what exists.
    async includes(action) {
      const { baseResources } = session.cluster;
      if (baseResources === undefined) return [];
      const found = await baseResources.call(session.cluster);
      const wanted = action === 'delete' ? found.filter((item) => item.exists) : found;
      return wanted.map((item) => ({
        kind: item.kind,
        name: item.exists ? item.name : `${item.name} (new)`,
      }));
    },
    safetyFacts: () => ({ cluster: true }),
  };
}
