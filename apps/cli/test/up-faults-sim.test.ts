import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, sim, simWorkspace } from './sim-harness.js';

describe('up with 10% of simulated cloud calls failing', () => {
  it('still converges: throttling, 5xx and dropped connections are retried', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    const faults = { HUBFLEET_SIM_FAULT_RATE: '0.1', HUBFLEET_SIM_FAULT_SEED: '7' };
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes'], faults));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deployment prod-green (aws): ready');
    const failed = calls.filter((call) => call.status === 0 || call.status >= 400);
    expect(failed.length).toBeGreaterThan(calls.length * 0.05);
    expect(failed.some((call) => call.service === 'kubernetes')).toBe(true);

    const again = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes'], faults));
    expect(again.result.stdout.split('\n')[0]).toBe('No changes: prod-green is up to date.');
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);
    const state = await inventory(workspace, 'prod-green');
    expect(state.networks).toHaveLength(1);
    expect(state.nodeGroups).toHaveLength(5);
    expect(state.volumes).toHaveLength(1);
  });

  it('refuses a fault rate that is not a probability, exit 2', async () => {
    const run = await sim(simWorkspace('quickstart.yaml'), 'plan', [], { HUBFLEET_SIM_FAULT_RATE: '2' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HUBFLEET_SIM_FAULT_RATE must be a number from 0');
  });
});
