import { readFileSync } from 'node:fs';
import {
  createProviderRegistry,
  type HubfleetConfig,
  type KubernetesAccessV1,
  type ResourceContextV1,
  validateConfigText,
} from '@hubfleet/core';
import { kubernetesAccess } from '@hubfleet/core/deployment';
import {
  createKubeCall,
  createKubeTransport,
  createManifestApplier,
  loadKubeconfig,
} from '@hubfleet/core/kubernetes';
import {
  addRouterInterface,
  createNetwork,
  createRouter,
  createSubnet,
  listNetworks,
  type ServiceClient,
} from '@hubfleet/openstack-client';
import {
  createCallLog,
  createFaultInjector,
  createManualClock,
  DEFAULT_KEYSTONE_IDENTITY,
  magnumSystemObjects,
  type RunningDnsFake,
  type RunningKubernetesFake,
  type RunningNeutronFake,
  type RunningOctaviaFake,
  serviceLoadBalancers,
  startDnsFake,
  startKeystoneFake,
  startKubernetesFake,
  startNeutronFake,
  startOctaviaFake,
} from '@hubfleet/testkit';
import { dnsResolver } from '../src/edges/host-resolver.js';
import type { MagnumClusterRef, MagnumEdgeDeps } from '../src/edges/magnum-edge-deps.js';
import { openstackProvider } from '../src/index.js';
import type { OpenstackProviderSettings } from '../src/openstack-config.js';
import { keystoneSession } from './keystone-session.js';

export const HOST = 'jupyter.stfc.ac.uk';
export const FLOATING_IP = '130.246.0.10';
export const CLUSTER: MagnumClusterRef = { id: '5d12f6fd-a196-4bf3-ae4c-5b2f3a8e9c01', name: 'jupyter-prod' };

