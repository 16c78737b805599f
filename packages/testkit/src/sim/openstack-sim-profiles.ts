import type { ImageSeed } from '../openstack/glance/glance-images.js';
import type { MagnumFakeOptions } from '../openstack/magnum/magnum-settings.js';
import type { ExternalNetworkSeed } from '../openstack/neutron/neutron-settings.js';
import type { NovaQuotas } from '../openstack/nova/nova-settings.js';
import type { FlavorRecord } from '../openstack/nova/nova-state.js';

/** What makes one simulated OpenStack cloud look like a particular real one. */
export interface OpenStackSimProfile {
  provider: 'openstack' | 'nectar';
  region: string;
  availabilityZones: string[];
  flavors: FlavorRecord[];
  images: ImageSeed[];
  externalNetworks: ExternalNetworkSeed[];
  /** Public cluster templates the operators of this cloud publish (Magnum). */
  clusterTemplates: Array<Record<string, unknown>>;
  magnum?: Pick<MagnumFakeOptions, 'maxMicroversion'>;
  /** The project's compute allocation, where it differs from Nova's defaults (20 cores, 50 GiB). */
  novaQuotas?: Partial<NovaQuotas>;
}

function flavor(
  name: string,
  vcpus: number,
  ramGib: number,
  disk: number,
  extraSpecs: Record<string, string> = {},
): FlavorRecord {
  return {
    id: name,
    name,
    vcpus,
    ram: ramGib * 1024,
    disk,
    ephemeral: 0,
    swap: 0,
    isPublic: true,
    extraSpecs,
  };
}

/** A public Kubernetes template as STFC publishes them: Fedora CoreOS, Calico, Cinder, autoscaling labels. */
function kubernetesTemplate(
  name: string,
  kubeTag: string,
  labels: Record<string, string> = {},
): Record<string, unknown> {
  return {
    name,
    coe: 'kubernetes',
    image_id: 'fedora-coreos-38',
    flavor_id: 'l3.micro',
    master_flavor_id: 'l3.micro',
    external_network_id: 'External',
    network_driver: 'calico',
    volume_driver: 'cinder',
    public: true,
    master_lb_enabled: true,
    floating_ip_enabled: false,
    labels: {
      kube_tag: kubeTag,
      auto_scaling_enabled: 'true',
      auto_healing_enabled: 'true',
      cinder_csi_enabled: 'true',
      ...labels,
    },
  };
}

const UBUNTU_NOBLE = { os_distro: 'ubuntu', os_version: '24.04' };

/**
 * STFC Cloud (seed 002): the flavors provider-openstack's catalog knows, a Fedora CoreOS image for
 * Magnum's Kubernetes driver, and public Kubernetes templates (1.29, and the 1.34 HA one the example names) with autoscaling labels.
 */
export const STFC_PROFILE: OpenStackSimProfile = {
  provider: 'openstack',
  region: 'RegionOne',
  availabilityZones: ['ceph'],
  flavors: [
    flavor('l3.nano', 2, 8, 20),
    flavor('l3.micro', 4, 16, 40),
    flavor('l3.tiny', 8, 30, 60),
    flavor('l2.tiny', 8, 30, 60),
    flavor('l2.xsmall', 16, 60, 100),
    flavor('l2.small', 30, 123, 200),
    flavor('l2.medium', 60, 245, 400),
    flavor('g-rtx4000.x1', 12, 90, 100, { 'pci_passthrough:alias': 'RTX4000:1' }),
    flavor('g-rtx4000.x2', 28, 180, 200, { 'pci_passthrough:alias': 'RTX4000:2' }),
    flavor('g-rtx4000.x4', 60, 350, 400, { 'pci_passthrough:alias': 'RTX4000:4' }),
    // Named in examples/openstack-stfc.yaml; STFC publishes no sizes for them, so these are invented.
    flavor('l3.small', 4, 16, 40),
    flavor('l3.large', 16, 60, 100),
    flavor('g-v100.x1', 12, 90, 100, { 'pci_passthrough:alias': 'V100:1' }),
  ],
  images: [
    { name: 'fedora-coreos-38', properties: { os_distro: 'fedora-coreos', os_version: '38' } },
    { name: 'ubuntu-noble-24.04-nogui', properties: UBUNTU_NOBLE },
  ],
  // STFC's public range (RAL, 130.246.0.0/16): the example's floating IP 130.246.0.10 is in it.
  externalNetworks: [{ name: 'External', cidr: '130.246.0.0/16' }],
  clusterTemplates: [
    kubernetesTemplate('kube-1.29', 'v1.29.2'),
    // The template examples/openstack-stfc.yaml names: HA masters behind a load balancer.
    kubernetesTemplate('kubernetes-1.34-ha', 'v1.34.1', { service_cluster_ip_range: '10.254.0.0/16' }),
  ],
};

const nectarSizes: Array<[suffix: string, vcpus: number, ramGib: number]> = [
  ['xsmall', 1, 2],
  ['small', 2, 4],
  ['medium', 4, 8],
  ['large', 8, 16],
  ['xlarge', 16, 32],
  ['xxlarge', 32, 64],
];

/**
 * NeCTAR Research Cloud (seed 004): m3/c3/r3/t3 flavors (30 GB root, no ephemeral disk: flavors
 * since 2018 have none), the NeCTAR Ubuntu images, the national availability zones, and the
 * per-site external networks floating IPs come from.
 */
export const NECTAR_PROFILE: OpenStackSimProfile = {
  provider: 'nectar',
  region: 'Melbourne',
  availabilityZones: [
    'melbourne-qh2',
    'melbourne-qh2-uom',
    'monash-01',
    'monash-02',
    'QRIScloud',
    'tasmania',
    'intersect',
    'auckland',
  ],
  flavors: [
    ...nectarSizes.map(([suffix, vcpus, ram]) => flavor(`m3.${suffix}`, vcpus, ram, 30)),
    ...nectarSizes.map(([suffix, vcpus, ram]) => flavor(`c3.${suffix}`, vcpus, ram, 30)),
    ...nectarSizes.map(([suffix, vcpus, ram]) => flavor(`r3.${suffix}`, vcpus, ram * 2, 30)),
    flavor('t3.xsmall', 1, 1, 30),
  ],
  images: [
    {
      name: 'NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
      properties: { ...UBUNTU_NOBLE, nectar_name: 'Ubuntu 24.04 LTS (Noble) amd64' },
    },
    {
      name: 'NeCTAR Ubuntu 22.04 LTS (Jammy) amd64',
      properties: { os_distro: 'ubuntu', os_version: '22.04' },
    },
    { name: 'NeCTAR Debian 12 (Bookworm) amd64', properties: { os_distro: 'debian', os_version: '12' } },
  ],
  externalNetworks: [
    { name: 'melbourne', cidr: '115.146.80.0/22' },
    { name: 'monash', cidr: '118.138.232.0/22' },
  ],
  clusterTemplates: [],
  // A course's allocation (invented size; NeCTAR grants RAM at 4 GiB per core): the UniMelb example
  // (42 cores, 84 GiB in 7 VMs) fits, with room for a VM replaced or a nodegroup grown.
  novaQuotas: { instances: 20, cores: 64, ram: 64 * 4 * 1024 },
};
