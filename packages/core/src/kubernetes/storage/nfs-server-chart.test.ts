import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../../test/fixture-provider.js';
import type { HubConfig } from '../../config/hub.js';
import { validateConfigText } from '../../config/load.js';
import { defaultHelmRunner } from '../helm/default-runner.js';
import { createHelm } from '../helm/helm-client.js';
import { NO_PROVISIONED_FACTS, type ProvisionedFacts } from '../provisioned.js';
import { hubStorageMounts } from './hub-storage-mounts.js';
import { nfsClusterIp } from './nfs-cluster-ip.js';
import { NFS_SERVER_CHART } from './nfs-server-chart.js';
import { nfsServerRelease } from './nfs-server-release.js';

/** The generator and the chart agree: the chart accepts the values and names what the hub mounts. */
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const helm = createHelm({ run: defaultHelmRunner() });

type Manifest = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

/** `helm template` of the project's chart through core's own helm runner. */
async function helmTemplate(
  release: string,
  namespace: string,
  values: Record<string, unknown>,
): Promise<Manifest[]> {
  const manifests = await helm.template({
    chart: join(REPO, NFS_SERVER_CHART.chart),
    values,
    namespace,
    releaseName: release,
  });
  return manifests as unknown as Manifest[];
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

function render(facts: ProvisionedFacts): Promise<Manifest[]> {
  const release = nfsServerRelease(config, course, facts, { serviceCidr: '10.100.0.0/16' });
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

  it('renders the claim the hub mounts, served from the fixed clusterIP', async () => {
    const facts = { volumes: { course: { csiDriver: 'ebs.csi.aws.com', volumeHandle: 'vol-1', zone: 'a' } } };
    const manifests = await render(facts);
    const mounts = hubStorageMounts(course);
    const claim = find(manifests, 'PersistentVolumeClaim', mounts?.claimName ?? '');
    const volume = find(manifests, 'PersistentVolume', String(claim.spec?.volumeName));
    expect(volume.spec?.nfs).toEqual({ server: nfsClusterIp(config, course, '10.100.0.0/16'), path: '/' });
    expect(find(manifests, 'Service', 'course-nfs').spec?.clusterIP).toBe(
      nfsClusterIp(config, course, '10.100.0.0/16'),
    );
  });

  it('accepts the render-time placeholders and an external export alike', async () => {
    expect((await render(NO_PROVISIONED_FACTS)).map((manifest) => manifest.kind)).toContain('Deployment');
    const external = await render({ volumes: { course: { nfsExport: { server: '10.0.0.5', path: '/x' } } } });
    expect(external.map((manifest) => manifest.kind).sort()).toEqual([
      'Job',
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
  });
});