/** examples/openstack-stfc.yaml, validated as the CLI would, with `changes` over its provider and ingress. */
export function stfcConfig(
  changes: { provider?: Partial<OpenstackProviderSettings>; tls?: 'none' } = {},
): HubfleetConfig<OpenstackProviderSettings> {
  const text = readFileSync(new URL('../../../examples/openstack-stfc.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([openstackProvider]);
  const result = validateConfigText(text, { registry, file: 'openstack-stfc.yaml', checkSecrets: false });
  const config = result.config as HubfleetConfig<OpenstackProviderSettings>;
  const provider = { ...config.provider, ...changes.provider };
  if (
    changes.provider !== undefined &&
    'floatingIp' in changes.provider &&
    changes.provider.floatingIp === undefined
  )
    delete provider.floatingIp;
  return {
    ...config,
    provider,
    ingress: changes.tls === 'none' ? { ...config.ingress, tls: { mode: 'none' } } : config.ingress,
  };
}

export interface EdgeWorld {
  clock: ReturnType<typeof createManualClock>;
  callLog: ReturnType<typeof createCallLog>;
  neutron: RunningNeutronFake;
  octavia: RunningOctaviaFake;
  kubernetes: RunningKubernetesFake;
  dns: RunningDnsFake;
  network: ServiceClient;
  loadBalancer: ServiceClient;
  access: KubernetesAccessV1;
  /** The cluster's subnet (VIPs go there) and the external network floating IPs come from. */
  subnetId: string;
  publicNetworkId: string;
  deps(overrides?: Partial<MagnumEdgeDeps>): MagnumEdgeDeps;
  context(signal?: AbortSignal): ResourceContextV1;
  /** Allocates a floating IP by address on the external network (as an admin may); answers its id. */
  allocateFloatingIp(address: string, description?: string): Promise<string>;
  /** Makes the ingress controller's LoadBalancer Service as the ingress-nginx release does (field manager helm). */
  createIngressService(): Promise<void>;
  /** The cloud controller's load balancers for `clusterName`, as cloud-provider-openstack makes them. */
  controller(clusterName?: string): ReturnType<typeof serviceLoadBalancers>;
  close(): Promise<void>;
}

/**
 * Keystone, Neutron and Octavia fakes (VIPs on Neutron ports) and a Kubernetes fake whose
 * LoadBalancer Services get Octavia load balancers named as Magnum's cloud controller names them
 * (`--cluster-name=<cluster uuid>`), with a tainted GPU nodegroup and Magnum's CSI node plugin.
 * Waits advance the fakes' clock instead of sleeping.
 */
export async function startEdgeWorld(config = stfcConfig()): Promise<EdgeWorld> {
  const clock = createManualClock(Date.parse('2026-12-02T06:00:00Z'));
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const keystone = await startKeystoneFake({ clock, faults, callLog });
  const common = {
    clock,
    faults,
    callLog,
    validToken: keystone.fake.validToken,
    projectId: DEFAULT_KEYSTONE_IDENTITY.project.id,
  };
  const neutron = await startNeutronFake({
    ...common,
    externalNetworks: [{ name: 'External', cidr: '130.246.0.0/24' }],
  });
  const octavia = await startOctaviaFake({ ...common, ports: neutron.fake.ports });
  keystone.fake.registerService({ type: 'network', name: 'neutron', url: neutron.url });
  keystone.fake.registerService({ type: 'load-balancer', name: 'octavia', url: octavia.url });
  const session = keystoneSession(keystone.url, clock.now);
  const network = await session.service('network');
  const loadBalancer = await session.service('load-balancer');
  const [external] = await listNetworks(network, { name: 'External' });
  const clusterNet = await createNetwork(network, { name: 'private' });
  const subnet = await createSubnet(network, { network_id: clusterNet.id, cidr: '10.0.0.0/24' });
  const router = await createRouter(network, { name: 'router', externalNetworkId: external?.id ?? '' });
  await addRouterInterface(network, router.id, subnet.id);

  const controller = (clusterName = CLUSTER.id) =>
    serviceLoadBalancers(octavia.fake, { clusterName, subnetId: subnet.id });
  const kubernetes = await startKubernetesFake({
    clock,
    faults,
    callLog,
    nodeGroups: () => [
      { name: 'default-worker', desired: 2, instanceType: 'l3.large', capacity: { cpu: 8, memory: '32Gi' } },
      {
        name: 'gpu-worker',
        desired: 1,
        instanceType: 'g-v100.x1',
        capacity: { cpu: 8, memory: '64Gi', 'nvidia.com/gpu': 1 },
        taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
      },
    ],
    seed: magnumSystemObjects(),
    resyncLoadBalancers: true,
    loadBalancerIngress: (service) =>
      controller().ensure({
        namespace: String(service.metadata.namespace),
        name: service.metadata.name,
        ports: [{ port: 80 }, { port: 443 }],
      }),
  });
  const kubeconfig = await kubernetes.kubeconfig({ kind: 'token' });
  const api = createManifestApplier(createKubeCall(createKubeTransport(await loadKubeconfig(kubeconfig))));
  const access = kubernetesAccess({
    kubeconfig,
    api,
    list: (apiVersion, kind, options) => api.list(apiVersion, kind, options),
  });
  const dns = await startDnsFake();
  return {
    clock,
    callLog,
    neutron,
    octavia,
    kubernetes,
    dns,
    network,
    loadBalancer,
    access,
    subnetId: subnet.id,
    publicNetworkId: external?.id ?? '',
    deps: (overrides = {}) => ({
      network: async () => network,
      loadBalancer: async () => loadBalancer,
      cluster: async () => CLUSTER,
      config,
      resolver: dnsResolver([dns.server]),
      pollIntervalMs: 1_000,
      now: () => clock.now(),
      sleep: async (ms) => {
        clock.advance(ms);
        kubernetes.fake.reconcile();
      },
      ...overrides,
    }),
    context: (signal = new AbortController().signal) => ({
      signal,
      kubernetes: async () => access,
      facts: async () => ({}),
    }),
    controller,
    async allocateFloatingIp(address, description = '') {
      const response = await network.request({
        method: 'POST',
        path: '/floatingips',
        body: {
          floatingip: { floating_network_id: external?.id, floating_ip_address: address, description },
        },
      });
      return (response.body as { floatingip: { id: string } }).floatingip.id;
    },
    async createIngressService() {
      const asHelm = { fieldManager: 'helm' };
      await api.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } }, asHelm);
      await api.apply(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
          spec: {
            type: 'LoadBalancer',
            selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
            ports: [
              { name: 'http', port: 80, targetPort: 'http' },
              { name: 'https', port: 443, targetPort: 'https' },
            ],
          },
        },
        asHelm,
      );
    },
    close: async () => {
      await Promise.all([
        keystone.close(),
        neutron.close(),
        octavia.close(),
        kubernetes.close(),
        dns.close(),
      ]);
    },
  };
}
