import type { NodeGroupConfig } from '../config/cluster.js';
import type { ChangeAction, ResourceDiff, ResourceNode, StepContext } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import type { ObservedNodeGroupV1 } from '../provider/v1/session.js';
import { type DeploymentContext, nodeGroupNodeId, typicalDurationMs } from './deployment-context.js';
import { diffNodeGroup } from './nodegroup-diff.js';
import { userPodsOn } from './user-pods.js';
import { waitUntil } from './wait-until.js';

/** A nodegroup as observed, with the user pods on it when they matter (a replace or a delete). */
export interface ObservedNodeGroupStep {
  group: ObservedNodeGroupV1;
  userPods: number;
}

export interface NodeGroupNodeOptions {
  name: string;
  /** The config's nodegroup; absent for one the config no longer has (it is deleted). */
  group?: NodeGroupConfig;
  dependsOn: string[];
}

/**
 * One nodegroup. Every nodegroup is found in one `nodeGroups.list()` per plan. User pods are counted
 * from the Kubernetes API only when the step could end their sessions (replace, delete), so a
 * converged `up` does not pay for it.
 */
export function nodeGroupNode(
  context: DeploymentContext,
  options: NodeGroupNodeOptions,
): ResourceNode<ObservedNodeGroupStep> {
  const { session } = context;
  const { name, group } = options;
  const id = nodeGroupNodeId(name);
  const find = (groups: ObservedNodeGroupV1[]) => groups.find((candidate) => candidate.name === name);
  const fresh = async () => find(await session.nodeGroups.list());

  const waitFor = (step: StepContext, done: (observed: ObservedNodeGroupV1 | undefined) => boolean) =>
    waitUntil(
      async () => {
        const observed = await fresh();
        if (observed?.status === 'failed') {
          throw new HubfleetError({
            kind: 'unavailable',
            retryable: false,
            message: `nodegroup ${name} failed`,
            hint: 'look at the nodegroup in the cloud console (capacity, subnet, IAM), then run `hubfleet up` again',
            subject: id,
          });
        }
        return { done: done(observed) };
      },
      { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
    );

  return {
    id,
    kind: 'nodegroup',
    layer: 'cloud',
    dependsOn: options.dependsOn,
    typicalDurationMs: typicalDurationMs(context, 'nodegroup'),
    waitingOn: `${context.provider.displayName} (nodegroup ${name})`,
    async observe() {
      const observed = find(await context.cache.read('nodegroups', () => session.nodeGroups.list()));
      if (observed === undefined) return undefined;
      const atRisk = group === undefined || session.nodeGroups.requiresReplacement(group, observed);
      return { group: observed, userPods: atRisk ? await userPodsOn(context, name) : 0 };
    },
    diff(observed): ResourceDiff {
      if (group === undefined) return { action: 'delete', reason: 'no longer in the config', changes: [] };
      return diffNodeGroup(
        session.nodeGroups,
        group,
        observed?.group,
        context.provider.capabilities.nodeLabelsReachNodes,
      );
    },
    async apply(action: ChangeAction, observed, step) {
      if (action === 'delete') return session.nodeGroups.delete(name);
      if (group === undefined) return;
      if (action === 'create') return session.nodeGroups.create(group);
      if (action === 'update') {
        if (observed?.group.status === 'active') {
          context.warnings.push(...(await session.nodeGroups.update(group, observed.group)));
        }
        return;
      }
      await session.nodeGroups.delete(name);
      await waitFor(step, (current) => current === undefined);
      await session.nodeGroups.create(group);
    },
    async waitReady(action, step) {
      if (action === 'delete') return waitFor(step, (observed) => observed === undefined);
      await waitFor(step, (observed) => observed?.status === 'active');
    },
    safetyFacts: (observed) => ({ userPods: observed?.userPods ?? 0 }),
  };
}
