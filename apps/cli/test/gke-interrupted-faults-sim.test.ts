import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import {
  callsDuring,
  inventory,
  type SimWorkspace,
  sim,
  simWorkspace,
  upKilledAtEachBoundary,
} from './sim-harness.js';

/** One cluster, one pool per nodegroup, one address: nothing made twice. */
async function expectNoDuplicates(workspace: SimWorkspace): Promise<void> {
  const state = await inventory(workspace, 'jupyter');
  expect(state.clusters.map((cluster) => [cluster.name, cluster.status])).toEqual([['jupyter', 'active']]);
  expect(state.nodeGroups.map((group) => group.nodeGroup).sort()).toEqual(['default-pool', 'user-pool']);
  expect(state.addresses.map((address) => address.name)).toEqual(['jupyter-ip']);
}

describe('Rhodes on the simulated GKE project, interrupted and on a bad day', { timeout: 1_800_000 }, () => {
  it('up killed with SIGKILL at each step boundary, then re-run, converges with no duplicate', async () => {
    const workspace = simWorkspace('gke-rhodes.yaml');
    const killedAfter = await upKilledAtEachBoundary(workspace, 30);
    expect(killedAfter.length, killedAfter.join(', ')).toBeGreaterThanOrEqual(4);
    expect(killedAfter[0]).toBe('cluster/jupyter');
    expect(killedAfter.some((id) => /^(tool|hub|namespace|secret|storageclass)\//.test(id))).toBe(true);
    await expectNoDuplicates(workspace);
    // The run that finished had the address from the start: nothing is left to change.
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.stdout.split('\n')[0]).toBe('No changes: jupyter is up to date.');
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('up with 10% of calls failing (throttles, 5xx, dropped connections) still converges', async () => {
    const workspace = simWorkspace('gke-rhodes.yaml');
    const faults = { HUBFLEET_SIM_FAULT_RATE: '0.1', HUBFLEET_SIM_FAULT_SEED: '7' };
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes'], faults));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deployment jupyter (gke): ready');
    const failed = calls.filter((call) => call.status === 0 || call.status >= 400);
    expect(failed.length).toBeGreaterThan(calls.length * 0.05);
    expect(failed.some((call) => call.service === 'container')).toBe(true);
    expect(failed.some((call) => call.service === 'kubernetes')).toBe(true);
    await expectNoDuplicates(workspace);

    const again = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes'], faults));
    expect(again.result.stdout.split('\n')[0]).toBe('No changes: jupyter is up to date.');
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);
  });
});
