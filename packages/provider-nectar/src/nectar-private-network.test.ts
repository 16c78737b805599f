import { rmSync } from 'node:fs';
import type { ProviderSessionV1 } from '@hubfleet/core';
import type { NectarVmSim } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../test/example-config.js';
import { nectarSimSession } from '../test/nectar-sim-session.js';
import { nodeNames } from '../test/sim-vm-access.js';

/** The example on a private network: VMs behind a router, reached through floating IPs. */
const config = exampleConfig((text) =>
  text
    .replace('name: comp20003-jh ', 'name: private ')
    .replace(
      'network: { kind: classic }',
      'network: { kind: private, name: jh-net, floatingIpPool: melbourne }',
    ),
);

describe('a private network: the control plane behind a router, reached through its floating IP', {
  timeout: 300_000,
}, () => {
  let sim: NectarVmSim;
  let session: ProviderSessionV1;
  let directory: string;

  beforeAll(async () => {
    ({ sim, session, directory } = await nectarSimSession(config));
  });

  afterAll(async () => {
    await session?.close();
    await sim?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('makes the network, subnet and router, gives the VM a floating IP, and serves the API there', async () => {
    await session.cluster.create();
    const { neutron } = sim.cloud;
    const network = Object.values(neutron.state.networks).find((candidate) => candidate.name === 'jh-net');
    expect(network?.tags).toContain('hubfleet-private');
    expect(Object.values(neutron.state.routers).map((router) => router.name)).toContain('jh-net');
    const floating = Object.values(neutron.state.floatingIps).map((address) => address.floatingIpAddress);
    expect(floating).toHaveLength(1);
    const observed = await session.cluster.observe();
    expect(observed).toMatchObject({ status: 'active', endpoint: `https://${floating[0]}:6443` });
    // The kubeconfig names the floating IP, which the API server's certificate lists.
    const kubeconfig = await session.cluster.kubeconfig();
    expect(kubeconfig).toContain(`server: https://${floating[0]}:6443`);
    expect(await nodeNames(kubeconfig)).toEqual(['private-cp']);
  });

  it('delete releases the floating IP and the network hubfleet made', async () => {
    await session.cluster.delete();
    const { neutron } = sim.cloud;
    expect(Object.values(neutron.state.floatingIps)).toEqual([]);
    expect(Object.values(neutron.state.networks).map((network) => network.name)).not.toContain('jh-net');
    expect(Object.values(neutron.state.routers).map((router) => router.name)).not.toContain('jh-net');
    expect(await session.cluster.leftovers?.()).toEqual([]);
  });
});
