import type { NodeGroupConfig } from '../config/cluster.js';
import type { ChangeAction, ResourceDiff, ResourceNode, StepContext } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import { isSameMinorVersion } from '../provider/v1/kubernetes-version.js';
import type { ObservedNodeGroupV1 } from '../provider/v1/session.js';
import { type DeploymentContext, nodeGroupNodeId, typicalDurationMs } from './deployment-context.js';
import { nodeGroupVersionChange } from './kubernetes-upgrade.js';
import { diffNodeGroup, inPlaceChanges } from './nodegroup-diff.js';
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
 * One nodegroup. A Kubernetes version older than the config's is rolled up after the control plane
 * (the nodegroup depends on the cluster); with user pods on it that needs `--allow-replace`, since
 * draining the nodes ends their sessions. Every nodegroup is found in one `nodeGroups.list()` per plan. User pods are counted
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
  const versionDue = (observed: ObservedNodeGroupV1) =>
    nodeGroupVersionChange(context.config, observed.kubernetesVersion);
  const onDesiredVersion = (observed: ObservedNodeGroupV1) =>
    observed.kubernetesVersion === undefined ||
    isSameMinorVersion(context.config.cluster.kubernetesVersion, observed.kubernetesVersion);

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
      // A rolling upgrade drains every node, so it ends sessions just as a replacement does.
      const atRisk =
        group === undefined ||
        session.nodeGroups.requiresReplacement(group, observed) ||
        versionDue(observed) !== undefined;
      return { group: observed, userPods: atRisk ? await userPodsOn(context, name) : 0 };
    },
    diff(observed): ResourceDiff {
      if (group === undefined) return { action: 'delete', reason: 'no longer in the config', changes: [] };
      const version = observed === undefined ? undefined : versionDue(observed.group);
      return diffNodeGroup(
        session.nodeGroups,
        group,
        observed?.group,
        context.provider.capabilities.nodeLabelsReachNodes,
        version,
      );
    },
    async apply(action: ChangeAction, observed, step) {
      if (action === 'delete') return session.nodeGroups.delete(name);
      if (group === undefined) return;
      if (action === 'create') return session.nodeGroups.create(group);
      if (action === 'update') {
        if (observed?.group.status !== 'active') return;
        context.warnings.push(...(await session.nodeGroups.update(group, observed.group)));
        if (versionDue(observed.group) === undefined) return;
        // The version went first; sizes, labels and taints follow once the nodes have rolled.
        await waitFor(step, (current) => current?.status === 'active' && onDesiredVersion(current));
        const rolled = await fresh();
        const labelsOnCloud = context.provider.capabilities.nodeLabelsReachNodes;
        if (rolled !== undefined && inPlaceChanges(group, rolled, labelsOnCloud).length > 0) {
          context.warnings.push(...(await session.nodeGroups.update(group, rolled)));
        }
        return;
      }
      await session.nodeGroups.delete(name);
      await waitFor(step, (current) => current === undefined);
      await session.nodeGroups.create(group);
    },
    async waitReady(action, step) {
      if (action === 'delete') return waitFor(step, (observed) => observed === undefined);
      await waitFor(
        step,
        (observed) => observed?.status === 'active' && (action !== 'update' || onDesiredVersion(observed)),
      );
    },
    safetyFacts: (observed) => ({
      userPods: observed?.userPods ?? 0,
      ...(observed !== undefined && versionDue(observed.group) !== undefined ? { rollsNodes: true } : {}),
    }),
  };
}
