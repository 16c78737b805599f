import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type OpenStackSimCredentials, simKeystoneToken } from '@hubfleet/testkit';
import { describe, expect, it } from 'vitest';
import { hubfleetBin, runHubfleet, STACK_TRACE } from './cli-harness.js';

interface Served {
  line: Record<string, unknown> & {
    endpoints: Record<string, string>;
    credentials: Record<string, string>;
  };
  stop(): Promise<number | null>;
}

/** `hubfleet sim serve ARGS` in the background: its one JSON line, and a SIGINT that stops it. */
async function serve(args: readonly string[]): Promise<Served> {
  const state = mkdtempSync(join(tmpdir(), 'hubfleet-sim-serve-'));
  const child = spawn(process.execPath, [hubfleetBin, 'sim', 'serve', '--state', state, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const firstLine = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  return {
    line: JSON.parse(firstLine),
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** The zone names EC2 answers DescribeAvailabilityZones with (the fake checks no signature). */
async function zoneNames(ec2: string): Promise<string[]> {
  const response = await fetch(ec2, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=DescribeAvailabilityZones&Version=2016-11-15',
  });
  return [...(await response.text()).matchAll(/<zoneName>([^<]+)<\/zoneName>/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('hubfleet sim serve', () => {
  it('--provider aws prints one JSON line (provider, region, endpoints, credentials), answers on it, and stops on SIGINT', async () => {
    const served = await serve(['--provider', 'aws', '--speed', '1000']);
    const { line } = served;
    expect(Object.keys(line)).toEqual(['formatVersion', 'provider', 'region', 'endpoints', 'credentials']);
    expect(line.provider).toBe('aws');
    expect(line.region).toBe('us-west-2');
    expect(Object.keys(line.endpoints).sort()).toEqual(['ec2', 'eks', 'iam', 'kubernetes', 's3', 'sts']);
    for (const url of Object.values(line.endpoints)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(line.credentials).sort()).toEqual(['accessKeyId', 'secretAccessKey']);
    const clusters = await fetch(`${line.endpoints.eks}/clusters`);
    expect(clusters.status).toBe(200);
    expect(await clusters.json()).toEqual({ clusters: [] });
    expect((await fetch(`${line.endpoints.kubernetes}/api/v1/nodes`)).status).toBe(401);
    expect(await served.stop()).toBe(0);
  });

  it.each([
    ['openstack', 'RegionOne', 'l3.nano'],
    ['nectar', 'Melbourne', 'm3.small'],
  ])(
    '--provider %s prints Keystone, Kubernetes and DNS only; a token from its Keystone lists a catalog whose endpoints answer',
    async (provider, region, flavor) => {
      const served = await serve(['--provider', provider, '--speed', '1000']);
      const { line } = served;
      expect(Object.keys(line)).toEqual(['formatVersion', 'provider', 'region', 'endpoints', 'credentials']);
      expect(line).toMatchObject({ provider, region });
      expect(Object.keys(line.endpoints).sort()).toEqual(['dns', 'keystone', 'kubernetes']);
      expect(line.endpoints.dns).toMatch(/^127\.0\.0\.1:\d+$/);
      const { credentials } = line;
      expect(credentials.auth_url).toBe(`${line.endpoints.keystone}/v3`);
      const { token, endpoints } = await simKeystoneToken(credentials as OpenStackSimCredentials);
      expect(Object.keys(endpoints).sort()).toEqual([
        'compute',
        'container-infra',
        'identity',
        'image',
        'load-balancer',
        'network',
        'volumev3',
      ]);
      const url = (type: string) => endpoints[type] ?? '';
      const get = (target: string) => fetch(target, { headers: { 'x-auth-token': token } });
      const flavors = await get(`${url('compute')}/flavors`);
      expect(flavors.status).toBe(200);
      expect(JSON.stringify(await flavors.json())).toContain(flavor);
      for (const [type, path] of [
        ['container-infra', '/clusters'],
        ['volumev3', '/volumes/detail'],
        ['network', '/v2.0/networks'],
        ['load-balancer', '/v2/lbaas/loadbalancers'],
        ['image', '/v2/images'],
        ['identity', '/auth/catalog'],
      ] as const) {
        expect((await get(`${url(type)}${path}`)).status, `${type} ${path}`).toBe(200);
      }
      // The cluster's API is HTTPS with the cluster CA; its client certificates come from Magnum.
      expect(line.endpoints.kubernetes).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await served.stop()).toBe(0);
    },
  );

  it('defaults to aws, and --region moves the whole account: its zones are in that region', async () => {
    const served = await serve(['--region', 'eu-west-2', '--speed', '1000']);
    expect(served.line).toMatchObject({ provider: 'aws', region: 'eu-west-2' });
    const zones = await zoneNames(served.line.endpoints.ec2);
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) expect(zone).toMatch(/^eu-west-2[a-z]$/);
    expect(await served.stop()).toBe(0);
  });

  it('--provider gke: container, compute, Cloud Storage, IAM, Resource Manager, OAuth2 and the Kubernetes API, with a service-account key', async () => {
    const served = await serve(['--provider', 'gke', '--speed', '1000']);
    expect(served.line).toMatchObject({ provider: 'gke', region: 'us-central1-a' });
    expect(Object.keys(served.line.endpoints).sort()).toEqual([
      'compute',
      'container',
      'iam',
      'kubernetes',
      'oauth2',
      'resourcemanager',
      'storage',
    ]);
    expect(served.line.credentials).toMatchObject({
      type: 'service_account',
      client_email: 'hubfleet@hubfleet-sim.iam.gserviceaccount.com',
      token_uri: `${served.line.endpoints.oauth2}/token`,
    });
    // Every service wants a Google credential: an unsigned request is refused as Google refuses it.
    const clusters = await fetch(
      `${served.line.endpoints.container}/v1/projects/hubfleet-sim/locations/-/clusters`,
    );
    expect(clusters.status).toBe(401);
    expect(((await clusters.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
    expect((await fetch(`${served.line.endpoints.kubernetes}/api/v1/nodes`)).status).toBe(401);
    const bucket = await fetch(`${served.line.endpoints.storage}/storage/v1/b/any-bucket`);
    expect(bucket.status).toBe(401);
    const accounts = await fetch(`${served.line.endpoints.iam}/v1/projects/hubfleet-sim/serviceAccounts/x`);
    expect(accounts.status).toBe(401);
    expect(await served.stop()).toBe(0);
  });

  it.each([['azure', 'there is no provider azure; simulated providers: aws, gke, openstack, nectar']])(
    '--provider %s (no simulated cloud): exit 2 with a clear message, nothing started',
    async (kind, message) => {
      const state = join(mkdtempSync(join(tmpdir(), 'hubfleet-sim-')), 'state');
      const run = await runHubfleet(['sim', 'serve', '--provider', kind, '--state', state]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('  → ');
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(existsSync(state)).toBe(false);
    },
  );

  it('refuses a speed that is not a positive number, exit 2', async () => {
    const run = await runHubfleet([
      'sim',
      'serve',
      '--speed',
      '0',
      '--state',
      mkdtempSync(join(tmpdir(), 'hubfleet-sim-')),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--speed must be a positive number');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});
