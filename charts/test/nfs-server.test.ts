import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { helmLint, helmTemplate, type RenderOptions } from './helm.js';
import { findManifest, parseManifests, type RenderedManifest, validateManifest } from './manifests.js';

const FIXTURES = {
  'ebs.yaml': { release: 'example-simple-nfs', namespace: 'example-simple' },
  'gke-pd.yaml': { release: 'cs101-nfs', namespace: 'cs101' },
  'cinder.yaml': { release: 'stfc-training-nfs', namespace: 'stfc-training' },
  'nectar-external.yaml': { release: 'comp20003-nfs', namespace: 'comp20003' },
  'render-placeholders.yaml': { release: 'course-nfs', namespace: 'course' },
} as const;

type Fixture = keyof typeof FIXTURES;

function options(fixture: Fixture, set?: readonly string[]): RenderOptions {
  return { chart: 'nfs-server', fixture, ...FIXTURES[fixture], ...(set ? { set } : {}) };
}

function render(
  fixture: Fixture,
  set?: readonly string[],
): { output: string; manifests: RenderedManifest[] } {
  const result = helmTemplate(options(fixture, set));
  if (!result.ok) throw new Error(result.stderr);
  return { output: result.stdout, manifests: parseManifests(result.stdout) };
}

/** stderr of a render that must fail; `fixture` is a file under fixtures/nfs-server/. */
function renderError(fixture: string, set?: readonly string[]): string {
  const result = helmTemplate({
    chart: 'nfs-server',
    release: 'course-nfs',
    namespace: 'course',
    fixture,
    ...(set ? { set } : {}),
  });
  expect(result.ok).toBe(false);
  return result.stderr;
}

