import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { hubfleetBin, STACK_TRACE } from './cli-harness.js';
import { inventory, sim, simWorkspace } from './sim-harness.js';

const HOST = 'hub-green.datasci.oregonstate.edu';

/** `hubfleet sim serve` on the workspace's simulated account: its Kubernetes endpoint, and a stop. */
async function serveKubernetes(
  stateDirectory: string,
): Promise<{ kubernetes: string; stop(): Promise<unknown> }> {
  const child = spawn(
    process.execPath,
    [hubfleetBin, 'sim', 'serve', '--provider', 'aws', '--state', stateDirectory, '--speed', '2000'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exited = new Promise((resolve) => child.on('close', resolve));
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  const { endpoints } = JSON.parse(line) as { endpoints: { kubernetes: string } };
  return {
    kubernetes: endpoints.kubernetes,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/**
 * Day 2 on the simulated cloud, through the built binary: where DNS must point (issue 11 scope 3)
 * and a kubeconfig whose exec entry keeps handing out fresh tokens (scope 5).
 */
describe('the DNS target and a lasting kubeconfig on examples/aws-dsosu.yaml --sim', {
  timeout: 300_000,
}, () => {
  const workspace = simWorkspace('aws-dsosu.yaml');

  it('before up, status says the DNS record is pending and why', async () => {
    const json = await sim(workspace, 'status', ['--output', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).dns).toEqual({
      host: HOST,
      address: null,
      pending: 'the cluster is not up yet',
    });
    const text = await sim(workspace, 'status');
    expect(text.stdout).toContain(`DNS: ${HOST}: pending (the cluster is not up yet)`);
  });

  it("up ends with the record to create; status (text and JSON) holds the ingress controller's address", async () => {
    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.stderr).not.toMatch(STACK_TRACE);
    expect(up.code).toBe(0);
    const state = await inventory(workspace, 'prod-green');
    const balancers = state.loadBalancers.filter(
      (balancer) => balancer.service === 'ingress-nginx/ingress-nginx-controller',
    );
    expect(balancers).toHaveLength(1);
    const hostname = balancers[0]?.hostname as string;
    expect(hostname).toMatch(/\.lb\.hubfleet\.test$/);
    expect(up.stdout).toContain(`DNS: create ${HOST} CNAME ${hostname}`);
    const json = await sim(workspace, 'status', ['--output', 'json']);
    expect(JSON.parse(json.stdout).dns).toEqual({
      host: HOST,
      address: hostname,
      record: { name: HOST, type: 'CNAME', value: hostname },
    });
    const text = await sim(workspace, 'status');
    expect(text.stdout).toContain(`DNS: create ${HOST} CNAME ${hostname}`);
  });

  it('kubeconfig --out writes an exec entry whose command gives client-node a token the cluster accepts', async () => {
    const out = join(workspace.directory, 'prod-green.kubeconfig');
    const written = await sim(workspace, 'kubeconfig', ['--out', out]);
    expect(written.code).toBe(0);
    const file = parse(readFileSync(out, 'utf8'));
    const { user } = file.users[0];
    expect(user.token).toBeUndefined();
    expect(user.exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
      command: process.execPath,
      args: [expect.stringMatching(/hubfleet\.mjs$/), 'kubeconfig', 'token', '-c', workspace.config, '--sim'],
    });
    const served = await serveKubernetes(workspace.stateDirectory);
    try {
      // The API server `kubeconfig --sim` wrote ran only while it did; `sim serve` keeps one up.
      file.clusters[0].cluster.server = served.kubernetes;
      writeFileSync(out, stringify(file));
      const config = new KubeConfig();
      config.loadFromFile(out);
      const nodes = await config.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items.length).toBeGreaterThan(0);
      const unauthenticated = await fetch(`${served.kubernetes}/api/v1/nodes`);
      expect(unauthenticated.status).toBe(401);
    } finally {
      await served.stop();
    }
  });

  it('kubeconfig token prints a valid ExecCredential', async () => {
    const run = await sim(workspace, 'kubeconfig', ['token']);
    expect(run.code).toBe(0);
    const credential = JSON.parse(run.stdout);
    expect(credential).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
    });
    expect(credential.status.token).toMatch(/^k8s-aws-v1\./);
    expect(Date.parse(credential.status.expirationTimestamp)).toBeGreaterThan(Date.now());
  });
});
