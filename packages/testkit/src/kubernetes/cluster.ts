import type { Clock, Durations } from '../framework/index.js';
import { durationOf } from '../framework/index.js';
import type { KubeObject } from './kube-object.js';
import type { KubernetesNodeGroup } from './node-group.js';
import type { ServiceRange } from './service-range.js';
import { allStored, type KubernetesState } from './store.js';
import { createTypeRegistry, type TypeRegistry } from './type-registry.js';

/** The address a LoadBalancer Service is given once its modelled provisioning is over. */
export interface LoadBalancerIngress {
  hostname?: string;
  ip?: string;
}

/** Cluster-wide behaviour a caller can set. */
export interface ClusterSettings {
  /** `/version`'s gitVersion, and every node's kubeletVersion. */
  gitVersion: string;
  /** The ingress a LoadBalancer Service gets; `index` counts the load balancers assigned so far. */
  loadBalancerIngress(service: KubeObject, index: number): LoadBalancerIngress;
  /** Where ClusterIPs come from. */
  serviceRange: ServiceRange;
  /** When set, called on every request: the node groups Node objects are kept in line with. */
  nodeGroups?: () => readonly KubernetesNodeGroup[];
  /**
   * A change to a LoadBalancer Service's annotations (and the controller's start) makes the cloud
   * controller ensure its load balancer again and write the address it finds now (e.g. a floating IP
   * associated meanwhile), as Kubernetes' service controller does. @default false: written once
   */
  resyncLoadBalancers?: boolean;
}

/** Everything the handlers and the modelled controllers share. */
export interface Cluster {
  readonly state: KubernetesState;
  readonly clock: Clock;
  readonly durations: Durations;
  readonly settings: ClusterSettings;
  /** The types served now (built-ins + CRDs). */
  types(): TypeRegistry;
  /** Whether the modelled duration of `operation` (e.g. `kubernetes.Deployment`) has passed since `since`. */
  elapsed(since: number, operation: string): boolean;
  /** How many whole modelled durations of `operation` have passed since `since` (Infinity for a zero duration). */
  periodsSince(since: number, operation: string): number;
}

/** Durations the framework's table does not carry, in modelled milliseconds. */
export const KUBERNETES_EXTRA_DURATIONS: Durations = {
  'kubernetes.Pod': 5_000,
  'kubernetes.Job': 20_000,
  'kubernetes.ReplicaSet': 30_000,
};

/** A cluster over `state`. */
export function createCluster(
  state: KubernetesState,
  clock: Clock,
  durations: Durations,
  settings: ClusterSettings,
): Cluster {
  let cached: { version: number; registry: TypeRegistry } | undefined;
  const scaledDuration = (operation: string) => clock.scaled(durationOf(durations, operation));
  return {
    state,
    clock,
    durations,
    settings,
    types() {
      if (cached?.version !== state.resourceVersion) {
        const definitions = allStored(state)
          .filter(
            (stored) =>
              stored.group === 'apiextensions.k8s.io' && stored.plural === 'customresourcedefinitions',
          )
          .map((stored) => stored.object);
        cached = { version: state.resourceVersion, registry: createTypeRegistry(definitions) };
      }
      return cached.registry;
    },
    elapsed(since, operation) {
      return clock.now() - since >= scaledDuration(operation);
    },
    periodsSince(since, operation) {
      const duration = scaledDuration(operation);
      if (duration <= 0) return Number.POSITIVE_INFINITY;
      return Math.floor(Math.max(0, clock.now() - since) / duration);
    },
  };
}
