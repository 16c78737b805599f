import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, sim, simWorkspace } from './sim-harness.js';

/** Rhodes (per-user disks) with its hub's `storage.onDelete` set. */
const onDelete = (value: string) => (text: string) => text.replace('onDelete: retain', `onDelete: ${value}`);

/** Rhodes with its hub on one shared disk, so `down --delete-data` has a disk to snapshot or delete. */
const sharedHome = (value: string) => (text: string) =>
  onDelete(value)(text)
    .replace('home: per-user-volume', 'home: shared-nfs')
    .replace('size: 1Gi', 'size: 10Gi');

/**
 * The static address holds data (an address change breaks DNS): `down` keeps it and says so, and
 * only `down --delete-data` with every hub's `onDelete: delete` releases it. `onDelete: snapshot`
 * takes a disk snapshot, waits for it to be READY, names it, then deletes the disk. (`down --delete-data`
 * with a hub's `onDelete: retain` keeping the address: gke-backups-sim.test.ts.)
 */
describe('hubfleet down --sim on examples/gke-rhodes.yaml: what holds data', { timeout: 600_000 }, () => {
  it('onDelete: delete: down keeps the address (plan and output say so); down --delete-data then releases it', async () => {
    const workspace = simWorkspace('gke-rhodes.yaml', onDelete('delete'));
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    const ip = (await inventory(workspace, 'jupyter')).addresses[0]?.ip;
    expect(ip).toMatch(/^35\.225\.\d+\.\d+$/);

    const down = await sim(workspace, 'down', ['--yes']);
    expect(down.stderr).not.toMatch(STACK_TRACE);
    expect(down.code).toBe(0);
    const kept = `the static address jupyter-ip (${ip}) that rhodes-py.org's DNS points at stays without --delete-data`;
    expect(down.stdout).toContain(`=   address/jupyter-ip  retained: ${kept}`);
    expect(down.stdout).toContain(`Kept address/jupyter-ip: ${kept}.`);
    const state = await inventory(workspace, 'jupyter');
    expect(state.clusters).toEqual([]);
    expect(state.addresses).toEqual([{ name: 'jupyter-ip', ip, deployment: 'jupyter' }]);

    // Nothing left but the kept address: a second down changes nothing. Without --yes, as in
    // gke-up-down-sim: with --yes a down takes the deployment lock (a Cloud Storage object written
    // and deleted) before its only plan, which is the lock's own write, not a change to the cloud.
    const again = await callsDuring(workspace, () => sim(workspace, 'down'));
    expect(again.result.code).toBe(0);
    expect(again.result.stdout).toContain(
      'No changes: nothing of jupyter is left to delete. Retained: address/jupyter-ip.',
    );
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);

    const deleting = await sim(workspace, 'down', ['--yes', '--delete-data', '--output', 'json']);
    expect(deleting.stderr).not.toMatch(STACK_TRACE);
    expect(deleting.code).toBe(0);
    const lines = deleting.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const step = lines[0].plan.steps.find((each: { id: string }) => each.id === 'address/jupyter-ip');
    expect(step).toMatchObject({
      action: 'delete',
      destructive: {
        what: `deletes the static address jupyter-ip (${ip}) that rhodes-py.org's DNS points at`,
        requires: ['deleteData'],
      },
    });
    expect(lines.at(-1)).toMatchObject({ type: 'down-finished', retained: [] });
    expect((await inventory(workspace, 'jupyter')).addresses).toEqual([]);
  });

  it('shared-nfs with onDelete: snapshot: down --delete-data snapshots the disk (READY), names it, deletes the disk', async () => {
    const workspace = simWorkspace('gke-rhodes.yaml', sharedHome('snapshot'));
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    expect((await inventory(workspace, 'jupyter')).volumes.map((disk) => disk.id)).toEqual(['jupyter-jhub']);
    const run = await sim(workspace, 'down', ['--yes', '--delete-data']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const named =
      /Snapshot (\S+) of hub jhub's volume jupyter-jhub \(storage\.onDelete: snapshot\) holds its data/.exec(
        run.stdout + run.stderr,
      )?.[1];
    expect(named, run.stdout).toBeDefined();
    // The snapshot is in the simulated project, READY, of the hub's disk, labelled with its source.
    const compute = JSON.parse(readFileSync(join(workspace.stateDirectory, 'compute.json'), 'utf8')) as {
      snapshots: Record<
        string,
        { name: string; status: string; sourceDisk: string; labels: Record<string, string> }
      >;
    };
    const snapshot = Object.values(compute.snapshots).find((each) => each.name === named);
    expect(snapshot).toMatchObject({ status: 'READY', labels: { 'hubfleet-deployment': 'jupyter' } });
    expect(snapshot?.sourceDisk).toMatch(/\/zones\/us-central1-a\/disks\/jupyter-jhub$/);
    const state = await inventory(workspace, 'jupyter');
    expect(state.volumes).toEqual([]);
    // Not every hub says onDelete: delete (snapshot keeps a copy), so the address stays too.
    expect(state.addresses.map((address) => address.name)).toEqual(['jupyter-ip']);
  });
});
