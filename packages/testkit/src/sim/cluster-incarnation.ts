import type { ServiceProtocol } from '../framework/http-service.js';
import { createStateStore } from '../framework/state-store.js';
import type { KubernetesFake } from '../kubernetes/index.js';

/**
 * Which clusters exist right now, by name and creation time (`name@created`, sorted): a re-created
 * cluster is a new one.
 */
export function clusterIncarnation(clusters: readonly { name: string; created: string | number }[]): string {
  return clusters
    .map((cluster) => `${cluster.name}@${cluster.created}`)
    .sort()
    .join(',');
}

/** The Kubernetes API's protocol tied to its cloud's clusters, and the check itself for readers of its state. */
export interface TiedKubernetes {
  protocol: ServiceProtocol;
  /** Forget the objects of a cluster that no longer exists (what every request does first). */
  sync(): void;
}

/**
 * The simulated Kubernetes API belongs to the simulated cloud's cluster: when that cluster is deleted
 * or created anew, its API starts empty, as a real new cluster's would, instead of serving the
 * objects (and helm release records) of the one before. `incarnation()` names the clusters that exist
 * now (`clusterIncarnation`); it is checked before every Kubernetes request.
 */
export function tieKubernetesToCloud(
  protocol: ServiceProtocol,
  fake: KubernetesFake,
  incarnation: () => string,
  stateFile?: string,
): TiedKubernetes {
  const store = createStateStore(() => ({ incarnation: incarnation() }), stateFile);
  store.save();
  const sync = () => {
    const current = incarnation();
    if (current !== store.state.incarnation) {
      fake.reset();
      store.state.incarnation = current;
      store.save();
    }
  };
  return {
    sync,
    protocol: {
      ...protocol,
      resolve(request) {
        sync();
        return protocol.resolve(request);
      },
    },
  };
}
