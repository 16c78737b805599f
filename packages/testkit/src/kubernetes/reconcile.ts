import type { Cluster } from './cluster.js';
import { collectGarbage } from './garbage-collection.js';
import { provisionLoadBalancers } from './load-balancers.js';
import { ensureDefaultServiceAccounts, finalizeTerminatingNamespaces } from './namespace-lifecycle.js';
import { syncNodes } from './node-sync.js';
import { progressPods } from './pod-lifecycle.js';
import { bindVolumes } from './volume-binding.js';
import { progressWorkloads } from './workload-status.js';

const CONTROLLERS: readonly [string, (cluster: Cluster) => void][] = [
  ['node sync', syncNodes],
  ['namespace', finalizeTerminatingNamespaces],
  ['garbage collector', collectGarbage],
  ['service account', ensureDefaultServiceAccounts],
  ['persistent volume', bindVolumes],
  ['scheduler and kubelet', progressPods],
  ['workload', progressWorkloads],
  ['service load balancer', provisionLoadBalancers],
];

/**
 * Run every modelled controller once, against the clock's now. Called before each request is
 * answered, so state is always as the controllers would have left it: no timers, and a manual
 * clock moved by a test takes effect on the next call. A controller that fails is a bug in the
 * fake, reported as such rather than as an API error of the request that happened to run it.
 */
export function reconcile(cluster: Cluster): void {
  for (const [name, controller] of CONTROLLERS) {
    try {
      controller(cluster);
    } catch (problem) {
      const detail = problem instanceof Error ? problem.message : String(problem);
      throw new Error(`the fake's ${name} controller failed: ${detail}`, { cause: problem });
    }
  }
}
