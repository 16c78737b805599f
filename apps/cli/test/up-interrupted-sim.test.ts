import { describe, expect, it } from 'vitest';
import { callsDuring, inventory, sim, simWorkspace, upKilledAtEachBoundary } from './sim-harness.js';

// Up to 40 `up` processes one after another (about 35 in practice), each loading the CLI, the AWS SDK
// and the Kubernetes client and observing the whole deployment: 130 s on a busy shared 2-core
// machine, over 180 s with two extra `yes` hogs on it. The budget follows that work; it only ends a hang.
describe('up killed with SIGKILL at each step boundary, then re-run', { timeout: 1_800_000 }, () => {
  it('converges, with no duplicate and no leaked resource', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    const killedAfter = await upKilledAtEachBoundary(workspace, 40);
    // Killed at several boundaries, after cloud and after Kubernetes steps.
    expect(killedAfter.length, killedAfter.join(', ')).toBeGreaterThanOrEqual(4);
    expect(killedAfter.some((id) => /^(cluster|addon|nodegroup|volume)\//.test(id))).toBe(true);
    expect(killedAfter.some((id) => /^(tool|storage-server|hub|namespace|secret)\//.test(id))).toBe(true);

    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.stdout.split('\n')[0]).toBe('No changes: prod-green is up to date.');
    expect(result.stdout).toContain('Deployment prod-green (aws): ready');
    expect(calls.filter((call) => call.mutating)).toEqual([]);

    const state = await inventory(workspace, 'prod-green');
    expect(state.networks).toHaveLength(1);
    expect(state.subnets).toHaveLength(3);
    expect(state.gateways).toHaveLength(1);
    expect(state.clusters.map((cluster) => cluster.name)).toEqual(['prod-green']);
    expect(state.nodeGroups.map((group) => group.name).sort()).toEqual([
      'prod-green-clustertools',
      'prod-green-jhcontrolplane',
      'prod-green-jhusers',
      'prod-green-jhusers-2xlarge',
      'prod-green-jhusers-gpu',
    ]);
    expect(state.addons.map((addon) => addon.name).sort()).toEqual([
      'aws-ebs-csi-driver',
      'eks-pod-identity-agent',
    ]);
    expect(state.volumes).toHaveLength(1);
    expect(state.identities.map((identity) => identity.name).sort()).toEqual([
      'hubfleet-prod-green-cluster',
      'hubfleet-prod-green-cluster-autoscaler',
      'hubfleet-prod-green-ebs-csi',
      'hubfleet-prod-green-node',
      'hubfleet-prod-green-velero',
    ]);
  });
});
