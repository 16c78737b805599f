import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criticalPath, parseTimings, wallTimeMs } from '@hubfleet/core/engine';
import { type SimInventory, startOpenStackSimCloud } from '@hubfleet/testkit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, type SimWorkspace, sim, simWorkspace } from './sim-harness.js';

/** The STFC example with its `jhub` home on one shared Cinder volume, so `down` has a data volume to keep. */
const sharedHome = (text: string) =>
  text.replace(
    'home: per-user-volume             # 002 "Recommended Setup": a Cinder volume per user ...\n      size: 1Gi ',
    'home: shared-nfs\n      size: 10Gi',
  );

/** Octavia's load balancers and Neutron's floating IPs in the workspace's simulated project (read, no call made). */
async function network(workspace: SimWorkspace): Promise<{ loadBalancers: string[]; floatingIps: string[] }> {
  const cloud = await startOpenStackSimCloud({ stateDirectory: workspace.stateDirectory });
  try {
    cloud.octavia.fake.contextNow(); // settles deletes whose time has passed, as a read would
    return {
      loadBalancers: Object.values(cloud.octavia.state.loadBalancers).map(
        (balancer) => `${balancer.name} ${balancer.status}`,
      ),
      floatingIps: Object.values(cloud.neutron.state.floatingIps).map((address) => address.floatingIpAddress),
    };
  } finally {
    await cloud.close();
  }
}

