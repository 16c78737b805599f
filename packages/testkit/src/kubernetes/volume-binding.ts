import { parseQuantity } from '@hubfleet/core';
import type { Cluster } from './cluster.js';
import { createAsController, writeObject, writeStatus } from './controller-writes.js';
import {
  asArray,
  asRecord,
  asString,
  childRecord,
  cloneJson,
  type KubeObject,
  metadataOf,
  uidOf,
} from './kube-object.js';
import { builtInResourceType } from './resource-types.js';
import { findStored, listStored, removeStored, type StoredObject } from './store.js';

const MANAGER = 'kube-controller-manager';
const CLAIMS = { group: '', plural: 'persistentvolumeclaims' };
const STORAGE_CLASSES = { group: 'storage.k8s.io', plural: 'storageclasses' };
const PODS = { group: '', plural: 'pods' };
const WORKLOADS = [
  { group: 'apps', plural: 'deployments' },
  { group: 'apps', plural: 'statefulsets' },
  { group: 'apps', plural: 'daemonsets' },
  { group: 'apps', plural: 'replicasets' },
  { group: 'batch', plural: 'jobs' },
];
const VOLUMES = builtInResourceType('', 'persistentvolumes');

function claimedNames(podSpec: unknown): string[] {
  return asArray(asRecord(podSpec)?.volumes)
    .map((volume) => asString(asRecord(asRecord(volume)?.persistentVolumeClaim)?.claimName))
    .filter((name): name is string => Boolean(name));
}

/** Whether a pod, or a workload's pod template, in the claim's namespace mounts it. */
function hasConsumer(cluster: Cluster, claim: StoredObject): boolean {
  const pods = listStored(cluster.state, PODS, claim.namespace).map((pod) => pod.object.spec);
  const templates = WORKLOADS.flatMap((type) =>
    listStored(cluster.state, type, claim.namespace).map(
      (workload) => asRecord(asRecord(workload.object.spec)?.template)?.spec,
    ),
  );
  return [...pods, ...templates].some((podSpec) => claimedNames(podSpec).includes(claim.name));
}

function requestedStorage(claim: KubeObject): string {
  return asString(asRecord(asRecord(asRecord(claim.spec)?.resources)?.requests)?.storage) ?? '1Gi';
}

function bind(cluster: Cluster, claim: StoredObject, volume: StoredObject): void {
  const volumeSpec = asRecord(volume.object.spec) ?? {};
  writeObject(
    cluster,
    volume,
    (object) => {
      childRecord(object, 'spec').claimRef = {
        kind: 'PersistentVolumeClaim',
        apiVersion: 'v1',
        namespace: claim.namespace,
        name: claim.name,
        uid: uidOf(claim.object),
      };
    },
    MANAGER,
  );
  const boundVolume = findStored(cluster.state, volume, '', volume.name);
  if (boundVolume) writeStatus(cluster, boundVolume, { phase: 'Bound' }, MANAGER);
  writeObject(
    cluster,
    claim,
    (object) => {
      childRecord(object, 'spec').volumeName = volume.name;
      const annotations = childRecord(metadataOf(object), 'annotations');
      annotations['pv.kubernetes.io/bind-completed'] = 'yes';
      annotations['pv.kubernetes.io/bound-by-controller'] = 'yes';
    },
    MANAGER,
  );
  writeStatus(
    cluster,
    claim,
    {
      phase: 'Bound',
      accessModes: cloneJson(volumeSpec.accessModes ?? asRecord(claim.object.spec)?.accessModes ?? []),
      capacity: cloneJson(asRecord(volumeSpec.capacity) ?? { storage: requestedStorage(claim.object) }),
    },
    MANAGER,
  );
}

