import type { Cluster } from './cluster.js';
import { writeStatus } from './controller-writes.js';
import { asArray, asRecord } from './kube-object.js';
import { listStored } from './store.js';

const SERVICES = { group: '', plural: 'services' };

function ingressOf(status: unknown): unknown[] {
  return asArray(asRecord(asRecord(status)?.loadBalancer)?.ingress);
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
    if (!isLoadBalancer && ingress.length > 0) {
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
      writeStatus(
        cluster,
        service,
        { ...asRecord(service.object.status), loadBalancer: { ingress: [entry] } },
        'cloud-controller-manager',
      );
    }
  }
}
