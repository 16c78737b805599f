import { type EksState, settleEks } from '../aws/eks/index.js';
import type { ServiceProtocol } from '../framework/http-service.js';
import { createStateStore } from '../framework/state-store.js';
import type { KubernetesFake } from '../kubernetes/index.js';

/** Which EKS clusters exist right now, by name and creation time: a re-created cluster is a new one. */
function incarnationOf(eks: EksState, now: number): string {
  settleEks(eks, now);
  return Object.values(eks.clusters)
    .map((cluster) => `${cluster.name}@${cluster.createdAt}`)
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
 * The simulated Kubernetes API belongs to the simulated EKS cluster: when that cluster is deleted or
 * created anew, its API starts empty, as a real new cluster's would, instead of serving the objects
 * (and helm release records) of the one before. Checked before every Kubernetes request.
 */
export function tieKubernetesToEks(
  protocol: ServiceProtocol,
  fake: KubernetesFake,
  eks: EksState,
  now: () => number,
  stateFile?: string,
): TiedKubernetes {
  return tieKubernetesToCloud(protocol, fake, () => incarnationOf(eks, now()), stateFile);
}

/**
 * The same for any cloud: `incarnation()` names the clusters that exist now (e.g. `name@createdAt`
 * joined); when it changes, the simulated API starts empty.
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
