import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderSessionV1 } from '@hubfleet/core';
import {
  createLoadBalancer,
  createNetwork,
  createSubnet,
  deleteLoadBalancer,
  getLoadBalancer,
  listLoadBalancers,
  updateLoadBalancer,
} from '@hubfleet/openstack-client';
import { type OpenStackSimCloud, readCallLog, startOpenStackSimCloud } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caught } from '../test/caught.js';
import { stfcConfig } from '../test/stfc-config.js';
import type { OpenstackProviderSettings } from './openstack-config.js';
import { connectOpenstack } from './openstack-connect.js';

vi.setConfig({ hookTimeout: 180_000, testTimeout: 180_000 });

let cloud: OpenStackSimCloud;
let directory: string;
const opened: ProviderSessionV1[] = [];

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'hubfleet-openstack-errors-'));
  // The key pair the STFC config names exists in the project, as an operator made it.
  const settings = stfcConfig('errors').provider;
  cloud = await startOpenStackSimCloud({ stateDirectory: directory, speed: 100_000, settings });
});

afterAll(async () => {
  await Promise.all(opened.map((session) => session.close()));
  await cloud.close();
  rmSync(directory, { recursive: true, force: true });
});

const base = () => stfcConfig('base');

/** A session on the sim for a deployment of its own, with provider settings changed as given. */
async function session(name: string, provider: Partial<OpenstackProviderSettings> = {}) {
  const base = stfcConfig(name);
  const config = { ...base, provider: { ...base.provider, ...provider } };
  const opening = await connectOpenstack(
    config,
    {
      configDirectory: directory,
      simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
    },
    { pollIntervalMs: 5, retryDelayMs: 2 },
  );
  opened.push(opening);
  return opening;
}

