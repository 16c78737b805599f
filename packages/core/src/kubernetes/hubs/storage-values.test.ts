import { describe, expect, it } from 'vitest';
import { releaseOfOnlyHub, testConfig } from './testing/example-configs.js';
import { valueAt } from './testing/value-at.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

function valuesOf(storageYaml: string): Record<string, unknown> {
  const { release } = releaseOfOnlyHub(
    testConfig(`  - name: course
    auth: { type: native, admins: [admin] }
    storage: ${storageYaml}
`),
  );
  expect(checkZ2jhValues(release.values)).toEqual([]);
  return release.values;
}

describe('storage values', () => {
  it('shared-nfs: each home is a sub-directory of the hub NFS claim (z2jh static storage)', () => {
    const values = valuesOf('{ home: shared-nfs, size: 100Gi }');
    expect(valueAt(values, 'singleuser', 'storage')).toEqual({
      type: 'static',
      static: { pvcName: 'course-nfs-home', subPath: 'home/{username}' },
      homeMountPath: '/home/jovyan',
    });
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-shared-dir')).toBeUndefined();
  });

  it('shared-nfs with sharedDir: ~/shared read-only, made writable for admins by a pod hook', () => {
    const values = valuesOf('{ home: shared-nfs, size: 100Gi, sharedDir: true }');
    expect(valueAt(values, 'singleuser', 'storage', 'extraVolumeMounts')).toEqual({
      'hubfleet-shared': {
        name: 'home',
        mountPath: '/home/jovyan/shared',
        subPath: 'shared',
        readOnly: true,
      },
    });
    const hook = String(valueAt(values, 'hub', 'extraConfig', 'hubfleet-shared-dir'));
    expect(hook).toContain('if spawner.user.admin:');
    expect(hook).toContain('if mount.mount_path == "/home/jovyan/shared":');
    expect(hook).toContain('c.KubeSpawner.modify_pod_hook = hubfleet_shared_dir_writable_for_admins');
  });

  it('per-user-volume: a z2jh claim per user of the given size, default StorageClass', () => {
    const values = valuesOf('{ home: per-user-volume, size: 1Gi }');
    expect(valueAt(values, 'singleuser', 'storage')).toEqual({ type: 'dynamic', capacity: '1Gi' });
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-shared-dir')).toBeUndefined();
  });

  it('keeps the hub database on a regular volume in every mode', () => {
    for (const storage of ['{ home: shared-nfs }', '{ home: per-user-volume }']) {
      expect(valueAt(valuesOf(storage), 'hub', 'db')).toEqual({
        type: 'sqlite-pvc',
        pvc: { storage: '1Gi' },
      });
    }
  });
});
