import type { SimCloudFactory } from './sim-cloud.js';

/** The simulated AWS account: EKS, EC2, IAM, STS, S3 and the cluster's Kubernetes API. */
export const awsSimCloudFactory: SimCloudFactory = {
  provider: 'aws',
  description: "EKS, EC2, IAM, STS, S3 and the cluster's Kubernetes API",
  async start(options) {
    const { startAwsSimCloud } = await import('./aws-sim-cloud.js');
    return startAwsSimCloud(options);
  },
};

/** The simulated Google Cloud project: GKE, Compute Engine, the OAuth2 token endpoint and the cluster's Kubernetes API. */
export const gkeSimCloudFactory: SimCloudFactory = {
  provider: 'gke',
  description:
    "GKE (container v1), Compute Engine, Cloud Storage, IAM, Cloud Resource Manager, Google OAuth2 and the cluster's Kubernetes API",
  async start(options) {
    const { startGkeSimCloud } = await import('./gke-sim-cloud.js');
    return startGkeSimCloud(options);
  },
};

/** The simulated OpenStack project of the STFC Cloud: Keystone and everything in its catalog. */
export const openstackSimCloudFactory: SimCloudFactory = {
  provider: 'openstack',
  description:
    "Keystone, Magnum, Cinder, Nova, Neutron, Octavia and Glance (STFC flavors and templates) and the Magnum cluster's Kubernetes API",
  async start(options) {
    const { startOpenStackSimCloud } = await import('./openstack-sim-cloud.js');
    return startOpenStackSimCloud(options);
  },
};

/**
 * The simulated NeCTAR project: the OpenStack services with NeCTAR's flavors, images and zones, and
 * a real sshd VM behind every ACTIVE server (its address in Nova, its floating IPs forwarded to it).
 * Closing it stops every VM; if the process dies instead, the VMs die with it (ssh/sim-vm.ts).
 */
export const nectarSimCloudFactory: SimCloudFactory = {
  provider: 'nectar',
  description:
    'Keystone, Nova, Neutron, Cinder, Glance, Octavia and Magnum with NeCTAR flavors, images and availability zones, and an sshd VM (kubeadm stubs) behind every server',
  async start(options) {
    const { startNectarVmSim } = await import('./nectar-vm-sim.js');
    const sim = await startNectarVmSim(options);
    return { ...sim.cloud, close: () => sim.close() };
  },
};

/**
 * Every simulated cloud, by the `provider.kind` it simulates. `--sim` and `hubfleet sim serve
 * --provider KIND` find theirs here; a provider missing from this list has no simulated cloud, and
 * the CLI refuses it rather than fall through to a real one. To add one, write a factory whose
 * `start` imports its fakes lazily, and list it here (docs/adding-a-provider.md).
 */
export const simCloudFactories: readonly SimCloudFactory[] = [
  awsSimCloudFactory,
  gkeSimCloudFactory,
  openstackSimCloudFactory,
  nectarSimCloudFactory,
];

/** The simulated cloud for a provider kind, or undefined when it has none. */
export function findSimCloudFactory(
  kind: string,
  factories: readonly SimCloudFactory[] = simCloudFactories,
): SimCloudFactory | undefined {
  return factories.find((factory) => factory.provider === kind);
}
