import type { HubConfig } from '../../config/hub.js';

/** Directories on the hub's NFS volume; the chart creates them and the hub mounts them (one source). */
export const NFS_LAYOUT = {
  /** Parent of the per-user homes, kept apart from `shared` so a user named "shared" is harmless. */
  homes: 'home',
  shared: 'shared',
} as const;

/** Where zero-to-jupyterhub mounts the home directory (`singleuser.storage.homeMountPath`). */
export const HOME_MOUNT_PATH = '/home/jovyan';

/** What a shared-nfs hub's zero-to-jupyterhub values mount. */
export interface HubStorageMounts {
  /** The claim in the hub's namespace on the NFS volume (`singleuser.storage.static.pvcName`). */
  claimName: string;
  /** Each user's home inside it (`singleuser.storage.static.subPath`); KubeSpawner expands `{username}`. */
  homeSubPath: string;
  /** Where the home is mounted in the user's container. */
  homeMountPath: string;
  /**
   * `~/shared`, when the hub has `storage.sharedDir`: the same claim at `subPath`, mounted read-only
   * for users and read-write for admins. The mount is what makes it read-only: on the export every
   * client acts as the same uid.
   */
  sharedDir?: { subPath: string; mountPath: string };
}

/** The NFS volume's claim: the chart names it `<release>-home`, and the release is `<hub>-nfs`. */
export function nfsHomeClaimName(hubName: string): string {
  return `${nfsServerReleaseName(hubName)}-home`;
}

/** The hub's nfs-server Helm release (in the hub's namespace). */
export function nfsServerReleaseName(hubName: string): string {
  return `${hubName}-nfs`;
}

/** Mounts for a shared-nfs hub; undefined for per-user-volume hubs, whose homes are their own volumes. */
export function hubStorageMounts(hub: Pick<HubConfig, 'name' | 'storage'>): HubStorageMounts | undefined {
  if (hub.storage.home !== 'shared-nfs') return undefined;
  const mounts: HubStorageMounts = {
    claimName: nfsHomeClaimName(hub.name),
    homeSubPath: `${NFS_LAYOUT.homes}/{username}`,
    homeMountPath: HOME_MOUNT_PATH,
  };
  if (hub.storage.sharedDir) {
    mounts.sharedDir = { subPath: NFS_LAYOUT.shared, mountPath: `${HOME_MOUNT_PATH}/${NFS_LAYOUT.shared}` };
  }
  return mounts;
}