/** The config's nodegroups as Magnum holds them (Magnum's own default groups carry no nodegroup label). */
function configNodegroups(state: SimInventory): [string | undefined, string, string, number][] {
  return state.nodeGroups
    .filter((group) => group.nodeGroup !== undefined)
    .map((group): [string | undefined, string, string, number] => [
      group.nodeGroup,
      group.name,
      group.status,
      group.desiredNodes,
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/**
 * STFC (seed 002) end to end on the simulated OpenStack project, through the built binary: Magnum
 * cluster and nodegroups, Cinder, Octavia and the cluster's Kubernetes API over TLS. Every command
 * starts the simulated cloud afresh from its state files, as separate runs of the CLI do.
 */
describe('hubfleet up / status / down --sim on examples/openstack-stfc.yaml', { timeout: 600_000 }, () => {
  const workspace = simWorkspace('openstack-stfc.yaml', sharedHome);
  const timings = join(workspace.directory, 'timings.json');

  it('up converges: one Magnum cluster, a Magnum nodegroup per config nodegroup, the hubs', async () => {
    const run = await sim(workspace, 'up', ['--yes', '--timings', timings]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('hubfleet up finished for jupyter-prod.');
    expect(run.stdout).toContain('Deployment jupyter-prod (openstack): ready');
    expect(run.stdout).toMatch(/core\s+active\s+l3\.small\s+1\/1\s+1-2/);
    expect(run.stdout).toMatch(/gpu-worker\s+active\s+g-v100\.x1\s+1\/1\s+1-2/);
    const state = await inventory(workspace, 'jupyter-prod');
    expect(state).toMatchObject({ provider: 'openstack', region: 'RegionOne' });
    expect(
      state.clusters.map((cluster) => [cluster.name, cluster.status, cluster.kubernetesVersion]),
    ).toEqual([['jupyter-prod', 'active', '1.34.1']]);
    // 002's `default-worker` is Magnum's own group's name: hubfleet's takes `hubfleet-default-worker`.
    expect(configNodegroups(state)).toEqual([
      ['core', 'core', 'active', 1],
      ['default-worker', 'hubfleet-default-worker', 'active', 1],
      ['gpu-worker', 'gpu-worker', 'active', 1],
    ]);
    // The shared home: one Cinder volume, found by its metadata (the sim attaches no CSI volumes).
    expect(state.volumes.map((volume) => [volume.hub, volume.sizeGiB, volume.status])).toEqual([
      ['jhub', 10, 'available'],
    ]);
  });

  it('the --timings file: wall time within 1.1x of its longest dependency chain', () => {
    const file = parseTimings(JSON.parse(readFileSync(timings, 'utf8')));
    const chain = criticalPath(file);
    expect(chain.steps[0]).toBe('cluster/jupyter-prod');
    expect(chain.steps.at(-1)).toMatch(/^hub\//);
    expect(wallTimeMs(file) / chain.durationMs).toBeLessThanOrEqual(1.1);
  });

  it('a second up makes no mutating call and says the plan is converged in one line', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['No changes: jupyter-prod is up to date.', '']);
    expect(calls.some((call) => call.service === 'magnum')).toBe(true);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('status shows the nodegroups, tools and hubs ready', async () => {
    const json = await sim(workspace, 'status', ['--output', 'json']);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ deployment: 'jupyter-prod', ready: true, cluster: { status: 'active' } });
    expect(
      status.nodeGroups.map((group: { name: string; status: string }) => [group.name, group.status]),
    ).toEqual([
      ['core', 'active'],
      ['default-worker', 'active'],
      ['gpu-worker', 'active'],
    ]);
    const tools = status.tools.map((tool: { release: string; ready: boolean }) => [tool.release, tool.ready]);
    expect(tools).toContainEqual(['cluster-autoscaler', true]);
    expect(status.tools.every((tool: { ready: boolean }) => tool.ready)).toBe(true);
    expect(status.hubs.map((hub: { name: string; ready: boolean }) => [hub.name, hub.ready])).toEqual([
      ['jhub', true],
      ['outreach', true],
    ]);
    // The floating IP is the DNS target; Let's Encrypt went ahead once the host resolved to it.
    expect(status.dns).toEqual({
      host: 'jupyter.stfc.ac.uk',
      address: '130.246.0.10',
      record: { name: 'jupyter.stfc.ac.uk', type: 'A', value: '130.246.0.10' },
    });
    const resources = Object.fromEntries(
      status.resources.map((resource: { id: string; ready: boolean; detail: string }) => [
        resource.id,
        [resource.ready, resource.detail],
      ]),
    );
    expect(resources['floating-ip/ingress']).toEqual([
      true,
      expect.stringContaining('point jupyter.stfc.ac.uk A 130.246.0.10'),
    ]);
    expect(resources['acme/letsencrypt']).toEqual([true, 'jupyter.stfc.ac.uk resolves to 130.246.0.10']);
    // Every node, the tainted GPU node and master included: one each of master, core, default-worker, gpu-worker.
    expect(resources['daemonset/csi-cinder-nodeplugin']).toEqual([
      true,
      'tolerates every taint; runs on 4 nodes',
    ]);
  });

  it('kubeconfig --out: the Magnum-signed client certificate (CN=admin, O=system:masters), with its lifetime noted', async () => {
    const out = join(workspace.directory, 'kubeconfig.yaml');
    const run = await sim(workspace, 'kubeconfig', ['--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/client certificate valid until \d{4}-\d\d-\d\dT/);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[1]).toMatch(/^# kubectl authenticates with a client certificate valid until /);
    const kubeconfig = parse(text) as { users: { user: Record<string, string> }[] };
    const user = kubeconfig.users[0]?.user ?? {};
    expect(Object.keys(user).sort()).toEqual(['client-certificate-data', 'client-key-data']);
    const certificate = new X509Certificate(Buffer.from(user['client-certificate-data'] ?? '', 'base64'));
    expect(certificate.subject.split('\n').sort()).toEqual(['CN=admin', 'O=system:masters']);
  });

  it('down keeps the hub volume with its metadata; a second down is a no-op; up adopts it again', async () => {
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kept (storage.onDelete: retain): volume/jhub');
    const state = await inventory(workspace, 'jupyter-prod');
    expect(state.clusters).toEqual([]);
    expect(configNodegroups(state)).toEqual([]);
    const [kept] = state.volumes;
    // No Octavia load balancer is left; the floating IP stays in the project (DNS points at it).
    expect(await network(workspace)).toEqual({ loadBalancers: [], floatingIps: ['130.246.0.10'] });
    expect(state.volumes.map((volume) => [volume.hub, volume.status])).toEqual([['jhub', 'available']]);
    const again = await callsDuring(workspace, () => sim(workspace, 'down', ['--yes']));
    expect(again.result.code).toBe(0);
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);

    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.code).toBe(0);
    const after = await inventory(workspace, 'jupyter-prod');
    expect(after.clusters.map((cluster) => cluster.name)).toEqual(['jupyter-prod']);
    // The retained volume is found by its metadata and mounted again: no second volume.
    expect(after.volumes.map((volume) => [volume.id, volume.hub])).toEqual([[kept?.id, 'jhub']]);
  });

  it('onDelete: snapshot: down --delete-data takes a Cinder backup, waits until it is available, then deletes the volume', async () => {
    const text = readFileSync(workspace.config, 'utf8');
    writeFileSync(
      workspace.config,
      text.replace('home: shared-nfs\n', 'home: shared-nfs\n      onDelete: snapshot\n'),
    );
    const [volume] = (await inventory(workspace, 'jupyter-prod')).volumes;
    const run = await sim(workspace, 'down', ['--yes', '--delete-data']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const backupId = /Snapshot (\S+) of hub jhub's volume/.exec(run.stdout)?.[1] ?? '';
    expect((await inventory(workspace, 'jupyter-prod')).volumes.map((each) => each.hub)).not.toContain(
      'jhub',
    );
    // The backup outlives the volume: available, of that volume, named and labelled for the operator.
    const cloud = await startOpenStackSimCloud({ stateDirectory: workspace.stateDirectory });
    try {
      expect(cloud.cinder.state.backups[backupId]).toMatchObject({
        status: 'available',
        volumeId: volume?.id,
        name: expect.stringMatching(/^jupyter-prod-jhub-\d{14}$/),
        metadata: { 'hubfleet.io/deployment': 'jupyter-prod', 'hubfleet.io/source-volume': volume?.id },
      });
    } finally {
      await cloud.close();
    }
  });
});