describe('charts/nfs-server', () => {
  describe.each(Object.keys(FIXTURES) as Fixture[])('%s', (fixture) => {
    it('passes helm lint --strict', () => {
      const result = helmLint(options(fixture));
      expect(result.stderr).toBe('');
      expect(result.ok).toBe(true);
    });

    it('renders valid Kubernetes objects, labelled with the hub', async () => {
      const { output, manifests } = render(fixture);
      for (const manifest of manifests) {
        validateManifest(manifest);
        expect(manifest.metadata.labels).toMatchObject({
          'app.kubernetes.io/name': 'nfs-server',
          'app.kubernetes.io/instance': FIXTURES[fixture].release,
          'app.kubernetes.io/part-of': 'hubfleet',
          'hubfleet.io/hub': FIXTURES[fixture].namespace,
        });
      }
      await expect(output).toMatchFileSnapshot(`__snapshots__/nfs-server/${fixture}`);
    });
  });

  it('binds the CSI volume statically, retained, in its zone', () => {
    const { manifests } = render('ebs.yaml');
    const disk = findManifest(manifests, 'PersistentVolume', 'example-simple-nfs-disk');
    expect(disk.spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: { namespace: 'example-simple', name: 'example-simple-nfs-disk' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc123def4567890', fsType: 'ext4' },
    });
    expect(disk.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions).toEqual([
      { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-west-2a'] },
    ]);
    const claim = findManifest(manifests, 'PersistentVolumeClaim', 'example-simple-nfs-disk');
    expect(claim.spec).toMatchObject({ volumeName: disk.metadata.name, storageClassName: '' });
  });

  it('serves NFS from one Recreate pod on the core nodegroup behind the fixed clusterIP', () => {
    const { manifests } = render('ebs.yaml');
    const server = findManifest(manifests, 'Deployment', 'example-simple-nfs');
    expect(server.spec.replicas).toBe(1);
    expect(server.spec.strategy).toEqual({ type: 'Recreate' });
    expect(server.spec.template.spec.nodeSelector).toEqual({ 'hubfleet.io/nodegroup': 'core' });
    const service = findManifest(manifests, 'Service', 'example-simple-nfs');
    expect(service.spec.clusterIP).toBe('10.100.0.137');
    expect(service.spec.selector).toEqual(server.spec.selector.matchLabels);
  });

  it('gives the hub an NFS volume naming its server by address, with mount options', () => {
    const { manifests } = render('ebs.yaml');
    const home = findManifest(manifests, 'PersistentVolume', 'example-simple-nfs-home');
    expect(home.spec.nfs).toEqual({ server: '10.100.0.137', path: '/' });
    expect(home.spec.accessModes).toEqual(['ReadWriteMany']);
    expect(home.spec.mountOptions).toEqual(expect.arrayContaining(['nfsvers=4.1', 'hard', 'noresvport']));
    const claim = findManifest(manifests, 'PersistentVolumeClaim', 'example-simple-nfs-home');
    expect(claim.spec.volumeName).toBe(home.metadata.name);
  });

  it('prepares homes and an admin-group ~/shared on the disk before serving it', () => {
    const { manifests } = render('cinder.yaml');
    const server = findManifest(manifests, 'Deployment', 'stfc-training-nfs');
    const [prepare] = server.spec.template.spec.initContainers;
    expect(prepare.command[2]).toContain('chown 1000:101 "$root/shared"');
    expect(prepare.command[2]).toContain('chmod 2775 "$root/shared"');
    expect(prepare.command.slice(3)).toEqual(['prepare-layout', '/export']);
    const ganesha = findManifest(manifests, 'ConfigMap', 'stfc-training-nfs-ganesha');
    expect(ganesha.data['ganesha.conf']).toContain('Squash = Root_Squash;');
  });

  it('leaves ~/shared out unless asked', () => {
    const { manifests } = render('gke-pd.yaml');
    const server = findManifest(manifests, 'Deployment', 'cs101-nfs');
    expect(server.spec.template.spec.initContainers[0].command[2]).not.toContain('shared');
  });

  it('runs no server for an external export: the volume names it, a hook Job prepares it', () => {
    const { manifests } = render('nectar-external.yaml');
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual([
      'Job',
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
    const home = findManifest(manifests, 'PersistentVolume', 'comp20003-nfs-home');
    expect(home.spec.nfs).toEqual({ server: '10.255.116.20', path: '/export/hubs/comp20003' });
    const job = findManifest(manifests, 'Job', 'comp20003-nfs-prepare');
    expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'post-install,post-upgrade' });
    expect(job.spec.template.spec.volumes).toEqual([
      { name: 'home', persistentVolumeClaim: { claimName: 'comp20003-nfs-home' } },
    ]);
  });

  it('renders no secrets', () => {
    for (const fixture of Object.keys(FIXTURES) as Fixture[]) {
      expect(render(fixture).manifests.map((manifest) => manifest.kind)).not.toContain('Secret');
    }
  });

  describe('values.schema.json', () => {
    it('rejects a server without its clusterIP', () => {
      expect(renderError('invalid/missing-cluster-ip.yaml')).toContain('service: clusterIP is required');
    });

    it('rejects a clusterIP that is not an IPv4 address', () => {
      expect(renderError('ebs.yaml', ['service.clusterIP=nfs.course.svc'])).toContain(
        'service.clusterIP: Does not match pattern',
      );
    });

    it('rejects a server without its CSI volume, and an external export without its path', () => {
      expect(renderError('invalid/missing-volume-handle.yaml')).toContain('volume: volumeHandle is required');
      expect(renderError('invalid/external-without-path.yaml')).toContain('external: path is required');
    });

    it('rejects unknown keys instead of ignoring a typo', () => {
      expect(renderError('ebs.yaml', ['sharedDir.enabled=true'])).toContain(
        'Additional property sharedDir is not allowed',
      );
    });

    it('rejects a hub name that is not a DNS label', () => {
      expect(renderError('ebs.yaml', ['hub=Example_Simple'])).toContain('hub: Does not match pattern');
    });
  });

  it('keeps Chart.yaml at apiVersion v2 and version 0.1.0', async () => {
    const { readFile } = await import('node:fs/promises');
    const chart = parse(await readFile(new URL('../nfs-server/Chart.yaml', import.meta.url), 'utf8'));
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'nfs-server', version: '0.1.0' });
  });
});
