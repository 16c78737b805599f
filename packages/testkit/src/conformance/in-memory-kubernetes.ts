import type { ProviderSessionV1 } from '@hubfleet/core';
import { createCallLog } from '../framework/call-log.js';
import type { Clock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import { type KubernetesNodeGroup, startKubernetesFake } from '../kubernetes/index.js';
import type { InMemorySession } from './in-memory-session.js';

/** What the in-memory cloud itself puts on a nodegroup's nodes (as Magnum puts its node group name). */
export const IN_MEMORY_NODEGROUP_LABEL = 'memory.hubfleet.test/nodegroup';

export interface InMemoryKubernetesOptions {
  /**
   * Whether the nodegroups' labels and taints reach their nodes (as `capabilities.nodeLabelsReachNodes`
   * declares); without, nodes carry only `IN_MEMORY_NODEGROUP_LABEL` and the session offers a
   * `nodeSelector` on it. @default true
   */
  labelsReachNodes?: boolean;
}

/**
 * The in-memory cloud's session with a Kubernetes fake behind its kubeconfig (HTTPS, a client
 * certificate signed by the cluster CA): one Node per desired
 * node of every active nodegroup, on the session's clock. Call `close` when done.
 */
export async function withInMemoryKubernetes(
  session: InMemorySession,
  clock: Clock,
  options: InMemoryKubernetesOptions = {},
): Promise<{ session: ProviderSessionV1; close(): Promise<void> }> {
  const reach = options.labelsReachNodes ?? true;
  const nodeGroups = (): KubernetesNodeGroup[] =>
    Object.values(session.state.clusters).flatMap((cluster) =>
      Object.entries(cluster.nodeGroups)
        .filter(([, group]) => group.status === 'active')
        .map(([name, group]) => ({
          name,
          desired: group.desired,
          instanceType: group.instanceType,
          labels: { [IN_MEMORY_NODEGROUP_LABEL]: name, ...(reach ? group.labels : {}) },
          ...(reach ? { taints: group.taints } : {}),
          capacity: { cpu: 4, memory: '16Gi' },
        })),
    );
  const fake = await startKubernetesFake({
    clock,
    faults: createFaultInjector(),
    callLog: createCallLog(),
    nodeGroups,
    // As kubeadm's and Magnum's API servers: TLS with the cluster CA, client certificates only.
    tls: true,
    tokens: 'none',
  });
  const kubeconfig = await fake.kubeconfig({
    kind: 'client-certificate',
    user: 'kubernetes-admin',
    groups: ['system:masters'],
  });
  const cluster = { ...session.cluster, kubeconfig: async () => kubeconfig };
  const nodeGroupApi = reach
    ? session.nodeGroups
    : { ...session.nodeGroups, nodeSelector: (name: string) => `${IN_MEMORY_NODEGROUP_LABEL}=${name}` };
  return { session: { ...session, cluster, nodeGroups: nodeGroupApi }, close: () => fake.close() };
}
