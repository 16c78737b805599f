import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { inventory, sim, simWorkspace } from './sim-harness.js';

const VERSION_LINE = /kubernetesVersion: "1\.\d+"/;

/**
 * Issue 11's acceptance for day-2 changes (Kubernetes upgrades, value diffs), through the built binary on the simulated account:
 * a deployment made on 1.33 is moved to 1.34 by editing the config (plan shows it, up does it, status
 * reports it on the cluster and every nodegroup); a hub's changed memory guarantee shows in plan as
 * old and new value; asking for 1.32 afterwards is refused with the reason.
 */
describe('hubfleet plan / up --sim: a Kubernetes version upgrade of examples/aws-dsosu.yaml', {
  timeout: 120_000,
}, () => {
  const workspace = simWorkspace('aws-dsosu.yaml', (text) =>
    text.replace(VERSION_LINE, 'kubernetesVersion: "1.33"'),
  );
  const setVersion = (version: string) =>
    writeFileSync(
      workspace.config,
      readFileSync(workspace.config, 'utf8').replace(VERSION_LINE, `kubernetesVersion: "${version}"`),
    );

  it('up on 1.33 converges', async () => {
    const run = await sim(workspace, 'up', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(
      (await inventory(workspace, 'prod-green')).clusters.map((cluster) => cluster.kubernetesVersion),
    ).toEqual(['1.33']);
  });

  it('plan after editing the version to 1.34 shows the upgrade and the steps it implies', async () => {
    setVersion('1.34');
    const run = await sim(workspace, 'plan');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /~\s+cluster\/prod-green\s+upgrade Kubernetes 1\.33 → 1\.34: the control plane first/,
    );
    expect(run.stdout).toContain('kubernetesVersion: "1.33" → "1.34"');
    for (const group of ['clustertools', 'jhcontrolplane', 'jhusers', 'jhusers-2xlarge', 'jhusers-gpu']) {
      expect(run.stdout).toMatch(
        new RegExp(`~\\s+nodegroup/${group}\\s+rolling upgrade to Kubernetes 1\\.34`),
      );
    }
  });

  it('up upgrades, and status reports 1.34 on the cluster and every nodegroup', async () => {
    const run = await sim(workspace, 'up', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const status = JSON.parse((await sim(workspace, 'status', ['--output', 'json'])).stdout);
    expect(status.formatVersion).toBe(1);
    expect(status.cluster.kubernetesVersion).toBe('1.34');
    expect(status.nodeGroups).toHaveLength(5);
    for (const group of status.nodeGroups)
      expect(group).toMatchObject({ status: 'active', kubernetesVersion: '1.34' });
    expect(status.ready).toBe(true);
    const again = await sim(workspace, 'plan');
    expect(again.stdout.split('\n')[0]).toBe('No changes: prod-green is up to date.');
    const lines = (await sim(workspace, 'up', ['--yes', '--output', 'json'])).stdout.trim().split('\n');
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed.map((line) => line.formatVersion)).toEqual(lines.map(() => 1));
    expect(parsed.at(0)?.type).toBe('plan');
    expect(parsed.at(-1)?.type).toBe('status');
  });

  it('plan after changing the hub’s memory guarantee prints the old and new value, not a hash; JSON carries it as data', async () => {
    writeFileSync(
      workspace.config,
      readFileSync(workspace.config, 'utf8').replace(
        'memory: { guarantee: 0.5G, limit: 1G }',
        'memory: { guarantee: 0.75G, limit: 1G }',
      ),
    );
    const run = await sim(workspace, 'plan');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/~\s+hub\/example-simple\s+values changed/);
    expect(run.stdout).toMatch(
      /^ +singleuser:\n +memory:\n +- +guarantee: 500000000\n +\+ +guarantee: 750000000$/m,
    );
    expect(run.stdout).not.toContain('sha256:');
    const json = JSON.parse((await sim(workspace, 'plan', ['--output', 'json'])).stdout);
    const hub = json.steps.find((step: { id: string }) => step.id === 'hub/example-simple');
    expect(hub.changes).toContainEqual({
      field: 'values.singleuser.memory.guarantee',
      path: ['values', 'singleuser', 'memory', 'guarantee'],
      from: 500000000,
      to: 750000000,
    });
  });

  it('asking for 1.32 afterwards is refused (exit 3): Kubernetes cannot be downgraded', async () => {
    setVersion('1.32');
    for (const command of ['plan', 'up']) {
      const run = await sim(workspace, command, command === 'up' ? ['--yes'] : []);
      expect(run.code).toBe(3);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stderr).toContain(
        'the cluster runs Kubernetes 1.34 and the config asks for 1.32: Kubernetes cannot be downgraded',
      );
    }
    expect(
      (await inventory(workspace, 'prod-green')).clusters.map((cluster) => cluster.kubernetesVersion),
    ).toEqual(['1.34']);
  });
});
