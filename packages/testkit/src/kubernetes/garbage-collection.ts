import type { Cluster } from './cluster.js';
import { asArray, asRecord, asString } from './kube-object.js';
import { allStored, removeStored } from './store.js';

/**
 * The garbage collector, in the background: custom resources whose definition is gone are
 * removed, and so is every object all of whose owners (metadata.ownerReferences) are gone,
 * repeatedly, so chains of owners collapse in one pass.
 */
export function collectGarbage(cluster: Cluster): void {
  const types = cluster.types();
  for (const stored of allStored(cluster.state)) {
    if (!types.byResource(stored.group, stored.plural)) removeStored(cluster.state, stored);
  }
  let removed = true;
  while (removed) {
    removed = false;
    const objects = allStored(cluster.state);
    const uids = new Set(objects.map((stored) => asString(asRecord(stored.object.metadata)?.uid)));
    for (const stored of objects) {
      const owners = asArray(asRecord(stored.object.metadata)?.ownerReferences).map((reference) =>
        asString(asRecord(reference)?.uid),
      );
      if (owners.length > 0 && owners.every((uid) => !uids.has(uid))) {
        removeStored(cluster.state, stored);
        removed = true;
      }
    }
  }
}
