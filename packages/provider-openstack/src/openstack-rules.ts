import { isIPv4 } from 'node:net';
import {
  type ConfigIssue,
  checkVolumeSizes,
  didYouMean,
  error,
  type HubfleetConfig,
  type VolumeSizeLimits,
  warning,
} from '@hubfleet/core';
import { openstackCatalog } from './openstack-catalog.js';
import type { OpenstackProviderSettings } from './openstack-config.js';
import { checkMagnumLabels } from './openstack-label-rules.js';

type Config = HubfleetConfig<OpenstackProviderSettings>;

/** Magnum microversion that first accepts nodegroups with zero nodes. */
const ZERO_NODE_MICROVERSION = '1.10';

function checkMasterCount(masterCount: number): ConfigIssue[] {
  if (masterCount % 2 === 1) return [];
  return [
    error(
      ['provider', 'masterCount'],
      `etcd needs an odd number of members for quorum: ${masterCount} masters survive no more failures than ${masterCount - 1}`,
      'use masterCount: 1 (no high availability), 3 or 5',
    ),
  ];
}

function isPrivateAddress(address: string): boolean {
  const [first = 0, second = 0] = address.split('.').map(Number);
  return first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
}

function checkFloatingIp(floatingIp: string | undefined): ConfigIssue[] {
  if (floatingIp === undefined) return [];
  const path = ['provider', 'floatingIp'];
  if (!isIPv4(floatingIp)) {
    return [
      error(
        path,
        `"${floatingIp}" is not an IPv4 address`,
        'write the floating IP allocated to the project, e.g. 130.246.0.10 (openstack floating ip list)',
      ),
    ];
  }
  if (isPrivateAddress(floatingIp)) {
    return [
      warning(
        path,
        `${floatingIp} is a private address; a floating IP is the public one (002: the 10.0.x.x address is the load balancer's own)`,
        'write the floating IP that your DNS name points at (openstack floating ip list)',
      ),
    ];
  }
  return [];
}

function checkMasterFlavor(masterFlavor: string): ConfigIssue[] {
  const names = openstackCatalog.machines.map((machine) => machine.name);
  if (names.includes(masterFlavor)) return [];
  const suggestion = didYouMean(masterFlavor, names);
  return [
    warning(
      ['provider', 'masterFlavor'],
      `flavor "${masterFlavor}" is not in hubfleet's list for OpenStack Magnum; it will be checked against the cloud before anything is created`,
      suggestion
        ? `did you mean "${suggestion}"?`
        : 'see `openstack flavor list` for the flavors of your project',
    ),
  ];
}

function checkZeroNodeGroups(config: Config): ConfigIssue[] {
  return config.cluster.nodeGroups.flatMap((group, index) =>
    group.min === 0
      ? [
          warning(
            ['cluster', 'nodeGroups', index, 'min'],
            `a Magnum nodegroup with min: 0 needs API microversion ${ZERO_NODE_MICROVERSION} or later; hubfleet checks the cloud before creating it`,
            'set min: 1 if your cloud runs an older Magnum',
          ),
        ]
      : [],
  );
}

/**
 * Hub volumes are Cinder volumes: sized in whole GiB from 1; the largest is the project's
 * `gigabytes` / `per_volume_gigabytes` quota (unlimited by default), which only the cloud knows.
 */
const CINDER_VOLUME: VolumeSizeLimits = { volumeType: 'Cinder volume', minGiB: 1, wholeGiB: true };

/** OpenStack Magnum-specific offline checks, run after the schema and core's cross-field rules. */
export function validateOpenstackConfig(config: Config): ConfigIssue[] {
  const { provider } = config;
  return [
    ...checkMasterFlavor(provider.masterFlavor),
    ...checkMasterCount(provider.masterCount),
    ...checkFloatingIp(provider.floatingIp),
    ...checkMagnumLabels(config),
    ...checkZeroNodeGroups(config),
    ...checkVolumeSizes(config, CINDER_VOLUME),
  ];
}
