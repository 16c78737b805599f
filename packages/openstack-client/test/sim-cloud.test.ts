import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenStackSimCloud, startNectarSimCloud, startOpenStackSimCloud } from '@hubfleet/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVolume, listVolumes } from '../src/cinder/cinder-volumes.js';
import { loadOpenStackCredentials } from '../src/config/load-credentials.js';
import type { OpenStackServiceType } from '../src/errors/openstack-error.js';
import { listClusterTemplates } from '../src/magnum/magnum-cluster-templates.js';
import { createCluster, getCluster, listClusters } from '../src/magnum/magnum-clusters.js';
import { createOpenStackSession } from '../src/session/openstack-session.js';

let directory: string;
let sim: OpenStackSimCloud | undefined;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'openstack-sim-'));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  rmSync(directory, { recursive: true, force: true });
});

const http = { sleep: async () => {} };

function sessionFromCloudsYaml(cloud: OpenStackSimCloud, name: string) {
  const credentials = loadOpenStackCredentials({
    cloud: name,
    env: { OS_CLIENT_CONFIG_FILE: cloud.cloudsYamlFile },
    cwd: directory,
    home: directory,
  });
  return createOpenStackSession({ credentials, http });
}

/** One list call per service, each at its catalog endpoint: every endpoint answers. */
const PROBES: Array<[OpenStackServiceType, string, string]> = [
  ['container-infra', '/clusters', 'clusters'],
  ['block-storage', '/volumes/detail', 'volumes'],
  ['compute', '/flavors/detail', 'flavors'],
  ['network', '/networks', 'networks'],
  ['load-balancer', '/lbaas/loadbalancers', 'loadbalancers'],
  ['image', '/images', 'images'],
];

describe('the simulated OpenStack cloud', () => {
  it('needs only its Keystone: a token from the written clouds.yaml lists a catalog whose endpoints answer', async () => {
    sim = await startOpenStackSimCloud({ stateDirectory: directory, speed: 1000 });
    expect(sim.provider).toBe('openstack');
    for (const name of ['sim', 'sim-password']) {
      const session = sessionFromCloudsYaml(sim, name);
      const token = await session.tokens.current();
      expect(token.catalog.map((entry) => entry.type).sort()).toEqual([
        'compute',
        'container-infra',
        'identity',
        'image',
        'load-balancer',
        'network',
        'volumev3',
      ]);
      for (const [type, path, key] of PROBES) {
        const client = await session.service(type);
        const response = await client.request<Record<string, unknown>>({ method: 'GET', path });
        expect(Array.isArray(response.body[key]), `${type} ${path}`).toBe(true);
      }
    }
    const session = sessionFromCloudsYaml(sim, 'sim');
    const flavors = (
      await (await session.service('compute')).listAll<{ name: string }>('/flavors/detail', 'flavors')
    ).map((flavor) => flavor.name);
    expect(flavors).toContain('l3.nano');
    const templates = await listClusterTemplates(await session.service('container-infra'));
    expect(templates.map((template) => template.name).sort()).toEqual(['kube-1.29', 'kubernetes-1.34-ha']);
  });

  it('keeps its state across a restart on the same directory, and the same credentials still work', async () => {
    sim = await startOpenStackSimCloud({ stateDirectory: directory, speed: 1000 });
    let session = sessionFromCloudsYaml(sim, 'sim');
    const magnum = await session.service('container-infra');
    const [template] = await listClusterTemplates(magnum);
    const uuid = await createCluster(magnum, {
      name: 'persisted',
      cluster_template_id: template?.uuid ?? '',
    });
    await createVolume(await session.service('block-storage'), {
      size: 1,
      name: 'home',
      metadata: { owner: 'hub' },
    });
    await sim.close();
    sim = await startOpenStackSimCloud({ stateDirectory: directory, speed: 1000 });
    session = sessionFromCloudsYaml(sim, 'sim');
    expect((await getCluster(await session.service('container-infra'), uuid)).name).toBe('persisted');
    expect((await listClusters(await session.service('container-infra'))).length).toBe(1);
    expect(
      (await listVolumes(await session.service('block-storage'), { metadata: { owner: 'hub' } })).map(
        (volume) => volume.name,
      ),
    ).toEqual(['home']);
    // The profile's templates are seeded once, not again on a restart.
    expect((await listClusterTemplates(await session.service('container-infra'))).length).toBe(2);
  });

  it('reports what the project holds in the inventory, with ownership from labels, metadata and tags', async () => {
    // Speed 1: the 14-minute cluster create is certainly still running when the inventory is read.
    sim = await startOpenStackSimCloud({ stateDirectory: directory });
    const session = sessionFromCloudsYaml(sim, 'sim');
    const magnum = await session.service('container-infra');
    const template = (await listClusterTemplates(magnum)).find((candidate) => candidate.name === 'kube-1.29');
    const owned = { 'hubfleet.io/deployment': 'physics' };
    await createCluster(magnum, {
      name: 'physics',
      cluster_template_id: template?.uuid ?? '',
      labels: owned,
      merge_labels: true,
    });
    await createVolume(await session.service('block-storage'), {
      size: 5,
      metadata: { ...owned, 'hubfleet.io/hub': 'main' },
    });
    const network = await session.service('network');
    await network.request({ method: 'POST', path: '/networks', body: { network: { name: 'physics-net' } } });
    const inventory = await sim.inventory();
    expect(inventory).toMatchObject({ provider: 'openstack', region: 'RegionOne' });
    expect(inventory.clusters).toEqual([
      { name: 'physics', status: 'creating', kubernetesVersion: '1.29.2', deployment: 'physics' },
    ]);
    expect(inventory.nodeGroups.map((group) => [group.name, group.status, group.readyNodes]).sort()).toEqual([
      ['default-master', 'creating', 0],
      ['default-worker', 'creating', 0],
    ]);
    expect(inventory.volumes).toEqual([
      expect.objectContaining({
        hub: 'main',
        sizeGiB: 5,
        zone: 'ceph',
        status: 'creating',
        deployment: 'physics',
      }),
    ]);
    expect(inventory.networks).toHaveLength(1);
    expect(inventory.calls.total).toBe(sim.calls().length);
    expect(inventory.calls.mutating).toBeGreaterThanOrEqual(3);
  });

  it('looks like NeCTAR for nectar: its flavors, images, zones and region', async () => {
    sim = await startNectarSimCloud({ stateDirectory: directory, speed: 1000 });
    expect(sim.provider).toBe('nectar');
    expect(sim.region).toBe('Melbourne');
    const session = sessionFromCloudsYaml(sim, 'sim');
    const compute = await session.service('compute');
    const flavors = (await compute.listAll<{ name: string }>('/flavors/detail', 'flavors')).map(
      (flavor) => flavor.name,
    );
    expect(flavors).toEqual(expect.arrayContaining(['m3.small', 'c3.large', 'r3.medium', 't3.xsmall']));
    const zones = await compute.request<{ availabilityZoneInfo: Array<{ zoneName: string }> }>({
      method: 'GET',
      path: '/os-availability-zone',
    });
    expect(zones.body.availabilityZoneInfo.map((zone) => zone.zoneName)).toContain('melbourne-qh2');
    const images = await (await session.service('image')).listAll<{ name: string }>('/images', 'images');
    expect(images.map((image) => image.name)).toContain('NeCTAR Ubuntu 24.04 LTS (Noble) amd64');
    const volume = await createVolume(await session.service('block-storage'), {
      size: 1,
      availability_zone: 'monash-01',
    });
    expect(volume.availabilityZone).toBe('monash-01');
  });
});
