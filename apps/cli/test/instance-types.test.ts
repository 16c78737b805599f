import { describe, expect, it } from 'vitest';
import { runHubfleet, STACK_TRACE } from './cli-harness.js';
import { sim, simWorkspace } from './sim-harness.js';

/** The quickstart with a users nodegroup of `users` and a GPU nodegroup of `gpu`. */
const withTypes = (users: string, gpu: string) => (text: string) =>
  text
    .replace('      instanceType: t3a.large', `      instanceType: ${users}`)
    .replace(
      'ingress:',
      `    - { name: gpu, role: gpu, instanceType: ${gpu}, min: 0, max: 1, gpu: { count: 1 } }\n\ningress:`,
    );

/**
 * Issue 11: instance types newer than hubfleet's offline catalog are accepted offline with a warning
 * and checked against what the (simulated) account offers when planning.
 */
describe('instance types from the cloud', { timeout: 300_000 }, () => {
  it('validate of a config using m7a.xlarge and p4d.24xlarge exits 0 with warnings at most', async () => {
    const workspace = simWorkspace('quickstart.yaml', withTypes('m7a.xlarge', 'p4d.24xlarge'));
    const run = await runHubfleet(['validate', '-c', workspace.config]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain(`"m7a.xlarge" is not in hubfleet's offline catalog of AWS EKS instance types`);
    expect(output).toContain(`"p4d.24xlarge" is not in hubfleet's offline catalog`);
    expect(output).not.toContain('did you mean');
  });

  it('plan --sim accepts types the account offers, though the offline catalog lacks them', async () => {
    const workspace = simWorkspace('quickstart.yaml', withTypes('m7a.xlarge', 'p4d.24xlarge'));
    const run = await sim(workspace, 'plan');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\+\s+nodegroup\/gpu/);
  });

  it('plan --sim refuses a well-formed type the cloud does not have (exit 2), naming the nodegroup', async () => {
    const workspace = simWorkspace('quickstart.yaml', withTypes('m9z.xlarge', 'g4dn.xlarge'));
    const run = await sim(workspace, 'plan');
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toContain(
      'cluster.nodeGroups[2].instanceType: nodegroup users: instance type "m9z.xlarge" does not exist',
    );
  });
});
