import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inventory, sim, simWorkspace } from './sim-harness.js';

describe("--sim picks the simulated cloud of the config's provider", () => {
  // Every provider has a simulated cloud now (aws, gke, openstack, nectar); sim-serve.test.ts checks
  // that a kind without one (azure) is refused with exit 2.

  it("simulates the config's region: zones, volumes and the EKS token's STS host are in eu-west-2", async () => {
    const workspace = simWorkspace('quickstart.yaml', (text) =>
      text.replace(/region: us-west-2/, 'region: eu-west-2'),
    );
    expect(readFileSync(workspace.config, 'utf8')).toContain('region: eu-west-2');
    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.code, up.stderr).toBe(0);
    const state = await inventory(
      workspace,
      (parse(readFileSync(workspace.config, 'utf8')) as { name: string }).name,
    );
    expect(state.region).toBe('eu-west-2');
    expect(state.clusters.map((cluster) => cluster.status)).toEqual(['active']);
    expect(state.subnets.length).toBeGreaterThan(0);
    for (const subnet of state.subnets) expect(subnet.zone).toMatch(/^eu-west-2[a-z]$/);
    expect(state.volumes.length).toBeGreaterThan(0);
    for (const volume of state.volumes) expect(volume.zone).toMatch(/^eu-west-2[a-z]$/);

    // The token the kubeconfig's exec entry (`hubfleet kubeconfig token`) hands kubectl.
    const printed = await sim(workspace, 'kubeconfig', ['token']);
    expect(printed.code).toBe(0);
    const token = /^k8s-aws-v1\.(\S+)$/.exec(JSON.parse(printed.stdout).status.token)?.[1] ?? '';
    expect(new URL(Buffer.from(token, 'base64url').toString('utf8')).host).toBe(
      'sts.eu-west-2.amazonaws.com',
    );
  });
});
