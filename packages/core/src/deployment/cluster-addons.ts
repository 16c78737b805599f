import type { ProviderSessionV1, ResourceStatusV1 } from '../provider/v1/session.js';

/** One cloud-managed add-on as observed (e.g. EKS's `aws-ebs-csi-driver`). */
export interface ObservedClusterAddon {
  name: string;
  status: ResourceStatusV1;
  version?: string;
}

/**
 * Cluster add-ons a cloud manages through its own API rather than helm (on EKS: the Pod Identity
 * agent and the EBS CSI driver). Not part of the provider contract: a session that has them offers
 * `clusterAddons`, and the deployment graph finds it by shape, so core never names a cloud.
 */
export interface ClusterAddonsHook {
  /** The add-ons `ensure` makes, so a partly made set is recognised as such. */
  readonly names: readonly string[];
  observe(): Promise<ObservedClusterAddon[]>;
  /** Create what is missing; returns once the cloud has accepted the requests. */
  ensure(): Promise<void>;
  /** Remove them from a cluster that stays (deleting the cluster removes them anyway). */
  delete(): Promise<void>;
}

/** The session's `clusterAddons`, when it has one of the right shape. */
export function clusterAddonsOf(session: ProviderSessionV1): ClusterAddonsHook | undefined {
  const hook = (session as { clusterAddons?: unknown }).clusterAddons;
  if (hook === null || typeof hook !== 'object') return undefined;
  const candidate = hook as Partial<ClusterAddonsHook>;
  const shaped =
    Array.isArray(candidate.names) &&
    typeof candidate.observe === 'function' &&
    typeof candidate.ensure === 'function' &&
    typeof candidate.delete === 'function';
  return shaped ? (candidate as ClusterAddonsHook) : undefined;
}
