import { rmSync } from 'node:fs';
import { HubfleetError, type ProviderSessionV1 } from '@hubfleet/core';
import { DEFAULT_NOVA_QUOTAS, NECTAR_PROFILE, type NectarVmSim } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../test/example-config.js';
import { nectarSimSession } from '../test/nectar-sim-session.js';

// Three 32-core compute VMs: the sim project's 64 cores hold the control plane (4) and one of them.
const config = exampleConfig((text) =>
  text
    .replace('name: comp20003-jh ', 'name: quota ')
    .replace('instanceType: m3.large', 'instanceType: m3.xxlarge')
    .replace(/min: 4( +#[^\n]*)?\n(\s+)max: 4/, 'min: 3\n$2max: 3'),
);

describe("the sim NeCTAR project's allocation", () => {
  it('holds the UniMelb example as shipped (7 VMs, 42 cores, 84 GiB), which the default Nova quota does not', () => {
    const example = exampleConfig();
    const flavors = [
      example.provider.controlPlane.flavor,
      example.provider.storageNode.flavor,
      ...example.cluster.nodeGroups.flatMap((group) => Array(group.min).fill(group.instanceType)),
    ].map((name) => NECTAR_PROFILE.flavors.find((flavor) => flavor.name === name));
    const used = {
      instances: flavors.length,
      cores: flavors.reduce((sum, flavor) => sum + (flavor?.vcpus ?? Infinity), 0),
      ram: flavors.reduce((sum, flavor) => sum + (flavor?.ram ?? Infinity), 0),
    };
    expect(used).toEqual({ instances: 7, cores: 42, ram: 84 * 1024 });
    const allocation = { ...DEFAULT_NOVA_QUOTAS, ...NECTAR_PROFILE.novaQuotas };
    expect(used.cores).toBeLessThanOrEqual(allocation.cores);
    expect(used.ram).toBeLessThanOrEqual(allocation.ram);
    expect(used.instances).toBeLessThanOrEqual(allocation.instances);
    expect(used.cores).toBeGreaterThan(DEFAULT_NOVA_QUOTAS.cores);
  });
});

/** The error `work` rejects with: a HubfleetError, or the test fails. */
async function errorOf(work: Promise<unknown>): Promise<HubfleetError> {
  const error: unknown = await work.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(HubfleetError);
  return error as HubfleetError;
}

describe('a nodegroup larger than the NeCTAR project quota', { timeout: 300_000 }, () => {
  let sim: NectarVmSim;
  let session: ProviderSessionV1;
  let directory: string;
  const compute = config.cluster.nodeGroups.find((group) => group.name === 'compute');
  // The pool's VMs are asked for at once: whichever create reaches Nova first gets the cores.
  const serverNames = () =>
    Object.values(sim.cloud.nova.state.servers)
      .map((server) => server.name.replace(/^quota-compute-\d$/, 'quota-compute-N'))
      .sort();
  const refusedCreates = () =>
    sim.cloud.calls().filter((call) => call.operation === 'CreateServer' && call.status === 403).length;

  beforeAll(async () => {
    ({ sim, session, directory } = await nectarSimSession(config));
    await session.cluster.create();
  });

  afterAll(async () => {
    await session?.close();
    await sim?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("is refused with Nova's quota error and its hint; the VM that fitted is joined", async () => {
    if (!compute) throw new Error('the example has a compute nodegroup');
    const error = await errorOf(session.nodeGroups.create(compute));
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(error.message).toMatch(/Quota exceeded for cores: Requested 32, but already used 36 of 64 cores/);
    expect(error.hint).toMatch(/quota/);
    expect(serverNames()).toEqual(['quota-compute-N', 'quota-cp']);
    expect(refusedCreates()).toBe(2);
  });

  it('a second run sees a pool one node short, not a busy one, and fails as clearly instead of waiting', async () => {
    if (!compute) throw new Error('the example has a compute nodegroup');
    const observed = (await session.nodeGroups.list()).find((group) => group.name === 'compute');
    // `active` with fewer VMs than the config: core plans an update, which is the provider's to do.
    expect(observed).toMatchObject({ status: 'active', min: 1, max: 1, desired: 1 });
    if (!observed) throw new Error('no compute nodegroup');
    const error = await errorOf(session.nodeGroups.update(compute, observed));
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(serverNames()).toEqual(['quota-compute-N', 'quota-cp']);
    expect(refusedCreates()).toBe(4);
  });
});
