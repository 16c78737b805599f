import type { Values } from './deep-merge.js';

/** The cluster-autoscaler annotation that keeps it from evicting a pod to empty a node. */
export const SAFE_TO_EVICT_ANNOTATION = 'cluster-autoscaler.kubernetes.io/safe-to-evict';

/** Size of the hub's SQLite volume: the database holds users, tokens and server state, a few MB. */
export const HUB_DATABASE_SIZE = '1Gi';

/**
 * The hub and proxy pods: each is a single replica whose restart logs every user out of the hub, so the
 * cluster autoscaler must never evict them (`hub.annotations` and `proxy.annotations` are pod
 * annotations in z2jh). The hub keeps its SQLite database on its own ReadWriteOnce volume of the
 * cluster's default StorageClass (`sqlite-pvc`), never on the hub's NFS share: SQLite's locking is
 * unreliable over NFS.
 */
export function hubPodValues(): Values {
  return {
    hub: {
      annotations: { [SAFE_TO_EVICT_ANNOTATION]: 'false' },
      db: { type: 'sqlite-pvc', pvc: { storage: HUB_DATABASE_SIZE } },
    },
    proxy: { annotations: { [SAFE_TO_EVICT_ANNOTATION]: 'false' } },
  };
}
