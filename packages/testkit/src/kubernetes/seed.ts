import type { Cluster } from './cluster.js';
import { badRequest } from './errors.js';
import { asString, type KubeObject, namespaceOf } from './kube-object.js';
import { createObject } from './object-writes.js';
import type { ServiceRange } from './service-range.js';

/** What every new cluster has: its system namespaces and the `kubernetes` Service (the range's first address). */
export function standardObjects(range: ServiceRange): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-public' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: range.address(1),
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }],
      },
    },
  ];
}

/** Create objects (with apiVersion and kind) as the cluster's bootstrap would, in order. */
export function seedObjects(cluster: Cluster, objects: readonly KubeObject[]): void {
  for (const object of objects) {
    const apiVersion = asString(object.apiVersion) ?? '';
    const kind = asString(object.kind) ?? '';
    const type = cluster.types().byKind(apiVersion, kind);
    if (!type) throw badRequest(`cannot seed ${apiVersion} ${kind}: no such resource type`);
    const version = apiVersion.includes('/') ? (apiVersion.split('/')[1] ?? '') : apiVersion;
    createObject(
      cluster,
      type,
      version,
      type.namespaced ? (namespaceOf(object) ?? 'default') : undefined,
      object,
      {
        manager: 'kube-apiserver',
        dryRun: false,
      },
    );
  }
}
