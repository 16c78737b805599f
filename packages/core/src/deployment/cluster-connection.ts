import { HubfleetError } from '../errors/index.js';
import { createKubeCall, type KubeRetryOptions } from '../kubernetes/install/kube-client.js';
import { createKubeTransport } from '../kubernetes/install/kube-transport.js';
import { loadKubeconfig } from '../kubernetes/install/kubeconfig.js';
import { createManifestApplier } from '../kubernetes/install/manifest-applier.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import type { ClusterApiV1 } from '../provider/v1/session.js';
import type { ReadCache } from './read-cache.js';

/** The cluster's API, when there is one. */
export interface ClusterConnection {
  /** Access to the Kubernetes API, or undefined when the cluster (or its endpoint) does not exist yet. */
  access(): Promise<ClusterAccess | undefined>;
  /** Access, or a retryable error naming `subject` when the cluster cannot be reached yet. */
  require(subject: string): Promise<ClusterAccess>;
}

export interface ClusterConnectionOptions {
  cluster: ClusterApiV1;
  cache: ReadCache;
  /**
   * How long a kubeconfig (and its token) is reused. @default 60 s, or half the provider's
   * `credentialLifetimeMs` when that is shorter
   */
  kubeconfigMaxAgeMs?: number;
  /** The provider's `credentialLifetimeMs`: how long a kubeconfig's credential stays valid. */
  credentialLifetimeMs?: number;
  kubeRetry?: KubeRetryOptions;
  now?: () => number;
}

/** The cluster has no API yet: not there, or still without an endpoint. */
function noClusterYet(error: unknown): boolean {
  return HubfleetError.is(error) && (error.kind === 'not-found' || error.kind === 'conflict');
}

/**
 * Connects to the cluster through the provider's `kubeconfig()`, reusing it for a minute, and gives
 * every list through the plan's read cache.
 */
export function createClusterConnection(options: ClusterConnectionOptions): ClusterConnection {
  const maxAge =
    options.kubeconfigMaxAgeMs ??
    Math.min(60_000, (options.credentialLifetimeMs ?? Number.POSITIVE_INFINITY) / 2);
  const now = options.now ?? Date.now;
  let current: { at: number; access: ClusterAccess } | undefined;

  async function accessFor(kubeconfig: string): Promise<ClusterAccess> {
    const api = createManifestApplier(
      createKubeCall(createKubeTransport(await loadKubeconfig(kubeconfig)), options.kubeRetry),
    );
    return {
      kubeconfig,
      api,
      list: (apiVersion, kind, listOptions = {}) =>
        options.cache.read(
          `kubernetes:${apiVersion}/${kind}?${listOptions.namespace ?? '*'}&${listOptions.labelSelector ?? ''}`,
          () => api.list(apiVersion, kind, listOptions),
        ),
    };
  }

  async function load(): Promise<ClusterAccess | undefined> {
    if (current !== undefined && now() - current.at < maxAge) return current.access;
    let kubeconfig: string;
    try {
      kubeconfig = await options.cluster.kubeconfig();
    } catch (error) {
      if (noClusterYet(error)) return undefined;
      throw error;
    }
    current = { at: now(), access: await accessFor(kubeconfig) };
    return current.access;
  }

  const access = () => options.cache.read('kubernetes:access', load);
  return {
    access,
    async require(subject) {
      const found = await access();
      if (found !== undefined) return found;
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the cluster's Kubernetes API cannot be reached yet, so ${subject} has to wait`,
        hint: 'the cluster is still being created; run the command again in a few minutes',
        subject,
      });
    },
  };
}
