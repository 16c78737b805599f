import {
  type ConfigIssue,
  checkVolumeSizes,
  didYouMean,
  error,
  type HubfleetConfig,
  type NodeGroupConfig,
  type ValidationContextV1,
  type VolumeSizeLimits,
  warning,
} from '@hubfleet/core';
import { nectarCatalog } from './nectar-catalog.js';
import type { NectarProviderSettings } from './nectar-config.js';
import { checkPrivateKeyFile } from './nectar-keypair-rules.js';

type Config = HubfleetConfig<NectarProviderSettings>;

/** NeCTAR availability zones as known to the authors on 2026-11-21; an unknown one is only a warning. */
const NECTAR_ZONES: readonly string[] = [
  'ardc-syd-1',
  'auckland',
  'intersect',
  'melbourne-qh2',
  'melbourne-qh2-uom',
  'monash-01',
  'monash-02',
  'monash-03',
  'NCI',
  'QRIScloud',
  'tasmania',
];

/** kubeadm's preflight check refuses a control plane with fewer CPUs. */
const KUBEADM_MIN_CPUS = 2;

const flavorNames = nectarCatalog.machines.map((machine) => machine.name);

function checkAvailabilityZone(zone: string): ConfigIssue[] {
  if (NECTAR_ZONES.includes(zone)) return [];
  const suggestion = didYouMean(zone, NECTAR_ZONES);
  return [
    warning(
      ['provider', 'availabilityZone'],
      `"${zone}" is not a NeCTAR availability zone hubfleet knows; it is checked against the cloud before anything is created`,
      suggestion
        ? `did you mean "${suggestion}"?`
        : `the zones hubfleet knows are: ${NECTAR_ZONES.join(', ')}`,
    ),
  ];
}

function checkNetwork(network: NectarProviderSettings['network']): ConfigIssue[] {
  if (network.kind !== 'private' || network.floatingIpPool !== undefined) return [];
  return [
    error(
      ['provider', 'network', 'floatingIpPool'],
      'a private network needs floatingIpPool: its VMs are reachable only through floating IPs',
      'add floatingIpPool: <the external network of your zone>, e.g. melbourne, or use network: { kind: classic }',
    ),
  ];
}

function checkVmFlavor(flavor: string, field: 'controlPlane' | 'storageNode'): ConfigIssue[] {
  const path = ['provider', field, 'flavor'];
  const machine = nectarCatalog.machines.find((candidate) => candidate.name === flavor);
  if (!machine) {
    const suggestion = didYouMean(flavor, flavorNames);
    return [
      warning(
        path,
        `flavor "${flavor}" is not in hubfleet's list for NeCTAR; it will be checked against the cloud before anything is created`,
        suggestion ? `did you mean "${suggestion}"?` : 'see the Flavors page of the NeCTAR dashboard',
      ),
    ];
  }
  if (field === 'controlPlane' && machine.cpu < KUBEADM_MIN_CPUS) {
    return [
      error(
        path,
        `${flavor} has ${machine.cpu} vCPU; kubeadm refuses a control plane with fewer than ${KUBEADM_MIN_CPUS}`,
        'use m3.small (2 vCPU) or larger, e.g. m3.medium',
      ),
    ];
  }
  return [];
}

function checkGpuGroup(group: NodeGroupConfig, index: number): ConfigIssue[] {
  if (group.role !== 'gpu') return [];
  const machine = nectarCatalog.machines.find((candidate) => candidate.name === group.instanceType);
  if (machine?.gpu) return [];
  const gpuFlavors = nectarCatalog.machines
    .filter((candidate) => candidate.gpu)
    .map((candidate) => candidate.name);
  return [
    error(
      ['cluster', 'nodeGroups', index, 'instanceType'],
      `hubfleet knows no NeCTAR GPU flavor named "${group.instanceType}": GPU flavors are granted per project through reservations`,
      gpuFlavors.length > 0
        ? `use one of ${gpuFlavors.join(', ')}`
        : 'remove the gpu nodegroup; NeCTAR GPU flavors are not supported by hubfleet yet',
    ),
  ];
}

function checkScaling(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.tools.autoscaler?.enabled === true) {
    issues.push(
      error(
        ['tools', 'autoscaler', 'enabled'],
        'no cluster autoscaler can add plain NeCTAR VMs',
        'remove tools.autoscaler and size nodegroups with min (004 "Scaling - Compute")',
      ),
    );
  }
  config.cluster.nodeGroups.forEach((group, index) => {
    if (group.min < group.max) {
      issues.push(
        warning(
          ['cluster', 'nodeGroups', index, 'max'],
          `NeCTAR nodegroups do not scale: hubfleet creates min (${group.min}) VMs and max (${group.max}) has no effect`,
          `set max: ${group.min}, or raise min to the number of VMs you want`,
        ),
      );
    }
  });
  return issues;
}

function checkOperatorAccess(provider: NectarProviderSettings): ConfigIssue[] {
  if (provider.operatorCidrs !== undefined) return [];
  return [
    warning(
      ['provider'],
      'SSH (22) and the Kubernetes API (6443) of every VM are open to 0.0.0.0/0: hubfleet cannot know offline where you run it from',
      'set provider.operatorCidrs to the ranges you run hubfleet from, e.g. operatorCidrs: [203.0.113.7/32]',
    ),
  ];
}

function checkImage(image: string): ConfigIssue[] {
  if (/ubuntu/i.test(image)) return [];
  return [
    warning(
      ['provider', 'image'],
      `"${image}" does not look like an Ubuntu image; hubfleet bootstraps Kubernetes with apt and Ubuntu's packages`,
      'use a NeCTAR Ubuntu LTS image, e.g. NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
    ),
  ];
}

/**
 * Hub storage lives on the storage node's Cinder volume (NeCTAR's block storage): whole GiB from
 * 1; the largest is the allocation's volume quota, which only the cloud knows.
 */
const NECTAR_VOLUME: VolumeSizeLimits = { volumeType: 'NeCTAR Cinder volume', minGiB: 1, wholeGiB: true };

/** NeCTAR-specific offline checks, run after the schema and core's cross-field rules. */
export function validateNectarConfig(config: Config, context: ValidationContextV1): ConfigIssue[] {
  const { provider } = config;
  return [
    ...checkAvailabilityZone(provider.availabilityZone),
    ...checkImage(provider.image),
    ...checkPrivateKeyFile(provider.keypair.privateKeyFile, context.configDirectory),
    ...checkNetwork(provider.network),
    ...checkOperatorAccess(provider),
    ...checkVmFlavor(provider.controlPlane.flavor, 'controlPlane'),
    ...checkVmFlavor(provider.storageNode.flavor, 'storageNode'),
    ...config.cluster.nodeGroups.flatMap(checkGpuGroup),
    ...checkScaling(config),
    ...checkVolumeSizes(config, NECTAR_VOLUME),
  ];
}
