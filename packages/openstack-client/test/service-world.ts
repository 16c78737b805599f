import {
  DEFAULT_KEYSTONE_IDENTITY,
  type RunningGlanceFake,
  type RunningNeutronFake,
  type RunningNovaFake,
  type RunningOctaviaFake,
  type StartGlanceFakeOptions,
  type StartNeutronFakeOptions,
  type StartNovaFakeOptions,
  type StartOctaviaFakeOptions,
  startGlanceFake,
  startNeutronFake,
  startNovaFake,
  startOctaviaFake,
} from '@hubfleet/testkit';
import type { ServiceClient } from '../src/session/service-client.js';
import { type FakeWorld, sessionFor, startFakeWorld } from './fake-world.js';

/**
 * Keystone plus the Nova, Neutron, Octavia and Glance fakes, wired as the sim cloud wires them
 * (servers and VIPs on Neutron ports, tokens checked with Keystone) and listed in the catalog.
 */
export interface ServiceWorld extends FakeWorld {
  nova: RunningNovaFake;
  neutron: RunningNeutronFake;
  octavia: RunningOctaviaFake;
  glance: RunningGlanceFake;
  compute(): Promise<ServiceClient>;
  network(): Promise<ServiceClient>;
  loadBalancer(): Promise<ServiceClient>;
  image(): Promise<ServiceClient>;
}

export interface OtherFakeOptions {
  glance?: Partial<StartGlanceFakeOptions>;
  neutron?: Partial<StartNeutronFakeOptions>;
  octavia?: Partial<StartOctaviaFakeOptions>;
}

export async function startServiceWorld(
  nova: Partial<StartNovaFakeOptions> = {},
  others: OtherFakeOptions = {},
): Promise<ServiceWorld> {
  const world = await startFakeWorld();
  const common = {
    clock: world.clock,
    faults: world.faults,
    callLog: world.callLog,
    validToken: world.keystone.fake.validToken,
    projectId: DEFAULT_KEYSTONE_IDENTITY.project.id,
  };
  const neutron = await startNeutronFake({ ...common, ...others.neutron });
  const glance = await startGlanceFake({
    ...common,
    images: [
      {
        id: 'c0ffee00-0000-4000-8000-000000000001',
        name: 'ubuntu-24.04',
        properties: { os_distro: 'ubuntu' },
      },
      { id: 'c0ffee00-0000-4000-8000-000000000002', name: 'ubuntu-22.04', status: 'deactivated' },
      { id: 'c0ffee00-0000-4000-8000-000000000003', name: 'fedora-coreos-40', visibility: 'community' },
      {
        id: 'c0ffee00-0000-4000-8000-000000000004',
        name: 'ubuntu-24.04',
        visibility: 'private',
        owner: common.projectId,
      },
    ],
    ...others.glance,
  });
  const novaFake = await startNovaFake({
    ...common,
    ports: neutron.fake.ports,
    imageExists: glance.fake.imageExists,
    ...nova,
  });
  const octavia = await startOctaviaFake({ ...common, ports: neutron.fake.ports, ...others.octavia });
  const keystone = world.keystone.fake;
  keystone.registerService({ type: 'compute', name: 'nova', url: `${novaFake.url}/v2.1` });
  keystone.registerService({ type: 'network', name: 'neutron', url: neutron.url });
  keystone.registerService({ type: 'load-balancer', name: 'octavia', url: octavia.url });
  keystone.registerService({ type: 'image', name: 'glance', url: glance.url });
  const session = sessionFor(world);
  return {
    ...world,
    nova: novaFake,
    neutron,
    octavia,
    glance,
    compute: () => session.service('compute'),
    network: () => session.service('network'),
    loadBalancer: () => session.service('load-balancer'),
    image: () => session.service('image'),
    close: async () => {
      await Promise.all([novaFake.close(), neutron.close(), octavia.close(), glance.close()]);
      await world.close();
    },
  };
}
