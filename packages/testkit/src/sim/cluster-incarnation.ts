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
): ServiceProtocol {
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
): ServiceProtocol {
  const store = createStateStore(() => ({ incarnation: incarnation() }), stateFile);
  store.save();
  return {
    ...protocol,
    resolve(request) {
      const current = incarnation();
      if (current !== store.state.incarnation) {
        fake.reset();
        store.state.incarnation = current;
        store.save();
      }
      return protocol.resolve(request);
    },
  };
}
