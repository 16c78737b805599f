import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criticalPath, parseTimings, wallTimeMs } from '@hubfleet/core/engine';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, sim, simWorkspace } from './sim-harness.js';

/**
 * The README's quick start, end to end on the simulated cloud, through the built binary: up, a
 * second up, status, plan, down, a second down, and `--delete-data` with `onDelete: delete`. The
 * tests run in order on one simulated account.
 */
describe('hubfleet up / status / down --sim on examples/aws-dsosu.yaml', () => {
  const workspace = simWorkspace('aws-dsosu.yaml');
  const timings = join(workspace.directory, 'timings.json');

  it('up converges: plan, progress, then a status where everything is ready', async () => {
    const run = await sim(workspace, 'up', ['--yes', '--timings', timings]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Plan for prod-green (hubfleet up):');
    expect(run.stdout).toContain('hubfleet up finished for prod-green.');
    expect(run.stdout).toContain('Deployment prod-green (aws): ready');
    expect(run.stderr).toMatch(/^warning: --sim: 5 secret references do not resolve here .*stand-in values/m);
    const state = await inventory(workspace, 'prod-green');
    expect(state.clusters.map((cluster) => cluster.status)).toEqual(['active']);
    expect(state.nodeGroups).toHaveLength(5);
    expect(state.nodeGroups.filter((group) => group.readyNodes !== group.desiredNodes)).toEqual([]);
    expect(state.volumes.map((volume) => volume.hub)).toEqual(['example-simple']);
    expect(state.networks).toHaveLength(1);
    // cluster, nodes, EBS CSI, and the Pod Identity roles of cluster-autoscaler and velero
    expect(state.identities).toHaveLength(5);
  });

  it('the --timings file: wall time within 1.1x of its longest dependency chain', () => {
    const file = parseTimings(JSON.parse(readFileSync(timings, 'utf8')));
    const chain = criticalPath(file);
    expect(chain.steps[0]).toBe('cluster/prod-green');
    expect(chain.steps.at(-1)).toBe('hub/example-simple');
    expect(wallTimeMs(file) / chain.durationMs).toBeLessThanOrEqual(1.1);
  });

  it('a second up makes no mutating call and says the plan is converged in one line', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['No changes: prod-green is up to date.', '']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('status shows everything ready, as a table and as JSON', async () => {
    const text = await sim(workspace, 'status');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Cluster: prod-green  active  Kubernetes 1.34');
    expect(text.stdout).toMatch(/clustertools\s+active\s+t3a\.medium\s+1\/1\s+1-2/);
    expect(text.stdout).toMatch(/ingress-nginx\/ingress-nginx\s+ingress-nginx\s+4\.15\.1\s+yes/);
    expect(text.stdout).toMatch(
      /example-simple\s+https:\/\/hub-green\.datasci\.oregonstate\.edu\/example-simple\/\s+jupyterhub 4\.4\.0\s+vol-\w+\s+yes/,
    );
    expect(text.stdout).toMatch(/Provider resources\n\s+RESOURCE\s+READY\n\s+addon\/cluster-addons\s+yes/);
    const json = await sim(workspace, 'status', ['--output', 'json']);
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ deployment: 'prod-green', ready: true, cluster: { status: 'active' } });
    expect(status.nodeGroups.map((group: { name: string }) => group.name)).toEqual([
      'clustertools',
      'jhcontrolplane',
      'jhusers',
      'jhusers-2xlarge',
      'jhusers-gpu',
    ]);
    expect(status.tools.every((tool: { ready: boolean }) => tool.ready)).toBe(true);
    expect(status.resources).toEqual([
      {
        id: 'addon/cluster-addons',
        kind: 'addon',
        ready: true,
        detail: 'eks-pod-identity-agent, aws-ebs-csi-driver active',
      },
      {
        id: 'bucket/prod-velero-backups',
        kind: 'bucket',
        ready: true,
        detail: 'encrypted, versioned, public access blocked, tagged',
      },
    ]);
    expect(status.hubs).toEqual([
      expect.objectContaining({
        name: 'example-simple',
        ready: true,
        volume: expect.stringMatching(/^vol-/),
      }),
    ]);
  });

  it('plan shows a changed secret as changed, never its value', async () => {
    // --sim never reads real secrets (every reference gets a stand-in), so a secret changes here when
    // its reference does: the stand-in for another name is another value.
    const original = readFileSync(workspace.config, 'utf8');
    writeFileSync(
      workspace.config,
      original.replace(
        'fromEnv: EXAMPLE_SIMPLE_LTI_SECRET }',
        'fromEnv: EXAMPLE_SIMPLE_LTI_SECRET_ROTATED }',
      ),
    );
    try {
      const values = {
        GRAFANA_ADMIN_PASSWORD: 'SECRET-grafana-5b1d',
        EXAMPLE_SIMPLE_LTI_SECRET_ROTATED: 'SECRET-lti-secret-0e9f',
      };
      const text = await sim(workspace, 'plan', [], values);
      const json = await sim(workspace, 'plan', ['--output', 'json'], values);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(
        '~   secret/example-simple/example-simple-auth  its content changed (values not shown)',
      );
      const plan = JSON.parse(json.stdout);
      expect(plan.counts).toMatchObject({ update: 1, create: 0, delete: 0 });
      const printed = text.stdout + text.stderr + json.stdout + json.stderr;
      for (const secret of [...Object.values(values), 'hubfleet-sim-stand-in-for-']) {
        expect(printed).not.toContain(secret);
      }
    } finally {
      writeFileSync(workspace.config, original);
    }
  });

  it('kubeconfig --sim writes only --out (mode 0600), never the kubeconfig kubectl uses', async () => {
    const home = join(workspace.directory, 'home');
    const mine = 'apiVersion: v1\nkind: Config\ncurrent-context: minikube\ncontexts: []\n';
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), mine);
    const refused = await sim(workspace, 'kubeconfig', [], { HOME: home });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `--sim: not merging the simulated cluster into ${join(home, '.kube', 'config')}`,
    );
    expect(refused.stderr).toContain('→ write it to a file of its own: --out FILE');
    expect(readFileSync(join(home, '.kube', 'config'), 'utf8')).toBe(mine);
    const out = join(workspace.directory, 'kubeconfig.yaml');
    const written = await sim(workspace, 'kubeconfig', ['--out', out], { HOME: home });
    expect(written.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const config = parse(readFileSync(out, 'utf8'));
    expect(config['current-context']).toBe('hubfleet-prod-green');
    // No token that dies in 15 minutes: an exec entry fetches fresh ones (see day2-access-sim.test.ts).
    expect(readFileSync(out, 'utf8')).not.toContain('k8s-aws-v1.');
    expect(config.users[0].user.exec.args.slice(1, 3)).toEqual(['kubeconfig', 'token']);
    expect(readFileSync(join(home, '.kube', 'config'), 'utf8')).toBe(mine);
  });

  it('down with no terminal and no --yes refuses (exit 3) and changes nothing', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'down'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('add --yes to confirm');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('down removes the deployment and keeps the hub volume (onDelete: retain)', async () => {
    const run = await sim(workspace, 'down', ['--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('retained: hub example-simple has storage.onDelete: retain');
    expect(run.stdout).toContain('Kept (storage.onDelete: retain): volume/example-simple');
    const state = await inventory(workspace, 'prod-green');
    expect(state.clusters).toEqual([]);
    expect(state.networks).toEqual([]);
    expect(state.subnets).toEqual([]);
    expect(state.identities).toEqual([]);
    expect(state.volumes.map((volume) => [volume.status, volume.hub])).toEqual([
      ['available', 'example-simple'],
    ]);
  });

  it('a second down is a no-op', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'down'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'No changes: nothing of prod-green is left to delete. Retained: volume/example-simple, bucket/prod-velero-backups.\n',
    );
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('down --delete-data removes the volume of a hub with onDelete: delete (and refuses without the flag)', async () => {
    const deleting = simWorkspace('aws-dsosu.yaml', (text) =>
      text.replace('onDelete: retain', 'onDelete: delete'),
    );
    expect((await sim(deleting, 'up', ['--yes'])).code).toBe(0);
    const refused = await sim(deleting, 'down', ['--yes']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("volume/example-simple deletes hub example-simple's data volume");
    expect(refused.stderr).toContain('--delete-data');
    expect((await inventory(deleting, 'prod-green')).clusters).toHaveLength(1);
    const run = await sim(deleting, 'down', ['--yes', '--delete-data']);
    expect(run.code).toBe(0);
    const state = await inventory(deleting, 'prod-green');
    expect(state.volumes).toEqual([]);
    expect(state.clusters).toEqual([]);
    const again = await sim(deleting, 'down', ['--yes', '--delete-data']);
    expect(again.stdout).toBe('No changes: nothing of prod-green is left to delete.\n');
  });
});
