import type { Cluster } from './cluster.js';
import { writeStatus } from './controller-writes.js';
import { asArray, asRecord } from './kube-object.js';
import { listStored, type StoredObject } from './store.js';

const SERVICES = { group: '', plural: 'services' };

function ingressOf(status: unknown): unknown[] {
  return asArray(asRecord(asRecord(status)?.loadBalancer)?.ingress);
}

/** What each Service's address was last ensured for (its annotations), per fake cluster and process. */
const ensuredFor = new WeakMap<Cluster, Map<string, string>>();

/** Records `service`'s annotations as ensured; true when they differ from the last record. */
function markEnsured(cluster: Cluster, service: StoredObject): boolean {
  const seen = ensuredFor.get(cluster) ?? new Map<string, string>();
  ensuredFor.set(cluster, seen);
  const key = `${service.namespace}/${service.name}`;
  const annotations = JSON.stringify(asRecord(service.object.metadata)?.annotations ?? {});
  if (seen.get(key) === annotations) return false;
  seen.set(key, annotations);
  return true;
}

/**
 * With `resyncLoadBalancers`: a LoadBalancer Service whose annotations changed since its address was
 * last ensured (or that this controller has not seen since it started) is ensured again, and a new
 * address is written.
 */
function resync(cluster: Cluster, service: StoredObject, index: number): void {
  if (!markEnsured(cluster, service)) return;
  const address = cluster.settings.loadBalancerIngress(service.object, index);
  const current = asRecord(ingressOf(service.object.status)[0]);
  if (current?.ip === address.ip && current?.hostname === address.hostname) return;
  writeStatus(
    cluster,
    service,
    { ...asRecord(service.object.status), loadBalancer: { ingress: [{ ...address, ipMode: 'VIP' }] } },
    'cloud-controller-manager',
  );
}

/**
 * The cloud controller manager's service controller: a LoadBalancer Service gets its address
 * (`settings.loadBalancerIngress`) once `kubernetes.LoadBalancer` has passed since it became one;
 * a Service that stops being a LoadBalancer loses it.
 */
export function provisionLoadBalancers(cluster: Cluster): void {
  const services = listStored(cluster.state, SERVICES);
  let assigned = services.filter((service) => ingressOf(service.object.status).length > 0).length;
  for (const service of services) {
    const isLoadBalancer = asRecord(service.object.spec)?.type === 'LoadBalancer';
    const ingress = ingressOf(service.object.status);
    if (isLoadBalancer && ingress.length > 0 && cluster.settings.resyncLoadBalancers) {
      resync(cluster, service, assigned);
    } else if (!isLoadBalancer && ingress.length > 0) {
      writeStatus(
        cluster,
        service,
        { ...asRecord(service.object.status), loadBalancer: {} },
        'cloud-controller-manager',
      );
    } else if (
      isLoadBalancer &&
      ingress.length === 0 &&
      cluster.elapsed(service.changedAt, 'kubernetes.LoadBalancer')
    ) {
      const address = cluster.settings.loadBalancerIngress(service.object, assigned);
      assigned += 1;
      const entry = { ...address, ipMode: 'VIP' };
      if (cluster.settings.resyncLoadBalancers) markEnsured(cluster, service);
      writeStatus(
        cluster,
        service,
        { ...asRecord(service.object.status), loadBalancer: { ingress: [entry] } },
        'cloud-controller-manager',
      );
    }
  }
}
