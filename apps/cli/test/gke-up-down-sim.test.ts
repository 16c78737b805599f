import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { criticalPath, parseTimings, wallTimeMs } from '@hubfleet/core/engine';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, sim, simWorkspace } from './sim-harness.js';

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
    const state = await inventory(workspace, 'jupyter');
    expect(state).toMatchObject({ provider: 'gke', region: 'us-central1-a' });
    expect(state.clusters.map((cluster) => [cluster.name, cluster.status])).toEqual([['jupyter', 'active']]);
    expect(state.nodeGroups.map((group) => [group.nodeGroup, group.status, group.desiredNodes])).toEqual([
      ['default-pool', 'active', 1],
      ['user-pool', 'active', 0],
    ]);
    expect(state.addresses).toEqual([
      { name: 'jupyter-ip', ip: expect.stringMatching(/^35\.225\.\d+\.\d+$/), deployment: 'jupyter' },
    ]);
  });

  it('the --timings file: wall time within 1.1x of its longest dependency chain', () => {
    const file = parseTimings(JSON.parse(readFileSync(timings, 'utf8')));
    const chain = criticalPath(file);
    expect(chain.steps[0]).toBe('cluster/jupyter');
    expect(chain.steps.at(-1)).toBe('hub/jhub');
    expect(wallTimeMs(file) / chain.durationMs).toBeLessThanOrEqual(1.1);
  });

  it('a second up makes no mutating call and says the plan is converged in one line', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['No changes: jupyter is up to date.', '']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
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
    // The static address is the DNS target: status names its IP and the host to point at it.
    expect(status.resources).toEqual([
      {
        id: 'address/jupyter-ip',
        kind: 'address',
        ready: true,
        detail: expect.stringMatching(/^35\.225\.\d+\.\d+: point rhodes-py\.org here$/),
      },
    ]);
    const text = await sim(workspace, 'status');
    expect(text.stdout).toMatch(/Provider resources\n\s+RESOURCE\s+READY\n\s+address\/jupyter-ip\s+yes/);
  });

  it('down keeps the static address: an address change would break DNS', async () => {
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const state = await inventory(workspace, 'jupyter');
    expect(state.clusters).toEqual([]);
    expect(state.nodeGroups).toEqual([]);
    // Kept, and no longer marked as serving the deployment.
    expect(state.addresses.map((address) => address.name)).toEqual(['jupyter-ip']);
    // A second down has nothing to delete: it ends at its plan, before taking the deployment lock (a
    // Cloud Storage object) or changing anything. (`--yes` takes the lock before its final plan.)
    const again = await callsDuring(workspace, () => sim(workspace, 'down'));
    expect(again.result.code).toBe(0);
    expect(again.result.stdout).toMatch(/^No changes: nothing of jupyter is left to delete/);
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('a shared-nfs hub: down keeps its disk with its labels; --delete-data with onDelete: delete removes it', async () => {
    const retained = simWorkspace('gke-rhodes.yaml', sharedHome('retain'));
    expect((await sim(retained, 'up', ['--yes'])).code).toBe(0);
    const disks = (await inventory(retained, 'jupyter')).volumes;
    expect(disks.map((disk) => [disk.id, disk.zone, disk.sizeGiB, disk.hub])).toEqual([
      ['jupyter-jhub', 'us-central1-a', 10, 'jhub'],
    ]);
    const down = await sim(retained, 'down', ['--yes']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Kept (storage.onDelete: retain): volume/jhub');
    // Still labelled with deployment and hub, so the next `up` finds and adopts it.
    expect(
      (await inventory(retained, 'jupyter')).volumes.map((disk) => [disk.id, disk.status, disk.hub]),
    ).toEqual([['jupyter-jhub', 'available', 'jhub']]);

    const deleting = simWorkspace('gke-rhodes.yaml', sharedHome('delete'));
    expect((await sim(deleting, 'up', ['--yes'])).code).toBe(0);
    const refused = await sim(deleting, 'down', ['--yes']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--delete-data');
    const run = await sim(deleting, 'down', ['--yes', '--delete-data']);
    expect(run.code).toBe(0);
    const state = await inventory(deleting, 'jupyter');
    expect(state.volumes).toEqual([]);
    expect(state.clusters).toEqual([]);
  });
});
