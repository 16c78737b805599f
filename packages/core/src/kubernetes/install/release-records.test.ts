import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../release.js';
import { contentHash } from './content-hash.js';
import { latestReleases, readReleaseRecord, simulatedRecordSecret } from './release-records.js';

/** A record as helm 3 writes it: the release JSON, gzipped, base64, stored in a Secret (base64 again). */
function helmRecord(revision: number, status: string, config: Record<string, unknown>): Manifest {
  const release = {
    name: 'ingress-nginx',
    version: revision,
    chart: { metadata: { name: 'ingress-nginx', version: '4.15.1' } },
    config,
  };
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `sh.helm.release.v1.ingress-nginx.v${revision}`,
      namespace: 'ingress-nginx',
      labels: { name: 'ingress-nginx', owner: 'helm', status, version: String(revision) },
    },
    type: 'helm.sh/release.v1',
    data: { release: Buffer.from(helmEncoded).toString('base64') },
  };
}

describe('release records', () => {
  it("reads helm's own records: chart version and a hash of the values, newest revision wins", () => {
    const values = { controller: { replicaCount: 2 } };
    const latest = latestReleases([helmRecord(1, 'superseded', {}), helmRecord(2, 'deployed', values)]);
    expect(latest.get('ingress-nginx/ingress-nginx')).toMatchObject({
      revision: 2,
      status: 'deployed',
      chartVersion: '4.15.1',
      valuesHash: contentHash(values),
      values,
      simulated: false,
    });
  });

  it("reads back the simulated installer's records, objects included", () => {
    const release = {
      release: 'demo',
      namespace: 'demo',
      chart: 'jupyterhub',
      version: '4.4.0',
      values: { a: 1 },
    };
    const objects = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo', namespace: 'demo' }];
    const record = readReleaseRecord(simulatedRecordSecret(release, 3, objects));
    expect(record).toEqual({
      release: 'demo',
      namespace: 'demo',
      revision: 3,
      status: 'deployed',
      chart: 'jupyterhub',
      chartVersion: '4.4.0',
      valuesHash: contentHash({ a: 1 }),
      values: { a: 1 },
      simulated: true,
      objects,
    });
  });

  it('the values hash ignores key order', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      contentHash({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
