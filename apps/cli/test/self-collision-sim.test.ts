import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { inventory, sim, simWorkspace } from './sim-harness.js';

interface FailedStep {
  id: string;
  error: { kind: string; message: string };
}

/** The failed steps of an `up --output json` run, from its final summary event. */
function failedSteps(stdout: string): FailedStep[] {
  const events = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { summary?: { failed: FailedStep[] } });
  return events.find((event) => event.summary !== undefined)?.summary?.failed ?? [];
}

/**
 * Half of all simulated cloud calls fail (throttling, 5xx, dropped connections). A run may run out
 * of retries on such a fault, but never trips over its own resources: the network and roles are
 * reconciled once at a time (single-flight), and "already associated" with its own VPC is done.
 */
describe('up at HUBFLEET_SIM_FAULT_RATE=0.5, over several seeds', { timeout: 300_000 }, () => {
  it('succeeds, or fails only on an injected transient fault, never on a conflict with itself', async () => {
    const seeds = ['1', '2', '3'];
    const runs = await Promise.all(
      seeds.map(async (seed) => {
        const workspace = simWorkspace('aws-dsosu.yaml');
        const env = { HUBFLEET_SIM_FAULT_RATE: '0.5', HUBFLEET_SIM_FAULT_SEED: seed };
        return { seed, workspace, run: await sim(workspace, 'up', ['--yes', '--output', 'json'], env) };
      }),
    );
    for (const { seed, workspace, run } of runs) {
      expect(run.stderr, `seed ${seed}`).not.toMatch(STACK_TRACE);
      const printed = run.stdout + run.stderr;
      expect(printed, `seed ${seed}`).not.toMatch(
        /AlreadyAssociated|RouteAlreadyExists|is not this deployment/,
      );
      const failed = failedSteps(run.stdout);
      if (run.code === 0) {
        expect(failed, `seed ${seed}`).toEqual([]);
      } else {
        expect(run.code, `seed ${seed}: ${run.stderr}`).toBe(1);
        expect(run.stderr, `seed ${seed}`).not.toContain('internal error');
        for (const step of failed) {
          expect(['unavailable', 'throttled'], `seed ${seed} ${step.id}: ${step.error.message}`).toContain(
            step.error.kind,
          );
        }
        if (failed.length === 0) {
          // It stopped outside the steps (a read while planning, the lock, the final status): on the
          // same transient faults, once their retries ran out.
          expect(run.stderr, `seed ${seed}`).toMatch(/^error: /m);
          expect(run.stderr, `seed ${seed}`).toMatch(
            /temporary|slow down|Too many requests|hang up|ECONNRESET|unavailable|Unavailable|retries/,
          );
        }
      }
      // Whatever happened, nothing was made twice.
      const state = await inventory(workspace, 'prod-green');
      expect(state.networks.length, `seed ${seed}`).toBeLessThanOrEqual(1);
      expect(state.gateways.length, `seed ${seed}`).toBeLessThanOrEqual(1);
      expect(state.clusters.length, `seed ${seed}`).toBeLessThanOrEqual(1);
    }
  });
});
