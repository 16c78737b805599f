import type { Cluster } from './cluster.js';
import { withTimes } from './conditions.js';
import { createAsController, writeObject, writeStatus } from './controller-writes.js';
import { asRecord, cloneJson, deepEqual, type KubeObject, labelsOf, metadataOf } from './kube-object.js';
import type { KubernetesNodeGroup } from './node-group.js';
import { builtInResourceType } from './resource-types.js';
import { listStored, removeStored } from './store.js';

/** The annotation that marks a Node as belonging to a node group the fake manages. */
export const NODE_GROUP_ANNOTATION = 'testkit.hubfleet.io/node-group';
/** The taints the group last set on a Node, so a taint the group drops goes and others stay. */
const GROUP_TAINTS_ANNOTATION = 'testkit.hubfleet.io/node-group-taints';
const MANAGER = 'kubelet';

type Taint = { key: string; value?: string; effect: string };
const sameSlot = (left: Taint, right: Taint) => left.key === right.key && left.effect === right.effect;

/**
 * A node's taints once its group's are enforced: the group's own set (replacing any with the same
 * key and effect), the ones it set before and no longer has removed, every other taint kept. A cloud
 * carries a group's taints to its nodes, but does not wipe taints someone else (e.g. hubfleet on a
 * cloud whose taints never reach nodes) put there.
 */
function syncedTaints(
  current: readonly Taint[],
  group: readonly Taint[],
  previous: readonly Taint[],
): Taint[] {
  const others = current.filter(
    (taint) => !group.some((own) => sameSlot(own, taint)) && !previous.some((own) => sameSlot(own, taint)),
  );
  return [...others, ...group];
}

function previousGroupTaints(node: KubeObject): Taint[] {
  const text = asRecord(asRecord(node.metadata)?.annotations)?.[GROUP_TAINTS_ANNOTATION];
  if (typeof text !== 'string') return [];
  try {
    return JSON.parse(text) as Taint[];
  } catch {
    return [];
  }
}

const NODES = builtInResourceType('', 'nodes');
const PODS = builtInResourceType('', 'pods');

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'group'
  );
}

/** The Node name for a group's `index`th node. */
export function nodeName(group: KubernetesNodeGroup, index: number): string {
  return group.nodeNames?.[index] ?? `${slug(group.name)}-node-${index}`;
}

function nodeLabels(group: KubernetesNodeGroup, name: string): Record<string, string> {
  return {
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': 'amd64',
    'node.kubernetes.io/instance-type': group.instanceType,
    'beta.kubernetes.io/instance-type': group.instanceType,
    ...(group.zone ? { 'topology.kubernetes.io/zone': group.zone } : {}),
    ...group.labels,
  };
}

function capacityOf(group: KubernetesNodeGroup): Record<string, string> {
  const gpu = group.capacity['nvidia.com/gpu'];
  return {
    cpu: String(group.capacity.cpu),
    memory: group.capacity.memory,
    pods: String(group.capacity.pods ?? 110),
    ...(gpu !== undefined && String(gpu) !== '0' ? { 'nvidia.com/gpu': String(gpu) } : {}),
  };
}

function nodeStatus(
  cluster: Cluster,
  group: KubernetesNodeGroup,
  name: string,
  address: string,
  previous: unknown,
): Record<string, unknown> {
  const capacity = capacityOf(group);
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: withTimes(
      asRecord(previous)?.conditions,
      [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      cluster.clock.now(),
      ['lastHeartbeatTime'],
    ),
    addresses: [
      { type: 'InternalIP', address },
      { type: 'Hostname', address: name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      kubeletVersion: group.kubeletVersion ?? cluster.settings.gitVersion,
      kubeProxyVersion: cluster.settings.gitVersion,
      operatingSystem: 'linux',
      architecture: 'amd64',
      osImage: 'Ubuntu 24.04 LTS',
      kernelVersion: '6.8.0-1015',
      containerRuntimeVersion: 'containerd://1.7.27',
      machineID: '',
      systemUUID: '',
      bootID: '',
    },
  };
}

function desiredNodes(
  groups: readonly KubernetesNodeGroup[],
): Map<string, { group: KubernetesNodeGroup; address: string }> {
  const desired = new Map<string, { group: KubernetesNodeGroup; address: string }>();
  groups.forEach((group, groupIndex) => {
    for (let index = 0; index < Math.max(0, Math.floor(group.desired)); index++) {
      desired.set(nodeName(group, index), {
        group,
        address: `10.0.${groupIndex % 256}.${(index + 10) % 256}`,
      });
    }
  });
  return desired;
}

function removeNodeAndItsPods(cluster: Cluster, name: string): void {
  for (const pod of listStored(cluster.state, PODS)) {
    if (asRecord(pod.object.spec)?.nodeName === name) removeStored(cluster.state, pod);
  }
  const node = listStored(cluster.state, NODES).find((stored) => stored.name === name);
  if (node) removeStored(cluster.state, node);
}

/**
 * Keep one Ready Node per desired node of every group: created with the group's labels, taints
 * and capacity, updated when the group changes, removed (with the pods bound to it) when the group
 * shrinks or goes. Nodes created through the API, without the annotation, are left alone.
 */
export function syncNodes(cluster: Cluster): void {
  const provider = cluster.settings.nodeGroups;
  if (provider) cluster.state.nodeGroups = cloneJson([...provider()]);
  const desired = desiredNodes(cluster.state.nodeGroups);
  for (const stored of listStored(cluster.state, NODES)) {
    const managed =
      asRecord(asRecord(stored.object.metadata)?.annotations)?.[NODE_GROUP_ANNOTATION] !== undefined;
    if (managed && !desired.has(stored.name)) removeNodeAndItsPods(cluster, stored.name);
  }
  for (const [name, { group, address }] of desired) {
    const labels = nodeLabels(group, name);
    const taints = (group.taints ?? []).map((taint) => ({ ...taint }));
    let stored = listStored(cluster.state, NODES).find((candidate) => candidate.name === name);
    const groupTaints = JSON.stringify(taints);
    if (!stored) {
      const node: KubeObject = {
        metadata: {
          name,
          labels,
          annotations: { [NODE_GROUP_ANNOTATION]: group.name, [GROUP_TAINTS_ANNOTATION]: groupTaints },
        },
        spec: { providerID: `fake:///${slug(group.name)}/${name}`, ...(taints.length > 0 ? { taints } : {}) },
      };
      stored = createAsController(cluster, NODES, undefined, node, MANAGER);
    } else {
      const current = (asRecord(stored.object.spec)?.taints ?? []) as Taint[];
      const wanted = syncedTaints(current, taints, previousGroupTaints(stored.object));
      const stale =
        !deepEqual(current, wanted) ||
        Object.entries(labels).some(([key, value]) => labelsOf(stored?.object ?? {})[key] !== value);
      if (stale) {
        writeObject(
          cluster,
          stored,
          (node) => {
            const metadata = metadataOf(node);
            metadata.labels = { ...labelsOf(node), ...labels };
            metadata.annotations = {
              ...asRecord(metadata.annotations),
              [GROUP_TAINTS_ANNOTATION]: groupTaints,
            };
            const spec = { ...asRecord(node.spec) };
            if (wanted.length > 0) spec.taints = wanted;
            else delete spec.taints;
            node.spec = spec;
          },
          MANAGER,
        );
      }
    }
    if (stored)
      writeStatus(cluster, stored, nodeStatus(cluster, group, name, address, stored.object.status), MANAGER);
  }
}
