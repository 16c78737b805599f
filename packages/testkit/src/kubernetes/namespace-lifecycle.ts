import type { Cluster } from './cluster.js';
import { createAsController, writeObject } from './controller-writes.js';
import { asArray, asRecord } from './kube-object.js';
import { builtInResourceType } from './resource-types.js';
import { allStored, findStored, listStored, removeStored } from './store.js';

const NAMESPACES = { group: '', plural: 'namespaces' };
const SERVICE_ACCOUNTS = builtInResourceType('', 'serviceaccounts');

/** The service-account controller: every active namespace has a `default` ServiceAccount. */
export function ensureDefaultServiceAccounts(cluster: Cluster): void {
  for (const namespace of listStored(cluster.state, NAMESPACES)) {
    if (namespace.deletingAt !== undefined) continue;
    if (findStored(cluster.state, SERVICE_ACCOUNTS, namespace.name, 'default')) continue;
    createAsController(
      cluster,
      SERVICE_ACCOUNTS,
      namespace.name,
      { metadata: { name: 'default' } },
      'kube-controller-manager',
    );
  }
}

/**
 * The namespace controller: once a terminating namespace's modelled deletion time
 * (`kubernetes.Namespace.delete`) has passed, everything in it goes, then the namespace itself
 * (unless metadata.finalizers still hold it).
 */
export function finalizeTerminatingNamespaces(cluster: Cluster): void {
  for (const namespace of listStored(cluster.state, NAMESPACES)) {
    if (namespace.deletingAt === undefined) continue;
    if (!cluster.elapsed(namespace.deletingAt, 'kubernetes.Namespace.delete')) continue;
    for (const stored of allStored(cluster.state)) {
      if (stored.namespace === namespace.name) removeStored(cluster.state, stored);
    }
    const finalizers = asArray(asRecord(namespace.object.metadata)?.finalizers);
    if (finalizers.length === 0) removeStored(cluster.state, namespace);
    else if (asArray(asRecord(namespace.object.spec)?.finalizers).length > 0) {
      writeObject(
        cluster,
        namespace,
        (object) => {
          object.spec = { finalizers: [] };
        },
        'kube-controller-manager',
      );
    }
  }
}
