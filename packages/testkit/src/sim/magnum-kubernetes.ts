import type { CallLog } from '../framework/call-log.js';
import type { Clock } from '../framework/clock.js';
import type { FaultInjector } from '../framework/faults.js';
import { type RunningService, type ServiceProtocol, startService } from '../framework/http-service.js';
import { type CertificateAndKey, issueServerCertificate } from '../framework/pki.js';
import { createStateStore } from '../framework/state-store.js';
import {
  createKubernetesFake,
  emptyKubernetesState,
  type KubeObject,
  type KubernetesFake,
  type KubernetesState,
} from '../kubernetes/index.js';
import { listStored } from '../kubernetes/store.js';
import type { RunningMagnumFake } from '../openstack/magnum/magnum-fake.js';
import type { ClusterRecord } from '../openstack/magnum/magnum-state.js';
import type { FlavorRecord } from '../openstack/nova/nova-state.js';
import type { RunningOctaviaFake } from '../openstack/octavia/octavia-fake.js';
import { serviceLoadBalancers } from '../openstack/octavia/octavia-service-load-balancers.js';
import { nodeGroupsFromMagnum, servedCluster } from './magnum-node-groups.js';
import { magnumSystemObjects } from './magnum-system-objects.js';
import type { CapacityOf } from './sim-node-groups.js';

/** Magnum's Kubernetes driver's default `service_cluster_ip_range` label. */
export const MAGNUM_SERVICE_CIDR = '10.254.0.0/16';

export interface MagnumKubernetesOptions {
  clock: Clock;
  faults: FaultInjector;
  callLog: CallLog;
  magnum: RunningMagnumFake;
  octavia: RunningOctaviaFake;
  flavors: readonly FlavorRecord[];
  /** Machine sizes from the provider's catalog (GPUs included), over the flavors' own. */
  capacityOf?: CapacityOf;
  /**
   * The cluster CA (Magnum's, which signs the clients' certificates): the API is served over HTTPS
   * with a serving certificate from it, and authenticates client certificates that chain to it.
   */
  authority: CertificateAndKey;
  /** The Neutron network a Service's VIP goes on (the cluster's fixed network, else an external one). */
  vipNetworkFor: (cluster: ClusterRecord) => string | undefined;
  /** Where the cluster's objects and its incarnation are kept (sim mode). */
  stateFile?: (name: string) => string;
}

export interface MagnumKubernetes extends RunningService {
  fake: KubernetesFake;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function portsOf(service: KubeObject): { port: number; protocol?: string }[] {
  const ports = record(service.spec)?.ports;
  return (Array.isArray(ports) ? ports : []).flatMap((port) => {
    const entry = record(port);
    return typeof entry?.port === 'number'
      ? [{ port: entry.port, ...(typeof entry.protocol === 'string' ? { protocol: entry.protocol } : {}) }]
      : [];
  });
}

/** The LoadBalancer Services a cluster has (not being deleted). */
function loadBalancerServices(state: KubernetesState): { namespace: string; name: string }[] {
  return listStored(state, { group: '', plural: 'services' })
    .filter(
      (stored) => record(stored.object.spec)?.type === 'LoadBalancer' && stored.deletingAt === undefined,
    )
    .map((stored) => ({ namespace: stored.namespace, name: stored.name }));
}

/**
 * The Kubernetes API of the sim's Magnum cluster, over HTTPS with client certificates signed by the
 * cluster CA (what `openstack coe cluster config` writes into a kubeconfig). Its Nodes follow the cluster's nodegroups; its
 * LoadBalancer Services get Octavia load balancers the way cloud-provider-openstack makes them
 * (`kube_service_<cluster uuid>_<namespace>_<name>`, released when the Service goes). When the
 * cluster is deleted its API starts empty again, but the load balancers stay in Octavia: the leak
 * seed 002 describes, which hubfleet's teardown must clean up.
 */
export async function startMagnumKubernetes(options: MagnumKubernetesOptions): Promise<MagnumKubernetes> {
  const { clock, magnum, octavia } = options;
  const current = () => {
    magnum.fake.settle();
    return servedCluster(magnum.state);
  };
  const store = createStateStore<KubernetesState>(emptyKubernetesState, options.stateFile?.('kubernetes'));
  const incarnation = createStateStore(
    () => ({ cluster: current()?.uuid ?? '' }),
    options.stateFile?.('kubernetes-incarnation'),
  );
  const balancers = (cluster: ClusterRecord) => {
    const networkId = options.vipNetworkFor(cluster);
    return serviceLoadBalancers(octavia.fake, {
      clusterName: cluster.uuid,
      ...(networkId ? { networkId } : {}),
    });
  };
  let fake: KubernetesFake;
  // cloud-provider-openstack deletes a Service's load balancer when the Service goes (or stops being
  // one); the load balancers name their Service in their description, which survives a sim restart.
  const syncLoadBalancers = () => {
    const cluster = current();
    if (cluster) balancers(cluster).sync(loadBalancerServices(fake.state));
  };
  fake = createKubernetesFake({
    clock,
    // Magnum's kubeconfigs carry client certificates; it hands out no bearer tokens.
    tokens: 'none',
    // Magnum's default service_cluster_ip_range (the sim's templates say it too).
    serviceCidr: MAGNUM_SERVICE_CIDR,
    seed: magnumSystemObjects(),
    // The cloud controller writes a Service's address again when its annotations change (a floating IP
    // associated with the VIP port meanwhile is then reported).
    resyncLoadBalancers: true,
    state: store.state,
    onStateChange: () => {
      store.save();
      syncLoadBalancers();
    },
    nodeGroups: () => {
      const cluster = current();
      return cluster ? nodeGroupsFromMagnum(magnum.state, cluster, options.flavors, options.capacityOf) : [];
    },
    loadBalancerIngress: (service) => {
      const cluster = current();
      const metadata = record(service.metadata);
      if (!cluster) return { ip: '203.0.113.250' };
      const namespace = String(metadata?.namespace ?? 'default');
      const name = String(metadata?.name ?? '');
      return balancers(cluster).ensure({ namespace, name, ports: portsOf(service) });
    },
  });
  store.save();
  const protocol: ServiceProtocol = {
    ...fake.protocol,
    resolve(request) {
      // A new (or no) cluster is a new API: nothing of the one before is served.
      const now = current()?.uuid ?? '';
      if (now !== incarnation.state.cluster) {
        fake.reset();
        incarnation.state.cluster = now;
        incarnation.save();
      }
      return fake.protocol.resolve(request);
    },
  };
  const serving = await issueServerCertificate(options.authority, ['127.0.0.1', 'localhost']);
  const running = await startService(protocol, {
    clock,
    faults: options.faults,
    callLog: options.callLog,
    tls: { ...serving, clientCaPem: options.authority.certificatePem },
  });
  return { ...running, fake };
}