/** Polls (settling the sim's clock) until `check` holds for what `read` answers. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let round = 0; round < 400; round++) {
    cloud.magnum.fake.settle();
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never held');
}

describe('Magnum errors in the config’s words (api-ref container-infra)', () => {
  it('404 on the cluster template: invalid-config on provider.clusterTemplate', async () => {
    const error = await caught(async () =>
      (await session('no-template', { clusterTemplate: 'kubernetes-9.99' })).cluster.create(),
    );
    expect(error).toMatchObject({ kind: 'invalid-config', subject: 'provider.clusterTemplate' });
    expect(error.message).toContain('no Magnum cluster template "kubernetes-9.99"');
    expect(error.hint).toContain('coe cluster template list');
  });

  it('409 on a template name two templates share: invalid-config asking for the id', async () => {
    cloud.magnum.fake.addClusterTemplate({ name: 'twin', coe: 'kubernetes', image_id: 'fedora-coreos-38' });
    cloud.magnum.fake.addClusterTemplate({ name: 'twin', coe: 'kubernetes', image_id: 'fedora-coreos-38' });
    const error = await caught(async () =>
      (await session('twin-template', { clusterTemplate: 'twin' })).cluster.create(),
    );
    expect(error).toMatchObject({ kind: 'invalid-config', subject: 'provider.clusterTemplate' });
    expect(error.hint).toContain('template id');
  });

  it('a tls_disabled template: refused, since no certificate could prove who talks to the API', async () => {
    cloud.magnum.fake.addClusterTemplate({
      name: 'plain-http',
      coe: 'kubernetes',
      image_id: 'fedora-coreos-38',
      tls_disabled: true,
    });
    const error = await caught(async () =>
      (await session('plain', { clusterTemplate: 'plain-http' })).cluster.create(),
    );
    expect(error).toMatchObject({ kind: 'refused', subject: 'provider.clusterTemplate' });
    expect(error.message).toContain('disables TLS');
  });

  it('404 "Unable to find keypair": invalid-config on provider.keypair, nothing created', async () => {
    const missing = await session('no-keypair', { keypair: 'nobody' });
    const error = await caught(() => missing.cluster.create());
    expect(error).toMatchObject({ kind: 'invalid-config', subject: 'provider.keypair' });
    expect(error.hint).toContain('openstack keypair');
    expect(await missing.cluster.observe()).toBeUndefined();
  });

  it('403 ResourceLimitExceeded: quota, not retryable, with a hint', async () => {
    cloud.faults.script({ operation: 'magnum.CreateCluster', fault: 'quota', times: 1 });
    const error = await caught(async () => (await session('over-quota')).cluster.create());
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(error.hint).toContain('quota');
  });

  it('a cluster of the same name without the ownership label: conflict, never a second cluster', async () => {
    const stranger = await session('stranger');
    const template = Object.values(cloud.magnum.state.clusterTemplates).find(
      (candidate) => candidate.name === 'kubernetes-1.34-ha',
    );
    const magnum = await stranger.deployment.services.magnum();
    await magnum.request({
      method: 'POST',
      path: '/clusters',
      body: { name: 'stranger', cluster_template_id: template?.uuid, keypair: base().provider.keypair },
    });
    const error = await caught(() => stranger.cluster.create());
    expect(error).toMatchObject({ kind: 'conflict', subject: 'cluster/stranger' });
    const named = Object.values(cloud.magnum.state.clusters).filter((cluster) => cluster.name === 'stranger');
    expect(named).toHaveLength(1);
  });

  it('CREATE_FAILED: observed failed with Magnum’s status_reason', async () => {
    const failing = await session('create-fails');
    cloud.magnum.fake.failNext('create-cluster', 'Resource CREATE failed: ResourceInError: No valid host');
    await failing.cluster.create();
    const observed = await eventually(
      () => failing.cluster.observe(),
      (cluster) => cluster?.status === 'failed',
    );
    expect(observed?.statusReason).toBe('Resource CREATE failed: ResourceInError: No valid host');
  });

  it('DELETE_FAILED: observed failed, and delete asks Magnum again until the cluster is gone', async () => {
    const stuck = await session('delete-fails');
    await stuck.cluster.create();
    await eventually(
      () => stuck.cluster.observe(),
      (cluster) => cluster?.status === 'active',
    );
    cloud.magnum.fake.failNext('delete-cluster', 'Resource DELETE failed: Conflict: port in use');
    await stuck.cluster.delete();
    const failed = await eventually(
      () => stuck.cluster.observe(),
      (cluster) => cluster?.status === 'failed',
    );
    expect(failed?.statusReason).toContain('port in use');
    await stuck.cluster.delete();
    expect(
      await eventually(
        () => stuck.cluster.observe(),
        (cluster) => cluster === undefined,
      ),
    ).toBeUndefined();
  });
});

describe('Cinder errors (api-ref block-storage v3)', () => {
  it('413 overLimit on a create: quota, not retryable', async () => {
    const volumes = (await session('cinder-quota')).volumes;
    cloud.faults.script({ operation: 'cinder.CreateVolume', fault: 'quota', times: 1 });
    const hub = stfcConfig('cinder-quota').hubs[0];
    if (hub === undefined) throw new Error('the config has a hub');
    const error = await caught(() => volumes.create(hub));
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
  });

  it('400 "Invalid volume" on a delete while attached: a retryable conflict naming the hub', async () => {
    const volumes = (await session('cinder-attached')).volumes;
    const hub = stfcConfig('cinder-attached').hubs[0];
    if (hub === undefined) throw new Error('the config has a hub');
    const volume = await volumes.create(hub);
    await eventually(
      async () => {
        cloud.cinder.fake.settle();
        return (await volumes.list()).find((listed) => listed.id === volume.id);
      },
      (listed) => listed?.status === 'available',
    );
    const record = cloud.cinder.state.volumes[volume.id];
    if (record === undefined) throw new Error('the volume exists');
    record.status = 'in-use';
    const error = await caught(() => volumes.delete(volume));
    expect(error).toMatchObject({ kind: 'conflict', retryable: true, subject: `volume/${hub.name}` });
    expect(error.message).toContain('still attached');
  });

  it('404 on storage.adoptVolume: invalid-config on that field', async () => {
    const volumes = (await session('cinder-adopt')).volumes;
    const hub = stfcConfig('cinder-adopt').hubs[0];
    if (hub === undefined) throw new Error('the config has a hub');
    const error = await caught(() =>
      volumes.create({
        ...hub,
        storage: { ...hub.storage, adoptVolume: '00000000-0000-0000-0000-000000000000' },
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid-config', subject: `hubs.${hub.name}.storage.adoptVolume` });
  });
});

describe('Octavia errors (api-ref load-balancer v2; wsme {faultcode, faultstring})', () => {
  /** A load balancer on a subnet of its own, as the cloud controller makes one: PENDING_CREATE at first. */
  async function loadBalancer(name: string) {
    const opened = await session(name);
    const network = await opened.deployment.services.neutron();
    const octavia = await opened.deployment.services.octavia();
    const net = await createNetwork(network, { name: `${name}-net` });
    const subnet = await createSubnet(network, { network_id: net.id, cidr: '10.9.0.0/24' });
    const created = await createLoadBalancer(octavia, { name, vip_subnet_id: subnet.id });
    return { octavia, created };
  }

  it('403 "Quota has been met": quota, not retryable, with a hint', async () => {
    const octavia = await (await session('octavia-quota')).deployment.services.octavia();
    cloud.faults.script({ operation: 'octavia.CreateLoadBalancer', fault: 'quota', times: 1 });
    const error = await caught(() => createLoadBalancer(octavia, { name: 'over', vip_subnet_id: 'any' }));
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(error.message).toContain('Quota has been met');
    expect(error.hint).toContain('quota');
  });

  it('409 "… is immutable and cannot be updated" while PENDING_*: a retryable conflict', async () => {
    const { octavia, created } = await loadBalancer('octavia-immutable');
    expect(created.provisioningStatus).toBe('PENDING_CREATE');
    // The sim's clock runs fast: hold the load balancer in PENDING_UPDATE, as a slow amphora would.
    const record = cloud.octavia.state.loadBalancers[created.id];
    if (record === undefined) throw new Error('the load balancer exists');
    Object.assign(record, { status: 'PENDING_UPDATE', transition: undefined });
    const error = await caught(() => updateLoadBalancer(octavia, created.id, { description: 'again' }));
    expect(error).toMatchObject({ kind: 'conflict', retryable: true, subject: `loadbalancer/${created.id}` });
    expect(error.message).toContain('immutable');
  });

  it('503 ProjectBusy: retried through by the client, the call succeeds', async () => {
    const octavia = await (await session('octavia-busy')).deployment.services.octavia();
    const count = () =>
      readCallLog(cloud.callLogFile).filter(
        (call) => call.service === 'octavia' && call.operation === 'ListLoadBalancers',
      ).length;
    const before = count();
    cloud.faults.script({ operation: 'octavia.ListLoadBalancers', fault: 'unavailable', times: 1 });
    expect(Array.isArray(await listLoadBalancers(octavia))).toBe(true);
    expect(count()).toBe(before + 2);
  });

  it('404 on a load balancer that is gone: not-found, and a delete of it answers false', async () => {
    const octavia = await (await session('octavia-gone')).deployment.services.octavia();
    const missing = '00000000-0000-0000-0000-000000000000';
    const error = await caught(() => getLoadBalancer(octavia, missing));
    expect(error).toMatchObject({ kind: 'not-found', subject: `loadbalancer/${missing}` });
    expect(await deleteLoadBalancer(octavia, missing)).toBe(false);
  });
});
