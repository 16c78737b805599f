import {
  type BaseResourceV1,
  type ClusterApiV1,
  HubfleetError,
  type ObservedClusterV1,
} from '@hubfleet/core';
import type { Server } from '@hubfleet/openstack-client';
import { fetchKubeconfig } from '../ssh/kubeconfig-over-ssh.js';
import { controlPlaneRun, pending, run } from './nectar-bootstrap.js';
import type { NectarCloud } from './nectar-cloud.js';
import { controlPlaneName, securityGroupName } from './nectar-names.js';
import { ownedFloatingIps, releaseNetwork } from './nectar-network.js';
import type { Provisioner } from './nectar-provisioning.js';
import { findSecurityGroup, removeSecurityGroup } from './nectar-security-group.js';
import { deleteServerAndWait, ownedServers, reachableAddress, serverNamed } from './nectar-servers.js';
import { bootstrapPending, controlPlaneMinor, upgradeControlPlane } from './nectar-upgrade.js';
import { peekServer, withServer } from './nectar-vm-access.js';

/** kubeadm's default Service range, which the bootstrap keeps. */
const SERVICE_CIDR = '10.96.0.0/12';

/** The control plane VM as the cluster: `active` once its bootstrap's checks all pass over SSH. */
export function nectarCluster(cloud: NectarCloud, provision: Provisioner): ClusterApiV1 {
  const name = controlPlaneName(cloud.config);
  let kubeconfig: string | undefined;

  const controlPlane = async (): Promise<Server | undefined> => serverNamed(await ownedServers(cloud), name);

  /** The control plane's bootstrap steps still to do, and the minor version its API server runs. */
  async function installedState(server: Server): Promise<{ pending: string[]; minor: string } | undefined> {
    return peekServer(cloud, server, async (connection) => {
      const minor = await controlPlaneMinor(connection);
      const steps = await pending(connection, controlPlaneRun(cloud, server));
      return {
        pending: bootstrapPending(cloud, steps, minor),
        minor: minor ?? cloud.config.cluster.kubernetesVersion,
      };
    });
  }

  async function observe(): Promise<ObservedClusterV1 | undefined> {
    const server = await controlPlane();
    if (server === undefined) return undefined;
    const state = server.status === 'ACTIVE' ? await installedState(server) : undefined;
    const address = reachableAddress(server);
    return {
      name,
      status: state !== undefined && state.pending.length === 0 ? 'active' : 'creating',
      kubernetesVersion: state?.minor ?? cloud.config.cluster.kubernetesVersion,
      ...(address === undefined ? {} : { endpoint: `https://${address}:6443` }),
      tags: server.metadata,
      serviceCidr: SERVICE_CIDR,
      ...(state === undefined && server.status === 'ACTIVE'
        ? { statusReason: 'the VM is not reachable over SSH yet' }
        : {}),
    };
  }

  /**
   * Create (or find) the VM, upgrade its Kubernetes when the config's minor is newer (the workers
   * follow in their nodegroups' steps), and run control-plane.sh; every finished step is only checked.
   */
  async function converge(): Promise<void> {
    const server = await provision.ensureVm({
      name,
      role: 'control-plane',
      flavor: cloud.config.provider.controlPlane.flavor,
      flavorField: 'provider.controlPlane.flavor',
    });
    await withServer(cloud, server, async (connection) => {
      await upgradeControlPlane(cloud, connection, await controlPlaneMinor(connection));
      await run(connection, controlPlaneRun(cloud, server));
    });
  }

  /** What is left once the control plane is gone: other VMs, the security group, floating IPs. */
  async function leftovers(): Promise<string[]> {
    const servers = await ownedServers(cloud);
    return [
      ...servers.map((server) => `vm ${server.name}`),
      ...((await findSecurityGroup(cloud)) ? [`security group ${securityGroupName(cloud.config)}`] : []),
      ...(await ownedFloatingIps(cloud)).map((address) => `floating IP ${address.floatingIpAddress}`),
    ];
  }

  return {
    observe,
    create: converge,
    async update() {
      await converge();
      return [];
    },
    /**
     * Every VM the deployment owns (the control plane last), then the floating IPs, the network
     * hubfleet made and the security group. Volumes are never touched here.
     */
    async delete() {
      const servers = await ownedServers(cloud);
      const others = servers.filter((server) => server.name !== name);
      await Promise.all(others.map((server) => deleteServerAndWait(cloud, server)));
      for (const server of servers.filter((candidate) => candidate.name === name)) {
        await deleteServerAndWait(cloud, server);
      }
      await releaseNetwork(cloud);
      await removeSecurityGroup(cloud);
      kubeconfig = undefined;
    },
    leftovers,
    async baseResources(): Promise<BaseResourceV1[]> {
      const group = await findSecurityGroup(cloud);
      return [{ kind: 'security group', name: securityGroupName(cloud.config), exists: group !== undefined }];
    },
    async kubeconfig() {
      if (kubeconfig !== undefined) return kubeconfig;
      const server = await controlPlane();
      const address = server && reachableAddress(server);
      if (server === undefined || address === undefined) {
        throw new HubfleetError({
          kind: 'not-found',
          message: `the control plane VM ${name} does not exist`,
          hint: 'run hubfleet up first',
          subject: `vm/${name}`,
        });
      }
      kubeconfig = await withServer(cloud, server, (connection) => fetchKubeconfig(connection, address));
      return kubeconfig;
    },
  };
}
