import { v1 as compute } from '@google-cloud/compute';
import type { HubfleetConfig, ProviderResourceV1, ResourceContextV1 } from '@hubfleet/core';
import { HubfleetError } from '@hubfleet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { otherToolAuth, rhodesConfig, startGoogleFakes } from '../test/gke-fake-world.js';
import type { ObservedAddress } from './gke-address.js';
import type { GkeProviderSettings } from './gke-config.js';
import { connectGke } from './gke-connect.js';
import type { GkeProviderSession } from './gke-session.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const PROJECT = 'rhodes-cs';
const REGION = 'us-central1';
type Fakes = Awaited<ReturnType<typeof startGoogleFakes>>;
const open: { fakes: Fakes; session: GkeProviderSession }[] = [];

afterEach(async () => {
  for (const { fakes, session } of open.splice(0)) {
    await session.close();
    await fakes.close();
  }
});

/** The hub's `storage.onDelete` set to `onDelete`. */
function withOnDelete(
  config: HubfleetConfig<GkeProviderSettings>,
  onDelete: 'retain' | 'delete',
): HubfleetConfig<GkeProviderSettings> {
  return { ...config, hubs: config.hubs.map((hub) => ({ ...hub, storage: { ...hub.storage, onDelete } })) };
}

async function world(onDelete: 'retain' | 'delete', users: () => string[] = () => []) {
  const fakes = await startGoogleFakes(PROJECT, { addressUsers: users });
  const config = withOnDelete(rhodesConfig('jupyter', PROJECT), onDelete);
  const session = await connectGke(
    config,
    { configDirectory: process.cwd(), simulation: { endpoints: fakes.endpoints, credentials: fakes.key } },
    { pollIntervalMs: 2, retryDelayMs: 1 },
  );
  open.push({ fakes, session });
  const target = session.resources?.().find((resource) => resource.kind === 'address') as
    | ProviderResourceV1<ObservedAddress>
    | undefined;
  if (target === undefined)
    throw new Error('the Rhodes config has a static address: expected address/jupyter-ip');
  return { fakes, session, target };
}

/** The address resource does not use the cluster, so its context needs none. */
const CONTEXT: ResourceContextV1 = {
  kubernetes: async () => undefined,
  facts: async () => ({}),
  signal: new AbortController().signal,
};

/** Reserve or adopt it and mark it, as `up`'s step does, then observe it until RESERVED. */
async function up(target: ProviderResourceV1<ObservedAddress>): Promise<ObservedAddress> {
  await target.apply('create', CONTEXT);
  const observed = await target.observe(CONTEXT);
  if (observed === undefined) throw new Error('address/jupyter-ip was not observed after up');
  return observed;
}

describe('address/<name>: the static address holds data (an address change breaks DNS)', () => {
  it('with a hub that retains its data, down keeps it whatever the flags, saying which hub', async () => {
    const { target } = await world('retain');
    const observed = await up(target);
    expect(observed).toMatchObject({
      name: 'jupyter-ip',
      owned: true,
      labels: { 'hubfleet-serving': 'jupyter' },
    });
    expect(target.diff(observed)).toMatchObject({
      action: 'noop',
      reason: `${observed.ip}: point rhodes-py.org here`,
    });
    expect(target.holdsData?.(observed)).toEqual({
      what: `the static address jupyter-ip (${observed.ip}) that rhodes-py.org's DNS points at`,
      onDelete: 'retain',
      keptBecause: 'not every hub has storage.onDelete: delete (hub jhub (retain))',
    });
  });

  it('with every hub onDelete: delete, delete (down --delete-data) releases it; a second delete finds nothing', async () => {
    const { target, session } = await world('delete');
    const observed = await up(target);
    expect(target.holdsData?.(observed)).toMatchObject({ onDelete: 'delete' });
    await target.apply('delete', CONTEXT);
    expect(await target.observe(CONTEXT)).toBeUndefined();
    expect(await session.address.observe()).toBeUndefined();
    await target.apply('delete', CONTEXT);
  });

  it('while the ingress load balancer still holds it, release is a retryable conflict naming the address', async () => {
    let users: string[] = [];
    const { target, session } = await world('delete', () => users);
    const observed = await up(target);
    users = [
      `https://www.googleapis.com/compute/v1/projects/${PROJECT}/regions/${REGION}/forwardingRules/a1b2`,
    ];
    const refused = await target.apply('delete', CONTEXT).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HubfleetError);
    expect(refused).toMatchObject({ kind: 'conflict', retryable: true, subject: 'address/jupyter-ip' });
    expect((refused as HubfleetError).message).toContain('jupyter-ip is still held by a forwarding rule');
    expect((await session.address.observe())?.ip).toBe(observed.ip);
    users = [];
    await target.apply('delete', CONTEXT);
    expect(await session.address.observe()).toBeUndefined();
  });

  it('an address reserved outside hubfleet is adopted and never released, --delete-data included', async () => {
    const { target, fakes } = await world('delete');
    const addresses = otherAddressesClient(fakes);
    // Reserved by hand first, as Rhodes did in the console: no hubfleet labels.
    await addresses.insert({ project: PROJECT, region: REGION, addressResource: { name: 'jupyter-ip' } });
    const observed = await up(target);
    expect(observed.labels).toMatchObject({ 'hubfleet-adopted': 'true', 'hubfleet-serving': 'jupyter' });
    expect(target.holdsData?.(observed)).toMatchObject({
      onDelete: 'retain',
      keptBecause: 'it was reserved outside hubfleet (adopted)',
    });
    // Even asked to delete, the adopted address stays reserved.
    await target.apply('delete', CONTEXT);
    const [left] = await addresses.get({ project: PROJECT, region: REGION, address: 'jupyter-ip' });
    expect(left.address).toBe(observed.ip);
  });
});

/** The Compute client as another tool (the console, gcloud) would use it against the same fake. */
function otherAddressesClient(fakes: Fakes): compute.AddressesClient {
  const { hostname, port } = new URL(fakes.compute.url);
  return new compute.AddressesClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: hostname,
    port: Number(port),
    authClient: otherToolAuth(fakes) as never,
    universeDomain: 'googleapis.com',
  });
}
