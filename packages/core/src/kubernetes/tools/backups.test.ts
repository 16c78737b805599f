import { describe, expect, it } from 'vitest';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const BACKUPS =
  '  backups: { enabled: true, bucket: prod-velero-backups, schedule: "30 2 * * *", retain: 336h }';
const OPENSTACK_GROUPS = `    - { name: core, role: core, instanceType: l3.nano, min: 1, max: 2 }
    - { name: users, role: users, instanceType: l3.nano, min: 1, max: 4 }`;

function veleroPlan(provider: string, nodeGroups?: string) {
  const loaded = loadConfig(configText({ provider, tools: BACKUPS, ...(nodeGroups ? { nodeGroups } : {}) }));
  return toolReleases(loaded.config, loaded.provider);
}

describe('backups: velero per cloud', () => {
  it('AWS: the aws plugin, the S3 bucket in the region, EBS snapshots', () => {
    const plan = veleroPlan('{ kind: aws, region: us-west-2 }');
    expect(valueAt(plan, 'velero', 'initContainers')).toEqual([
      {
        name: 'velero-plugin-for-aws',
        image: 'velero/velero-plugin-for-aws:v1.13.2',
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
      },
    ]);
    expect(valueAt(plan, 'velero', 'configuration')).toEqual({
      backupStorageLocation: [
        {
          name: 'default',
          default: true,
          provider: 'velero.io/aws',
          bucket: 'prod-velero-backups',
          prefix: 'prod-green',
          config: { region: 'us-west-2' },
        },
      ],
      volumeSnapshotLocation: [
        { name: 'default', provider: 'velero.io/aws', config: { region: 'us-west-2' } },
      ],
    });
    expect(valueAt(plan, 'velero', 'snapshotsEnabled')).toBe(true);
  });

  it('takes the schedule and retention from tools.backups', () => {
    const plan = veleroPlan('{ kind: aws, region: us-west-2 }');
    expect(valueAt(plan, 'velero', 'schedules')).toEqual({
      hubfleet: {
        disabled: false,
        schedule: '30 2 * * *',
        useOwnerReferencesInBackup: false,
        template: {
          ttl: '336h',
          storageLocation: 'default',
          includedNamespaces: ['*'],
          snapshotVolumes: true,
        },
      },
    });
  });

  it('GKE: the gcp plugin and a GCS bucket, snapshots in the project', () => {
    const plan = veleroPlan(
      '{ kind: gke, project: rhodes-cs, location: us-central1-a }',
      `    - { name: core, role: core, instanceType: e2-standard-2, min: 1, max: 2 }
    - { name: users, role: users, instanceType: n1-standard-8, min: 0, max: 10 }`,
    );
    expect(valueAt(plan, 'velero', 'initContainers.0.image')).toBe('velero/velero-plugin-for-gcp:v1.13.2');
    expect(valueAt(plan, 'velero', 'configuration.backupStorageLocation.0')).toMatchObject({
      provider: 'velero.io/gcp',
      bucket: 'prod-velero-backups',
      config: {},
    });
    expect(valueAt(plan, 'velero', 'configuration.volumeSnapshotLocation.0')).toEqual({
      name: 'default',
      provider: 'velero.io/gcp',
      config: { project: 'rhodes-cs' },
    });
  });

  it('OpenStack: the openstack plugin, a Swift container, Cinder snapshots, OS_* credentials from a Secret', () => {
    const plan = veleroPlan('{ kind: openstack, cloud: jupyter-prod }', OPENSTACK_GROUPS);
    expect(valueAt(plan, 'velero', 'initContainers.0')).toMatchObject({
      name: 'velero-plugin-for-openstack',
      image: 'lirt/velero-plugin-for-openstack:v0.8.2',
    });
    expect(valueAt(plan, 'velero', 'configuration.backupStorageLocation.0')).toMatchObject({
      provider: 'community.openstack.org/openstack',
      bucket: 'prod-velero-backups',
    });
    expect(valueAt(plan, 'velero', 'configuration.volumeSnapshotLocation.0')).toMatchObject({
      provider: 'community.openstack.org/openstack-cinder',
      config: { method: 'snapshot' },
    });
    expect(valueAt(plan, 'velero', 'credentials')).toEqual({
      useSecret: false,
      extraSecretRef: 'velero-credentials',
    });
  });

  it('NeCTAR: Swift too, but no volume snapshots, and says so', () => {
    const plan = veleroPlan(
      '{ kind: nectar, cloud: nectar }',
      `    - { name: core, role: core, instanceType: m3.medium, min: 1, max: 1 }
    - { name: users, role: users, instanceType: m3.xlarge, min: 1, max: 4 }`,
    );
    expect(valueAt(plan, 'velero', 'configuration.backupStorageLocation.0.provider')).toBe(
      'community.openstack.org/openstack',
    );
    expect(valueAt(plan, 'velero', 'configuration.volumeSnapshotLocation')).toEqual([]);
    expect(valueAt(plan, 'velero', 'snapshotsEnabled')).toBe(false);
    expect(plan.choices.find((choice) => choice.tool === 'velero')?.reason).toContain('cluster objects only');
  });

  it('installs nothing on a cloud with no known plugin, and says why', () => {
    const plan = veleroPlan('{ kind: fixture }');
    expect(plan.releases.map((release) => release.release)).not.toContain('velero');
    expect(plan.choices.find((choice) => choice.tool === 'velero')).toEqual({
      tool: 'velero',
      enabled: false,
      reason: 'hubfleet knows no velero plugin for Fixture Cloud',
    });
  });
});
