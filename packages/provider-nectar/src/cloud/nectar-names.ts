import type { HubfleetConfig } from '@hubfleet/core';
import type { NectarProviderSettings } from '../nectar-config.js';

type Config = HubfleetConfig<NectarProviderSettings>;

/** What a VM is for; with the deployment name it makes the VM's name. */
export type VmRole = 'control-plane' | 'node' | 'storage';

/** Nova metadata key naming a VM's role (Nova metadata keys may hold `/`; tags may not). */
export const ROLE_KEY = 'hubfleet.io/role';

/** The control plane VM: `<deployment>-cp`. */
export function controlPlaneName(config: Config): string {
  return `${config.name}-cp`;
}

/** The NFS storage VM: `<deployment>-storage`. */
export function storageName(config: Config): string {
  return `${config.name}-storage`;
}

/** The `index`th VM of a nodegroup: `<deployment>-<group>-<index>`. */
export function nodeName(config: Config, group: string, index: number): string {
  return `${config.name}-${group}-${index}`;
}

/** The security group every VM of the deployment is in. */
export function securityGroupName(config: Config): string {
  return `${config.name}-hubfleet`;
}

/** The Nova server tag every VM carries (tags cannot hold `/`): `hubfleet-<deployment>`. */
export function deploymentTag(config: Config): string {
  return `hubfleet-${config.name}`;
}
