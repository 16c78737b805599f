import type { NodeGroupConfig } from '../../config/cluster.js';
import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProfileConfig } from '../../config/hub.js';
import { USER_PRIORITY_CLASS_NAME, USER_SCHEDULER_NAME } from '../placeholders/index.js';
import { nodeGroupTaints, placementOn, type Toleration, tolerationsFor } from '../placement.js';
import type { Values } from './deep-merge.js';

type Cluster = Pick<HubfleetConfig, 'cluster'>;

/** Where user servers run unless a profile says otherwise: the first `users` nodegroup. */
export function defaultUserNodeGroup(config: Cluster): NodeGroupConfig {
  const group = config.cluster.nodeGroups.find((candidate) => candidate.role === 'users');
  if (!group) throw new Error('a validated config always has a users nodegroup');
  return group;
}

/**
 * The nodegroup a profile's servers run on: the one it names, else the first `gpu` group for a GPU
 * profile, else undefined (the hub's default placement).
 */
export function profileNodeGroup(config: Cluster, profile: ProfileConfig): NodeGroupConfig | undefined {
  const groups = config.cluster.nodeGroups;
  if (profile.nodeGroup !== undefined) return groups.find((group) => group.name === profile.nodeGroup);
  if (profile.gpu !== undefined) return groups.find((group) => group.role === 'gpu');
  return undefined;
}

function uniqueTolerations(tolerations: readonly Toleration[]): Toleration[] {
  const seen = new Map(tolerations.map((toleration) => [JSON.stringify(toleration), toleration]));
  return [...seen.values()];
}

/**
 * Hub and proxy must run on `core` nodes (hard to scale down, as the placement design wants); they
 * tolerate whatever extra taints the core groups carry.
 */
function corePodValues(config: Cluster): Values {
  const coreGroups = config.cluster.nodeGroups.filter((group) => group.role === 'core');
  const tolerations = uniqueTolerations(
    coreGroups.flatMap((group) => tolerationsFor(nodeGroupTaints(group))),
  );
  return { nodeAffinity: { matchNodePurpose: 'require' }, tolerations };
}

/**
 * Placement and scheduling of every pod of a hub. z2jh's per-hub user scheduler, pod priorities and
 * placeholders are off: hubfleet runs one user scheduler, one user PriorityClass and the placeholders
 * for the whole cluster, so warm seats serve every hub. KubeSpawner is pointed at them through its own
 * traits (`scheduler_name`, `priority_class_name`), which z2jh only sets for its per-hub versions.
 * User pods require `node-purpose=user` nodes and land on the default users group unless a profile
 * overrides the node selector and tolerations.
 */
export function schedulingValues(config: Cluster): Values {
  const users = placementOn(defaultUserNodeGroup(config));
  return {
    scheduling: {
      userScheduler: { enabled: false },
      podPriority: { enabled: false },
      userPlaceholder: { enabled: false },
      corePods: corePodValues(config),
      userPods: { nodeAffinity: { matchNodePurpose: 'require' }, tolerations: users.tolerations },
    },
    singleuser: { nodeSelector: users.nodeSelector },
    hub: {
      config: {
        KubeSpawner: { scheduler_name: USER_SCHEDULER_NAME, priority_class_name: USER_PRIORITY_CLASS_NAME },
      },
    },
  };
}
