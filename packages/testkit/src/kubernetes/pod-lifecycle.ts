import { createHash } from 'node:crypto';
import type { Cluster } from './cluster.js';
import { type Condition, withTimes } from './conditions.js';
import { writeObject, writeStatus } from './controller-writes.js';
import {
  asArray,
  asRecord,
  asString,
  childRecord,
  type KubeObject,
  kubernetesTime,
  uidOf,
} from './kube-object.js';
import { placementRejection, podRequests, resourceRejection, unschedulableMessage } from './scheduling.js';
import { listStored, type StoredObject } from './store.js';

const PODS = { group: '', plural: 'pods' };
const NODES = { group: '', plural: 'nodes' };

function podIp(pod: KubeObject): string {
  const digest = createHash('sha256').update(uidOf(pod)).digest();
  return `10.1.${digest[0] ?? 0}.${Math.max(1, digest[1] ?? 1)}`;
}

function qosClass(podSpec: Record<string, unknown>): string {
  const containers = asArray(podSpec.containers).map(
    (container) => asRecord(asRecord(container)?.resources) ?? {},
  );
  if (Object.keys(podRequests(podSpec)).length === 0) return 'BestEffort';
  const guaranteed = containers.every((resources) => {
    const limits = asRecord(resources.limits) ?? {};
    const requests = { ...limits, ...asRecord(resources.requests) };
    return ['cpu', 'memory'].every((name) => limits[name] !== undefined && limits[name] === requests[name]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Pick a node for a pending pod: first fit by name; undefined with the reasons when none fits. */
function chooseNode(
  cluster: Cluster,
  pod: StoredObject,
  nodes: readonly StoredObject[],
): { node?: string; rejections: string[] } {
  const podSpec = asRecord(pod.object.spec) ?? {};
  const pods = listStored(cluster.state, PODS).map((stored) => stored.object);
  const rejections: string[] = [];
  for (const node of nodes) {
    const onNode = pods.filter(
      (other) => asRecord(other.spec)?.nodeName === node.name && uidOf(other) !== uidOf(pod.object),
    );
    const rejection =
      placementRejection(node.object, podSpec) ?? resourceRejection(node.object, podSpec, onNode);
    if (!rejection) return { node: node.name, rejections };
    rejections.push(rejection);
  }
  return { rejections };
}

function pendingStatus(pod: KubeObject, conditions: Condition[], now: number): Record<string, unknown> {
  const previous = asRecord(pod.status) ?? {};
  return {
    phase: 'Pending',
    conditions: withTimes(previous.conditions, conditions, now),
    qosClass: qosClass(asRecord(pod.spec) ?? {}),
  };
}

function runningStatus(
  cluster: Cluster,
  pod: StoredObject,
  nodeAddress: string | undefined,
): Record<string, unknown> {
  const now = cluster.clock.now();
  const previous = asRecord(pod.object.status) ?? {};
  const spec = asRecord(pod.object.spec) ?? {};
  const startTime = asString(previous.startTime) ?? kubernetesTime(now);
  const ip = podIp(pod.object);
  const ready: Condition[] = [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ].map((type) => ({
    type,
    status: 'True',
  }));
  return {
    phase: 'Running',
    conditions: withTimes(previous.conditions, ready, now),
    ...(nodeAddress ? { hostIP: nodeAddress, hostIPs: [{ ip: nodeAddress }] } : {}),
    podIP: ip,
    podIPs: [{ ip }],
    startTime,
    qosClass: qosClass(spec),
    containerStatuses: asArray(spec.containers).map((container) => {
      const name = asString(asRecord(container)?.name) ?? '';
      return {
        name,
        image: asString(asRecord(container)?.image) ?? '',
        imageID: '',
        containerID: `containerd://${createHash('sha256')
          .update(`${uidOf(pod.object)}/${name}`)
          .digest('hex')}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: startTime } },
        lastState: {},
      };
    }),
  };
}

function nodeAddress(node: StoredObject | undefined): string | undefined {
  const addresses = asArray(asRecord(node?.object.status)?.addresses).map(asRecord);
  return asString(addresses.find((address) => address?.type === 'InternalIP')?.address);
}

/**
 * The scheduler and the kubelets: a pending pod is bound to the first node (by name) whose labels,
 * taints and free allocatable resources fit it, or marked Unschedulable with the scheduler's
 * summary; `kubernetes.Pod` after binding it is Running and Ready. With no Node objects at all the
 * pod runs unbound, so clusters without node groups still make progress.
 */
export function progressPods(cluster: Cluster): void {
  const now = cluster.clock.now();
  const nodes = listStored(cluster.state, NODES);
  for (const pod of listStored(cluster.state, PODS)) {
    if (pod.deletingAt !== undefined) continue;
    const status = asRecord(pod.object.status) ?? {};
    if (status.phase !== 'Pending' && status.phase !== undefined) continue;
    const spec = asRecord(pod.object.spec) ?? {};
    let boundTo = asString(spec.nodeName);
    if (!boundTo && nodes.length > 0) {
      const choice = chooseNode(cluster, pod, nodes);
      if (!choice.node) {
        const message = unschedulableMessage(nodes.length, choice.rejections);
        writeStatus(
          cluster,
          pod,
          pendingStatus(
            pod.object,
            [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
            now,
          ),
          'default-scheduler',
        );
        continue;
      }
      boundTo = choice.node;
      const node = boundTo;
      writeObject(
        cluster,
        pod,
        (object) => {
          childRecord(object, 'spec').nodeName = node;
        },
        'default-scheduler',
      );
      continue;
    }
    if (cluster.elapsed(pod.changedAt, 'kubernetes.Pod')) {
      const address = nodeAddress(nodes.find((node) => node.name === boundTo));
      writeStatus(cluster, pod, runningStatus(cluster, pod, address), 'kubelet');
    } else {
      writeStatus(
        cluster,
        pod,
        pendingStatus(pod.object, [{ type: 'PodScheduled', status: 'True' }], now),
        'kubelet',
      );
    }
  }
}
