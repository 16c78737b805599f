import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { registry } from '../../../test/fixture-provider.js';
import type { HubConfig } from '../../config/hub.js';
import { validateConfigText } from '../../config/load.js';
import { NO_PROVISIONED_FACTS, type ProvisionedFacts } from '../provisioned.js';
import { hubStorageMounts } from './hub-storage-mounts.js';
import { nfsClusterIp } from './nfs-cluster-ip.js';
import { NFS_SERVER_CHART } from './nfs-server-chart.js';
import { nfsServerRelease } from './nfs-server-release.js';

/** The generator and the chart agree: the chart accepts the values and names what the hub mounts. */
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const HELM = join(REPO, 'node_modules/.bin/helm');
const work = mkdtempSync(join(tmpdir(), 'hubfleet-nfs-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Manifest = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

function helmTemplate(release: string, namespace: string, values: Record<string, unknown>): Manifest[] {
  const valuesFile = join(work, `${release}.json`);
  writeFileSync(valuesFile, JSON.stringify(values));
  const output = execFileSync(
    HELM,
    ['template', release, join(REPO, NFS_SERVER_CHART.chart), '--namespace', namespace, '-f', valuesFile],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        HELM_CACHE_HOME: join(work, 'cache'),
        HELM_CONFIG_HOME: join(work, 'config'),
        HELM_DATA_HOME: join(work, 'data'),
      },
    },
  );
  return parseAllDocuments(output).flatMap((document) => {
    if (document.errors.length > 0)
      throw new Error(`helm rendered invalid YAML: ${document.errors[0]?.message}`);
    const manifest = document.toJS() as Manifest | null;
    return manifest === null ? [] : [manifest];
  });
}

const config = (() => {
  const text = `apiVersion: hubfleet/v1
name: demo
provider: { kind: fixture, region: here }
cluster:
  nodeGroups:
    - { name: core, role: core, instanceType: small, min: 1, max: 2 }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
ingress: { host: hub.example.edu, tls: { mode: letsencrypt, email: ops@example.edu } }
hubs:
  - name: course
    auth: { type: native, admins: [admin] }
    storage: { home: shared-nfs, size: 20Gi, sharedDir: true }
`;
  const result = validateConfigText(text, { registry, file: 'hubfleet.yaml', checkSecrets: false });
  if (!result.config) throw new Error(JSON.stringify(result.issues));
  return result.config;
})();
const course = config.hubs[0] as HubConfig;

function render(facts: ProvisionedFacts): Manifest[] {
  const release = nfsServerRelease(config, course, facts);
  if (!release) throw new Error('course is a shared-nfs hub');
  return helmTemplate(release.release, release.namespace, release.values);
}

function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${manifests.map((m) => m.metadata.name).join(', ')}`);
  return found;
}

describe('charts/nfs-server with generated values', () => {
  it('has the version core pins', () => {
    const chart = parse(readFileSync(join(REPO, NFS_SERVER_CHART.chart, 'Chart.yaml'), 'utf8'));
    expect(chart.version).toBe(NFS_SERVER_CHART.version);
  });

  it('renders the claim the hub mounts, served from the fixed clusterIP', () => {
    const facts = { volumes: { course: { csiDriver: 'ebs.csi.aws.com', volumeHandle: 'vol-1', zone: 'a' } } };
    const manifests = render(facts);
    const mounts = hubStorageMounts(course);
    const claim = find(manifests, 'PersistentVolumeClaim', mounts?.claimName ?? '');
    const volume = find(manifests, 'PersistentVolume', String(claim.spec?.volumeName));
    expect(volume.spec?.nfs).toEqual({ server: nfsClusterIp(config, course), path: '/' });
    expect(find(manifests, 'Service', 'course-nfs').spec?.clusterIP).toBe(nfsClusterIp(config, course));
  });

  it('accepts the render-time placeholders and an external export alike', () => {
    expect(render(NO_PROVISIONED_FACTS).map((manifest) => manifest.kind)).toContain('Deployment');
    const external = render({ volumes: { course: { nfsExport: { server: '10.0.0.5', path: '/x' } } } });
    expect(external.map((manifest) => manifest.kind).sort()).toEqual([
      'Job',
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
  });
});
