import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { changingCalls, nectarState, oneVmPerGroup } from './nectar-sim-state.js';
import { callsDuring, sim, simWorkspace } from './sim-harness.js';

const VMS = ['comp20003-jh-compute-0', 'comp20003-jh-core-0', 'comp20003-jh-cp', 'comp20003-jh-storage'];

/**
 * The UniMelb course (seed 004) end to end on the simulated NeCTAR project through the built binary:
 * each VM a real sshd on its loopback address, bootstrapped over SSH with its host key pinned from
 * Nova's console. Every command starts the sim afresh from its state files, VMs included.
 */
describe('hubfleet up / status / down --sim on examples/nectar-unimelb.yaml', { timeout: 1_800_000 }, () => {
  const workspace = simWorkspace('nectar-unimelb.yaml', oneVmPerGroup);

  it('up converges: control plane, nodegroups, the storage VM and its export, the hub', async () => {
    const run = await sim(workspace, 'up', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout).toContain('Deployment comp20003-jh (nectar): ready');
    expect(run.stdout).toMatch(/core\s+active\s+m3\.medium\s+1\/1\s+1-1/);
    expect(run.stdout).toMatch(/compute\s+active\s+m3\.large\s+1\/1\s+1-1/);
    const state = await nectarState(workspace);
    expect(state.servers).toEqual(VMS);
    expect(state.securityGroups).toEqual(['comp20003-jh-hubfleet']);
    expect(state.volumes).toEqual([{ name: 'comp20003-jh-comp20003', status: 'in-use', hub: 'comp20003' }]);
  });

  it('a second up makes no change to the cloud and runs no changing bootstrap step', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['No changes: comp20003-jh is up to date.', '']);
    expect(calls.length).toBeGreaterThan(0);
    expect(changingCalls(calls)).toEqual([]);
  });

  it('status shows the VMs ready, the nodes, the hub and the NFS export with its usage', async () => {
    const json = await sim(workspace, 'status', ['--output', 'json']);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ deployment: 'comp20003-jh', ready: true, cluster: { status: 'active' } });
    expect(
      status.nodeGroups.map((group: { name: string; status: string }) => [group.name, group.status]),
    ).toEqual([
      ['core', 'active'],
      ['compute', 'active'],
    ]);
    expect(status.hubs).toEqual([expect.objectContaining({ name: 'comp20003', ready: true })]);
    expect(status.resources).toEqual([
      expect.objectContaining({
        id: 'security-group/comp20003-jh-hubfleet',
        ready: true,
        detail: 'SSH and the Kubernetes API admit 0.0.0.0/0 (anywhere: set provider.operatorCidrs)',
      }),
      {
        id: 'storage-node/comp20003-jh-storage',
        kind: 'storage-node',
        ready: true,
        detail: expect.stringMatching(
          /^NFS exports ready: 127\.\d+\.\d+\.\d+:\/srv\/hubfleet\/comp20003 \(\d+\.\d MB used\)$/,
        ),
      },
    ]);
  });

  it('down removes the VMs and the security group and keeps the volume with its hub', async () => {
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kept (storage.onDelete: retain): volume/comp20003');
    const state = await nectarState(workspace);
    expect(state.servers).toEqual([]);
    expect(state.securityGroups).toEqual([]);
    expect(state.floatingIps).toEqual([]);
    expect(state.volumes).toEqual([
      { name: 'comp20003-jh-comp20003', status: 'available', hub: 'comp20003' },
    ]);
    const again = await callsDuring(workspace, () => sim(workspace, 'down', ['--yes']));
    expect(again.result.code).toBe(0);
    expect(changingCalls(again.calls)).toEqual([]);
  });
});
