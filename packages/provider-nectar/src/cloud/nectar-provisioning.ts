import type { SecurityGroup, Server, ServerInput } from '@hubfleet/openstack-client';
import { getServer } from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { type LaunchSettings, launchSettings } from './nectar-launch.js';
import { ensureFloatingIp, serverNetworks } from './nectar-network.js';
import { ensureSecurityGroup } from './nectar-security-group.js';
import { ensureServer, type VmSpec } from './nectar-servers.js';

/** What every VM needs before it is created: its security group, network, image, key pair. */
interface Groundwork {
  securityGroup: SecurityGroup;
  networks: ServerInput['networks'];
  launch: LaunchSettings;
}

/** Creates VMs for one session; the groundwork is made (or found) once, on first use. */
export interface Provisioner {
  /** The VM ACTIVE, with its floating IP on a private network. */
  ensureVm(spec: VmSpec): Promise<Server>;
}

export function provisioner(cloud: NectarCloud, publicKey: string): Provisioner {
  let groundwork: Promise<Groundwork> | undefined;
  const ready = () => {
    groundwork ??= (async () => ({
      securityGroup: await ensureSecurityGroup(cloud),
      networks: await serverNetworks(cloud),
      launch: await launchSettings(cloud, publicKey),
    }))();
    groundwork.catch(() => {
      groundwork = undefined;
    });
    return groundwork;
  };
  return {
    async ensureVm(spec) {
      const { securityGroup, networks, launch } = await ready();
      const flavor = await launch.flavor(spec.flavor, spec.flavorField);
      const server = await ensureServer(cloud, spec, {
        imageId: launch.imageId,
        flavorId: flavor.id,
        securityGroup: securityGroup.name,
        networks,
      });
      const floating = await ensureFloatingIp(cloud, server);
      return floating ? getServer(cloud.compute, server.id) : server;
    },
  };
}
