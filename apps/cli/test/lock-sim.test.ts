import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { hubfleetBin, repoRoot, STACK_TRACE } from './cli-harness.js';
import { lockObjects } from './lock-objects.js';
import { calls, inventory, type SimWorkspace, sim, simWorkspace } from './sim-harness.js';

/**
 * Start `up --yes` and SIGKILL it once it holds the lock: a run that died without releasing it. The
 * plan it prints (its first JSON line) is made after the lock is taken, so that line is the event
 * to kill at: no polling, whatever the machine's load.
 */
async function killedWhileHolding(workspace: SimWorkspace): Promise<void> {
  const child = spawn(
    process.execPath,
    [hubfleetBin, 'up', '-c', workspace.config, '--sim', '--yes', '--output', 'json', '--sim-speed', '100'],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const planned = await new Promise<boolean>((resolve) => {
    lines.once('line', () => resolve(true));
    child.on('exit', () => resolve(false));
  });
  expect(planned, 'up printed its plan before exiting').toBe(true);
  expect(lockObjects(workspace)).toHaveLength(1);
  child.kill('SIGKILL');
  await exited;
  lines.close();
}

/** Creates per operation in the call log: one per resource means no run made anything twice. */
function createCounts(workspace: SimWorkspace): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls(workspace)) {
    if (call.mutating && call.status < 300 && /^(Create|Run|Allocate)/.test(call.operation)) {
      const key = `${call.service}.${call.operation}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

describe('the deployment lock: two `up --sim --yes` started together on one simulated account', {
  timeout: 240_000,
}, () => {
  it('exactly one changes the cloud; the other exits 3 naming the holder; one create per resource', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    // A slower simulated cloud keeps the winner's run (and its lock) long after the loser has started.
    const both = await Promise.all([
      sim(workspace, 'up', ['--yes', '--sim-speed', '400']),
      sim(workspace, 'up', ['--yes', '--sim-speed', '400']),
    ]);
    for (const run of both) expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(both.map((run) => run.code).sort()).toEqual([0, 3]);
    const loser = both.find((run) => run.code === 3);
    expect(loser?.stderr).toMatch(
      /deployment "prod-green" is locked: \S+@\S+ \(pid \d+\) running "hubfleet up -c \S+aws-dsosu\.yaml --sim --yes --sim-speed 400" since \d{4}-\d\d-\d\dT/,
    );
    expect(loser?.stderr).toContain('nothing was changed');
    expect(loser?.stderr).toContain('hubfleet unlock');

    const state = await inventory(workspace, 'prod-green');
    expect(state.networks).toHaveLength(1);
    expect(state.clusters).toHaveLength(1);
    expect(state.nodeGroups).toHaveLength(5);
    expect(state.volumes).toHaveLength(1);
    const counts = createCounts(workspace);
    expect(counts['ec2.CreateVpc']).toBe(1);
    expect(counts['ec2.CreateInternetGateway']).toBe(1);
    expect(counts['ec2.CreateSubnet']).toBe(state.subnets.length);
    expect(counts['eks.CreateCluster']).toBe(1);
    expect(counts['eks.CreateNodegroup']).toBe(5);
    expect(counts['ec2.CreateVolume']).toBe(1);
    expect(counts['iam.CreateRole']).toBe(state.identities.length);
    // The lock is released at the end: the bucket holds no lock object any more.
    expect(lockObjects(workspace)).toEqual([]);
  });
});

describe('a lock whose holder died', { timeout: 240_000 }, () => {
  it('`unlock` shows the holder, refuses without a terminal or --yes, and breaks it with --yes', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    await killedWhileHolding(workspace);
    const refused = await sim(workspace, 'unlock');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/"prod-green" is locked by \S+@\S+ \(pid \d+\) running "hubfleet up -c /);
    expect(lockObjects(workspace)).toEqual(['prod-green/lock.json']);
    const unlocked = await sim(workspace, 'unlock', ['--yes']);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stderr).toContain('unlocked "prod-green"');
    expect(lockObjects(workspace)).toEqual([]);
    expect((await sim(workspace, 'unlock', ['--yes'])).stderr).toContain('"prod-green" is not locked');
  });

  it("the next run on the same host sees the holder's process is gone, takes the lock over and converges", async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    await killedWhileHolding(workspace);
    const next = await sim(workspace, 'up', ['--yes']);
    expect(next.stderr).toMatch(/took over the stale lock of \S+@\S+ \(pid \d+\)/);
    expect(next.code).toBe(0);
    expect(lockObjects(workspace)).toEqual([]);
  });
});
