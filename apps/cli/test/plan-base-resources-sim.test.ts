import { findSimCloudFactory } from '@hubfleet/testkit/sim-registry';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { inventory, type SimWorkspace, sim, simWorkspace } from './sim-harness.js';

interface PlannedStep {
  id: string;
  action: string;
  includes?: { kind: string; name: string }[];
}

function step(plan: { steps: PlannedStep[] }, id: string): PlannedStep | undefined {
  return plan.steps.find((candidate) => candidate.id === id);
}

/** A Service of type LoadBalancer in the simulated cluster, made as kubectl would, with the CLI's own credential. */
async function addLoadBalancerService(workspace: SimWorkspace): Promise<void> {
  // The token the written kubeconfig's exec entry would get: `hubfleet kubeconfig token` prints it.
  const credential = await sim(workspace, 'kubeconfig', ['token']);
  expect(credential.code).toBe(0);
  const token = JSON.parse(credential.stdout).status.token as string;
  const factory = findSimCloudFactory('aws');
  if (factory === undefined) throw new Error('no simulated AWS cloud');
  const cloud = await factory.start({
    stateDirectory: workspace.stateDirectory,
    settings: { kind: 'aws', region: 'us-west-2' },
  });
  try {
    const response = await fetch(`${cloud.endpoints.kubernetes}/api/v1/namespaces/default/services`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
      }),
    });
    expect(response.status).toBe(201);
  } finally {
    await cloud.close();
  }
}

/**
 * `plan` and `down` name what the cluster step makes or removes besides the EKS cluster (the VPC,
 * its subnets, the IAM roles) and the load balancers `down` removes with the LoadBalancer Services,
 * through the built binary on the simulated AWS account.
 */
describe('plan names the network, roles and load balancers on examples/aws-dsosu.yaml (--sim)', () => {
  const workspace = simWorkspace('aws-dsosu.yaml');

  it('plan on an empty account names the VPC, subnets and roles the cluster step creates', async () => {
    const text = await sim(workspace, 'plan');
    expect(text.stderr).not.toMatch(STACK_TRACE);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /\+\s+cluster\/prod-green .*\n\s+with network vpc 192\.168\.0\.0\/16 \(new\), network 3 public subnets, internet gateway, route table \(new\), role hubfleet-prod-green-cluster \(new\), role hubfleet-prod-green-node \(new\)\n/,
    );
    const json = JSON.parse((await sim(workspace, 'plan', ['--output', 'json'])).stdout);
    expect(step(json, 'cluster/prod-green')?.includes).toEqual([
      { kind: 'network', name: 'vpc 192.168.0.0/16 (new)' },
      { kind: 'network', name: '3 public subnets, internet gateway, route table (new)' },
      { kind: 'role', name: 'hubfleet-prod-green-cluster (new)' },
      { kind: 'role', name: 'hubfleet-prod-green-node (new)' },
    ]);
  });

  it('down names the VPC, subnets and roles it removes, as they exist, and the load balancers', async () => {
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    await addLoadBalancerService(workspace);
    const state = await inventory(workspace, 'prod-green');
    const refused = await sim(workspace, 'down');
    expect(refused.code).toBe(3);
    const clusterLine = refused.stdout.split('\n').findIndex((line) => /-\s+cluster\/prod-green/.test(line));
    expect(clusterLine).toBeGreaterThanOrEqual(0);
    const withLine = refused.stdout.split('\n')[clusterLine + 1] ?? '';
    expect(withLine).toMatch(/^\s+with network vpc vpc-\w+ \(192\.168\.0\.0\/16\)/);
    expect(state.subnets).toHaveLength(3);
    for (const subnet of state.subnets) expect(withLine).toContain(`network subnet ${subnet.id} (`);
    for (const purpose of ['cluster', 'node', 'ebs-csi', 'cluster-autoscaler', 'velero']) {
      expect(withLine).toContain(`role hubfleet-prod-green-${purpose}`);
    }
    expect(withLine).not.toContain('(new)');
    expect(refused.stdout).toMatch(/-\s+load-balancers\/prod-green .*\n\s+with load-balancer .*default\/web/);
    const json = await sim(workspace, 'down', ['--output', 'json']);
    expect(json.code).toBe(3);
    const { plan } = JSON.parse(json.stdout.split('\n')[0] ?? '');
    // The ingress controller's Service (the sim's ingress-nginx stand-in has it, as the chart does) and ours.
    expect(step(plan, 'load-balancers/prod-green')?.includes).toEqual(
      expect.arrayContaining([
        { kind: 'load-balancer', name: expect.stringMatching(/^default\/web \(/) },
        { kind: 'load-balancer', name: expect.stringMatching(/^ingress-nginx\/ingress-nginx-controller \(/) },
      ]),
    );
    expect(step(plan, 'load-balancers/prod-green')?.includes).toHaveLength(2);
    expect(step(plan, 'cluster/prod-green')?.includes).toContainEqual({
      kind: 'role',
      name: 'hubfleet-prod-green-velero',
    });
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.code).toBe(0);
    const after = await inventory(workspace, 'prod-green');
    expect(after.networks).toEqual([]);
    expect(after.loadBalancers).toEqual([]);
  });
});
