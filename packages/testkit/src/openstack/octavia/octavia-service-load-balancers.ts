import { randomUUID } from 'node:crypto';
import type { OctaviaFake } from './octavia-fake.js';
import type { ListenerRecord, LoadBalancerRecord } from './octavia-state.js';

/** A LoadBalancer Service as the cloud controller sees it. */
export interface ServiceRef {
  namespace: string;
  name: string;
  /** The Service's ports (one listener each). */
  ports: { port: number; protocol?: string }[];
}

export interface ServiceLoadBalancerOptions {
  /** The cluster name the cloud controller was started with (`--cluster-name`). */
  clusterName: string;
  /** Where VIPs go (the cluster's subnet). */
  subnetId?: string;
  networkId?: string;
}

export interface ServiceLoadBalancers {
  /**
   * Makes (or finds) the Service's load balancer and answers its address, as the Service's ingress
   * IP: a floating IP on the VIP port when there is one, else the VIP.
   */
  ensure(service: ServiceRef): { ip: string };
  /** Deletes the Service's load balancer with its children (the Service went, or stopped being a LoadBalancer). */
  release(namespace: string, name: string): void;
  /**
   * The controller's resync: releases this cluster's load balancers whose Service is not among
   * `present` (the LoadBalancer Services that exist now). Runs only while the cluster does.
   */
  sync(present: { namespace: string; name: string }[]): void;
}

/** cloud-provider-openstack's name for a Service's load balancer. */
export function serviceLoadBalancerName(clusterName: string, namespace: string, name: string): string {
  return `kube_service_${clusterName}_${namespace}_${name}`.slice(0, 255);
}

/**
 * The OpenStack cloud controller manager's service controller, over the Octavia fake: a
 * LoadBalancer Service gets a load balancer named `kube_service_<cluster>_<namespace>_<name>` (tagged
 * with that name, a listener per port, the VIP a Neutron port when Octavia has a port backend).
 * The controller waited for ACTIVE before it published the address, so the record is made ACTIVE.
 * Nothing removes these when the cluster itself is deleted: they stay in Octavia (and keep their VIP
 * ports, so the network cannot be deleted) until someone deletes them — seed 002's leak.
 */
export function serviceLoadBalancers(
  octavia: OctaviaFake,
  options: ServiceLoadBalancerOptions,
): ServiceLoadBalancers {
  // The controller reports a floating IP it finds on the VIP port (one associated by hand, or by
  // hubfleet) as the Service's address, else the VIP itself.
  const reported = (lb: LoadBalancerRecord): string => {
    const addresses = Object.values(octavia.settings.ports?.addressesOf(lb.id) ?? {}).flat();
    return addresses.find((address) => address.type === 'floating')?.addr ?? lb.vipAddress;
  };
  const find = (name: string): LoadBalancerRecord | undefined =>
    Object.values(octavia.contextNow().state.loadBalancers).find((lb) => lb.name === name);
  const remove = (lb: LoadBalancerRecord): void => {
    if (lb.status === 'PENDING_DELETE') return;
    const context = octavia.contextNow();
    lb.status = 'PENDING_DELETE';
    lb.transition = {
      to: null,
      at: context.now + context.settings.clock.scaled(context.settings.durations.delete),
    };
    octavia.changed();
  };
  return {
    ensure(service) {
      const name = serviceLoadBalancerName(options.clusterName, service.namespace, service.name);
      const existing = find(name);
      if (existing) return { ip: reported(existing) };
      const context = octavia.contextNow();
      const id = randomUUID();
      const vip = octavia.allocateVip(id, {
        vip_subnet_id: options.subnetId,
        vip_network_id: options.networkId,
      });
      const base = {
        tags: [],
        adminStateUp: true,
        created: context.now,
        updated: context.now,
        status: 'ACTIVE' as const,
      };
      const lb: LoadBalancerRecord = {
        ...base,
        id,
        name,
        description: `Kubernetes external service ${service.namespace}/${service.name} from cluster ${options.clusterName}`,
        tags: [name],
        ...vip,
        provider: 'amphora',
        flavorId: null,
        availabilityZone: null,
      };
      context.state.loadBalancers[id] = lb;
      service.ports.forEach((port, index) => {
        const listener: ListenerRecord = {
          ...base,
          id: randomUUID(),
          name: `listener_${index}_${name}`,
          description: '',
          loadbalancerId: id,
          protocol: port.protocol === 'UDP' ? 'UDP' : 'TCP',
          protocolPort: port.port,
          defaultPoolId: null,
        };
        context.state.listeners[listener.id] = listener;
      });
      octavia.changed();
      return { ip: lb.vipAddress };
    },
    release(namespace, name) {
      const lb = find(serviceLoadBalancerName(options.clusterName, namespace, name));
      if (lb) remove(lb);
    },
    sync(present) {
      const wanted = new Set(
        present.map((service) =>
          serviceLoadBalancerName(options.clusterName, service.namespace, service.name),
        ),
      );
      const ours = `from cluster ${options.clusterName}`;
      for (const lb of Object.values(octavia.contextNow().state.loadBalancers))
        if (lb.description.endsWith(ours) && lb.name.startsWith('kube_service_') && !wanted.has(lb.name))
          remove(lb);
    },
  };
}
