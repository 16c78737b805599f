import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { criticalPath, parseTimings, wallTimeMs } from '@hubfleet/core/engine';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { gkeCloudState } from './gke-sim-state.js';
import { callsDuring, sim, simWorkspace } from './sim-harness.js';

/** Rhodes with its hub on one shared disk, so `down` has a data volume to keep or delete. */
const sharedHome = (onDelete: string) => (text: string) =>
  text
    .replace('home: per-user-volume', 'home: shared-nfs')
    .replace('size: 1Gi', 'size: 10Gi')
    .replace('onDelete: retain', `onDelete: ${onDelete}`);

/**
 * Rhodes (seed 003) end to end on the simulated Google Cloud project, through the built binary. Every
 * command starts the simulated project afresh from its state files, as separate runs of the CLI do.
 */
describe('hubfleet up / status / down --sim on examples/gke-rhodes.yaml', { timeout: 600_000 }, () => {
  const workspace = simWorkspace('gke-rhodes.yaml');
  const timings = join(workspace.directory, 'timings.json');

  it('up converges: cluster, both node pools, the static address, the hub', async () => {
    const run = await sim(workspace, 'up', ['--yes', '--timings', timings]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('hubfleet up finished for jupyter.');
    expect(run.stdout).toContain('Deployment jupyter (gke): ready');
    expect(run.stdout).toMatch(/default-pool\s+active\s+n1-standard-2\s+1\/1\s+1-2/);
    expect(run.stdout).toMatch(/user-pool\s+active\s+n1-standard-2\s+0\/0\s+0-3/);
    const state = gkeCloudState(workspace, 'jupyter');
    expect(state.clusters.map((cluster) => [cluster.name, cluster.status, cluster.location])).toEqual([
      ['jupyter', 'RUNNING', 'us-central1-a'],
    ]);
    expect(state.nodePools.map((pool) => [pool.name, pool.autoscaling])).toEqual([
      ['default-pool', { enabled: true, minNodeCount: 1, maxNodeCount: 2, locationPolicy: 'BALANCED' }],
      ['user-pool', { enabled: true, minNodeCount: 0, maxNodeCount: 3, locationPolicy: 'BALANCED' }],
    ]);
    expect(
      state.addresses.map((address) => [address.name, address.region, address.status, address.labels]),
    ).toEqual([
      [
        'jupyter-ip',
        'us-central1',
        'RESERVED',
        { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'network' },
      ],
    ]);
  });

  it('the --timings file: wall time within 1.1x of its longest dependency chain', () => {
    const file = parseTimings(JSON.parse(readFileSync(timings, 'utf8')));
    const chain = criticalPath(file);
    expect(chain.steps[0]).toBe('cluster/jupyter');
    expect(chain.steps.at(-1)).toBe('hub/jhub');
    expect(wallTimeMs(file) / chain.durationMs).toBeLessThanOrEqual(1.1);
  });

  it('status shows the pools, tools and hub ready', async () => {
    const json = await sim(workspace, 'status', ['--output', 'json']);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ deployment: 'jupyter', ready: true, cluster: { status: 'active' } });
    expect(
      status.nodeGroups.map((group: { name: string; status: string }) => [group.name, group.status]),
    ).toEqual([
      ['default-pool', 'active'],
      ['user-pool', 'active'],
    ]);
    expect(status.tools.every((tool: { ready: boolean }) => tool.ready)).toBe(true);
    expect(status.hubs).toEqual([expect.objectContaining({ name: 'jhub', ready: true })]);
  });

  it('down keeps the static address: an address change would break DNS', async () => {
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const state = gkeCloudState(workspace, 'jupyter');
    expect(state.clusters).toEqual([]);
    expect(state.addresses.map((address) => address.name)).toEqual(['jupyter-ip']);
    const again = await callsDuring(workspace, () => sim(workspace, 'down', ['--yes']));
    expect(again.result.code).toBe(0);
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('a shared-nfs hub: down keeps its disk with its labels; --delete-data with onDelete: delete removes it', async () => {
    const retained = simWorkspace('gke-rhodes.yaml', sharedHome('retain'));
    expect((await sim(retained, 'up', ['--yes'])).code).toBe(0);
    const disks = gkeCloudState(retained, 'jupyter').disks;
    expect(disks.map((disk) => [disk.name, disk.zone, disk.sizeGb, disk.labels['hubfleet-hub']])).toEqual([
      ['jupyter-jhub', 'us-central1-a', 10, 'jhub'],
    ]);
    const down = await sim(retained, 'down', ['--yes']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Kept (storage.onDelete: retain): volume/jhub');
    expect(
      gkeCloudState(retained, 'jupyter').disks.map((disk) => [disk.name, disk.status, disk.labels]),
    ).toEqual([
      [
        'jupyter-jhub',
        'READY',
        { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'volume', 'hubfleet-hub': 'jhub' },
      ],
    ]);

    const deleting = simWorkspace('gke-rhodes.yaml', sharedHome('delete'));
    expect((await sim(deleting, 'up', ['--yes'])).code).toBe(0);
    const refused = await sim(deleting, 'down', ['--yes']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--delete-data');
    const run = await sim(deleting, 'down', ['--yes', '--delete-data']);
    expect(run.code).toBe(0);
    const state = gkeCloudState(deleting, 'jupyter');
    expect(state.disks).toEqual([]);
    expect(state.clusters).toEqual([]);
  });
});