function provision(cluster: Cluster, claim: StoredObject, storageClass: KubeObject): void {
  const claimSpec = asRecord(claim.object.spec) ?? {};
  const provisioner = asString(storageClass.provisioner) ?? 'kubernetes.io/no-provisioner';
  const volume = createAsController(
    cluster,
    VOLUMES,
    undefined,
    {
      metadata: {
        name: `pvc-${uidOf(claim.object)}`,
        annotations: { 'pv.kubernetes.io/provisioned-by': provisioner },
      },
      spec: {
        capacity: { storage: requestedStorage(claim.object) },
        accessModes: cloneJson(claimSpec.accessModes ?? ['ReadWriteOnce']),
        persistentVolumeReclaimPolicy: asString(storageClass.reclaimPolicy) ?? 'Delete',
        storageClassName: asString(claimSpec.storageClassName),
        volumeMode: asString(claimSpec.volumeMode) ?? 'Filesystem',
        csi: {
          driver: provisioner,
          volumeHandle: `vol-${uidOf(claim.object).replace(/-/g, '').slice(0, 17)}`,
        },
      },
    },
    'persistentvolume-controller',
  );
  if (volume) bind(cluster, claim, volume);
}

function staticMatch(cluster: Cluster, claim: StoredObject): StoredObject | undefined {
  const claimSpec = asRecord(claim.object.spec) ?? {};
  const wanted = parseQuantity(requestedStorage(claim.object));
  const modes = asArray(claimSpec.accessModes);
  return listStored(cluster.state, VOLUMES).find((volume) => {
    const spec = asRecord(volume.object.spec) ?? {};
    return (
      asRecord(volume.object.status)?.phase === 'Available' &&
      !asRecord(spec.claimRef) &&
      (asString(spec.storageClassName) ?? '') === (asString(claimSpec.storageClassName) ?? '') &&
      parseQuantity(asRecord(spec.capacity)?.storage) >= wanted &&
      modes.every((mode) => asArray(spec.accessModes).includes(mode))
    );
  });
}

function bindClaim(cluster: Cluster, claim: StoredObject): void {
  const spec = asRecord(claim.object.spec) ?? {};
  const volumeName = asString(spec.volumeName);
  if (volumeName) {
    const volume = findStored(cluster.state, VOLUMES, '', volumeName);
    if (volume) bind(cluster, claim, volume);
    return;
  }
  const className = asString(spec.storageClassName);
  if (!className) {
    const volume = staticMatch(cluster, claim);
    if (volume) bind(cluster, claim, volume);
    return;
  }
  const storageClass = findStored(cluster.state, STORAGE_CLASSES, '', className)?.object;
  if (!storageClass) return;
  if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !hasConsumer(cluster, claim)) return;
  if (!cluster.elapsed(claim.changedAt, 'kubernetes.PersistentVolumeClaim')) return;
  provision(cluster, claim, storageClass);
}

function releaseVolumes(cluster: Cluster): void {
  for (const volume of listStored(cluster.state, VOLUMES)) {
    const claimRef = asRecord(asRecord(volume.object.spec)?.claimRef);
    if (!claimRef || asRecord(volume.object.status)?.phase !== 'Bound') continue;
    const claim = findStored(
      cluster.state,
      CLAIMS,
      asString(claimRef.namespace) ?? '',
      asString(claimRef.name) ?? '',
    );
    if (claim && uidOf(claim.object) === claimRef.uid) continue;
    if (asRecord(volume.object.spec)?.persistentVolumeReclaimPolicy === 'Delete')
      removeStored(cluster.state, volume);
    else writeStatus(cluster, volume, { phase: 'Released' }, MANAGER);
  }
}

/**
 * The persistent-volume controller and a CSI provisioner: a claim naming a StorageClass gets a
 * provisioned volume after `kubernetes.PersistentVolumeClaim` (for WaitForFirstConsumer classes,
 * only once a pod or workload template mounts it); a claim without a class binds to a matching
 * Available volume; volumes whose claim is gone are deleted or Released per their reclaim policy.
 */
export function bindVolumes(cluster: Cluster): void {
  for (const claim of listStored(cluster.state, CLAIMS)) {
    if (claim.deletingAt !== undefined || asRecord(claim.object.status)?.phase === 'Bound') continue;
    bindClaim(cluster, claim);
  }
  releaseVolumes(cluster);
}
