import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { changingCalls, nectarState, oneVmPerGroup } from './nectar-sim-state.js';
import { callsDuring, type SimWorkspace, sim, simWorkspace, upKilledAtEachBoundary } from './sim-harness.js';

/** One VM of each name, one volume: nothing made twice. */
async function expectNoDuplicates(workspace: SimWorkspace): Promise<void> {
  const state = await nectarState(workspace);
  expect(state.servers).toEqual([
    'comp20003-jh-compute-0',
    'comp20003-jh-core-0',
    'comp20003-jh-cp',
    'comp20003-jh-storage',
  ]);
  expect(state.securityGroups).toEqual(['comp20003-jh-hubfleet']);
  expect(state.volumes.map((volume) => volume.hub)).toEqual(['comp20003']);
}

describe('UniMelb on the simulated NeCTAR project, interrupted and on a bad day', {
  timeout: 1_800_000,
}, () => {
  it('up killed with SIGKILL at each step boundary, then re-run, converges with no duplicate', async () => {
    const workspace = simWorkspace('nectar-unimelb.yaml', oneVmPerGroup);
    const killedAfter = await upKilledAtEachBoundary(workspace, 30);
    expect(killedAfter.length, killedAfter.join(', ')).toBeGreaterThanOrEqual(4);
    // The security group (SSH for the bootstrap) comes first, then the control plane.
    expect(killedAfter.slice(0, 2)).toEqual(['security-group/comp20003-jh-hubfleet', 'cluster/comp20003-jh']);
    // Steps run side by side, so one can finish in the cloud just before the run is killed on
    // another's event (the next run then finds it done): not every step is a kill boundary, and a
    // check that the storage VM's step was one failed on a busy machine. The storage VM, made once,
    // is checked below.
    await expectNoDuplicates(workspace);
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.stdout.split('\n')[0]).toBe('No changes: comp20003-jh is up to date.');
    expect(changingCalls(calls)).toEqual([]);
  });

  it('up with 10% of calls failing (throttles, 5xx, dropped connections) still converges', async () => {
    const workspace = simWorkspace('nectar-unimelb.yaml', oneVmPerGroup);
    const faults = { HUBFLEET_SIM_FAULT_RATE: '0.1', HUBFLEET_SIM_FAULT_SEED: '7' };
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes'], faults));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code, result.stdout.slice(-2000)).toBe(0);
    expect(result.stdout).toContain('Deployment comp20003-jh (nectar): ready');
    const failed = calls.filter((call) => call.status === 0 || call.status >= 400);
    expect(failed.length).toBeGreaterThan(calls.length * 0.05);
    expect(failed.some((call) => call.service === 'nova')).toBe(true);
    await expectNoDuplicates(workspace);
  });
});
