import type { HubConfig } from '../../config/hub.js';
import { type HubStorageMounts, hubStorageMounts } from '../storage/index.js';
import type { Values } from './deep-merge.js';

/** The `hub.extraConfig` entry that makes `~/shared` writable for admins. */
export const SHARED_DIR_EXTRA_CONFIG_KEY = 'hubfleet-shared-dir';

/** The volume z2jh's jupyterhub_config.py defines for `static` storage. */
const Z2JH_STATIC_HOME_VOLUME = 'home';

/**
 * `~/shared` is mounted read-only for everyone; this KubeSpawner `modify_pod_hook` flips it to
 * writable when the spawning user is a hub admin. One hook covers every profile and follows admin
 * status as the hub knows it (admin_users, or admin groups at login), which values alone cannot: z2jh
 * profiles and mounts cannot depend on who is spawning.
 */
export function sharedDirAdminHook(sharedMountPath: string): string {
  return [
    'def hubfleet_shared_dir_writable_for_admins(spawner, pod):',
    '    """~/shared is read-only for users and writable for hub admins."""',
    '    if spawner.user.admin:',
    '        for container in pod.spec.containers:',
    '            for mount in container.volume_mounts or []:',
    `                if mount.mount_path == ${JSON.stringify(sharedMountPath)}:`,
    '                    mount.read_only = False',
    '    return pod',
    '',
    '',
    'c.KubeSpawner.modify_pod_hook = hubfleet_shared_dir_writable_for_admins',
  ].join('\n');
}

/**
 * shared-nfs: z2jh's `static` storage, the documented way to give users sub-directories of one shared
 * claim: each home is a sub-directory (named after the user) of the hub's NFS claim. `~/shared` is a
 * further mount of the same claim's volume (z2jh names it `home`). The storage module names the claim
 * and both directories.
 */
function sharedNfsValues(mounts: HubStorageMounts): Values {
  const shared = mounts.sharedDir;
  return {
    singleuser: {
      storage: {
        type: 'static',
        static: { pvcName: mounts.claimName, subPath: mounts.homeSubPath },
        homeMountPath: mounts.homeMountPath,
        ...(shared
          ? {
              extraVolumeMounts: {
                'hubfleet-shared': {
                  name: Z2JH_STATIC_HOME_VOLUME,
                  mountPath: shared.mountPath,
                  subPath: shared.subPath,
                  readOnly: true,
                },
              },
            }
          : {}),
      },
    },
    ...(shared
      ? { hub: { extraConfig: { [SHARED_DIR_EXTRA_CONFIG_KEY]: sharedDirAdminHook(shared.mountPath) } } }
      : {}),
  };
}

/** per-user-volume: z2jh's own per-user claim of `size`, from the cluster's default StorageClass. */
function perUserVolumeValues(hub: HubConfig): Values {
  return { singleuser: { storage: { type: 'dynamic', capacity: String(hub.storage.size) } } };
}

/** Where users' home directories live. */
export function storageValues(hub: HubConfig): Values {
  const mounts = hubStorageMounts(hub);
  return mounts === undefined ? perUserVolumeValues(hub) : sharedNfsValues(mounts);
}
