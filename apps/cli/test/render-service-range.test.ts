import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { runHubfleet } from './cli-harness.js';
import { prepareExamples } from './example-copies.js';

interface ReleaseEntry {
  release: string;
  chart: string;
  valuesFile: string;
}

function toNumber(address: string): number {
  return address.split('.').reduce((total, octet) => total * 256 + Number(octet), 0);
}

function inRange(address: string, cidr: string): boolean {
  const [network = '', prefix = ''] = cidr.split('/');
  const size = 2 ** (32 - Number(prefix));
  const offset = toNumber(address) - toNumber(network);
  return offset >= 0 && offset < size;
}

/**
 * Every hub's storage switched to shared-nfs, so the example gets an NFS server to place; one shared
 * 100Gi disk (a per-user size such as GKE's 1Gi is below what a shared disk may be on every cloud).
 */
function withSharedNfs(text: string): string {
  const document = parseDocument(text);
  const hubs = document.get('hubs') as { items: { setIn(path: string[], value: unknown): void }[] };
  for (const hub of hubs.items) {
    hub.setIn(['storage', 'home'], 'shared-nfs');
    hub.setIn(['storage', 'size'], '100Gi');
  }
  return document.toString();
}

/** `hubfleet render` of an example copy; the NFS servers' fixed clusterIPs from the values it wrote. */
async function nfsClusterIps(example: string, edit: (text: string) => string = (text) => text) {
  const prepared = prepareExamples();
  const config = join(prepared.directory, example);
  writeFileSync(config, edit(readFileSync(config, 'utf8')));
  const out = mkdtempSync(join(tmpdir(), 'hubfleet-render-range-'));
  const run = await runHubfleet(['render', '-c', config, '--out', out], { env: prepared.env });
  expect(run.code, run.stderr).toBe(0);
  const releases = JSON.parse(readFileSync(join(out, 'releases.json'), 'utf8')) as ReleaseEntry[];
  return releases
    .filter((release) => release.chart === 'charts/nfs-server')
    .map((release) => {
      const values = parse(readFileSync(join(out, release.valuesFile), 'utf8')) as {
        service?: { clusterIP?: string };
      };
      return values.service?.clusterIP ?? '';
    });
}

// Offline there is no cluster to ask, so each provider's documented default range stands in.
describe('hubfleet render places NFS servers in the provider’s default Service range', () => {
  it.each([
    ['openstack-stfc.yaml', '10.254.0.0/16', withSharedNfs],
    ['nectar-unimelb.yaml', '10.96.0.0/12', undefined],
    ['aws-dsosu.yaml', '10.100.0.0/16', undefined],
    ['gke-rhodes.yaml', '34.118.224.0/20', withSharedNfs],
  ] as const)(
    '%s: inside %s',
    async (example, cidr, edit) => {
      const addresses = await nfsClusterIps(example, edit);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect(inRange(address, cidr), `${address} in ${cidr}`).toBe(true);
    },
    60_000,
  );
});
