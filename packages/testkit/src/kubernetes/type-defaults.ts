import type { Cluster } from './cluster.js';
import { withTimes } from './conditions.js';
import {
  asArray,
  asRecord,
  childRecord,
  cloneJson,
  type KubeObject,
  metadataOf,
  nameOf,
} from './kube-object.js';
import type { ResourceType } from './resource-types.js';
import { type FieldProblem, prepareService } from './service-allocation.js';
import { listStored } from './store.js';

const STORAGE_CLASSES = { group: 'storage.k8s.io', plural: 'storageclasses' };
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** The StorageClass marked default, as the DefaultStorageClass admission plugin picks it. */
export function defaultStorageClass(cluster: Cluster): KubeObject | undefined {
  return listStored(cluster.state, STORAGE_CLASSES)
    .map((stored) => stored.object)
    .find(
      (storageClass) =>
        asRecord(asRecord(storageClass.metadata)?.annotations)?.[DEFAULT_CLASS_ANNOTATION] === 'true',
    );
}

function definitionStatus(definition: KubeObject, now: number): Record<string, unknown> {
  const spec = asRecord(definition.spec) ?? {};
  const previous = asRecord(definition.status)?.conditions;
  return {
    acceptedNames: cloneJson(asRecord(spec.names) ?? {}),
    conditions: withTimes(
      previous,
      [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        },
      ],
      now,
    ),
    storedVersions: asArray(spec.versions)
      .map(asRecord)
      .filter((version) => version?.storage === true)
      .map((version) => version?.name),
  };
}

function workloadDefaults(object: KubeObject, plural: string): void {
  const spec = childRecord(object, 'spec');
  if (plural !== 'daemonsets') spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (plural === 'deployments') {
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  }
  if (plural === 'statefulsets') spec.podManagementPolicy ??= 'OrderedReady';
}

function podDefaults(pod: KubeObject): void {
  const spec = childRecord(pod, 'spec');
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.serviceAccountName ??= 'default';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
  pod.status = { phase: 'Pending' };
}

/**
 * Defaults and initial status an object gets on create, as the type's registry strategy and the
 * default admission plugins set them. Returns field problems (e.g. a taken cluster IP).
 */
export function applyCreateDefaults(
  cluster: Cluster,
  type: ResourceType,
  object: KubeObject,
): FieldProblem[] {
  const now = cluster.clock.now();
  switch (`${type.group}/${type.plural}`) {
    case '/namespaces':
      childRecord(metadataOf(object), 'labels')['kubernetes.io/metadata.name'] = nameOf(object);
      object.spec = { finalizers: ['kubernetes'] };
      object.status = { phase: 'Active' };
      return [];
    case '/pods':
      podDefaults(object);
      return [];
    case '/services':
      object.status = { loadBalancer: {} };
      return prepareService(cluster.settings.serviceRange, cluster.state, object, undefined);
    case '/persistentvolumeclaims': {
      const spec = childRecord(object, 'spec');
      const fallback = defaultStorageClass(cluster);
      if (spec.storageClassName === undefined && fallback) spec.storageClassName = nameOf(fallback);
      spec.volumeMode ??= 'Filesystem';
      object.status = { phase: 'Pending' };
      return [];
    }
    case '/persistentvolumes':
      childRecord(object, 'spec').persistentVolumeReclaimPolicy ??= 'Retain';
      object.status = { phase: asRecord(asRecord(object.spec)?.claimRef) ? 'Bound' : 'Available' };
      return [];
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/daemonsets':
    case 'apps/replicasets':
      workloadDefaults(object, type.plural);
      return [];
    case 'batch/jobs': {
      const spec = childRecord(object, 'spec');
      spec.parallelism ??= 1;
      spec.completions ??= 1;
      spec.backoffLimit ??= 6;
      return [];
    }
    case 'storage.k8s.io/storageclasses':
      object.reclaimPolicy ??= 'Delete';
      object.volumeBindingMode ??= 'Immediate';
      return [];
    case 'scheduling.k8s.io/priorityclasses':
      object.preemptionPolicy ??= 'PreemptLowerPriority';
      return [];
    case 'apiextensions.k8s.io/customresourcedefinitions':
      object.status = definitionStatus(object, now);
      return [];
    default:
      return [];
  }
}

/** What an update may not take away: values the server allocated or controllers own. */
export function applyUpdateDefaults(
  cluster: Cluster,
  type: ResourceType,
  live: KubeObject,
  next: KubeObject,
): FieldProblem[] {
  const liveSpec = asRecord(live.spec) ?? {};
  switch (`${type.group}/${type.plural}`) {
    case '/namespaces':
      childRecord(metadataOf(next), 'labels')['kubernetes.io/metadata.name'] = nameOf(next);
      next.spec = cloneJson(liveSpec);
      return [];
    case '/services':
      return prepareService(cluster.settings.serviceRange, cluster.state, next, live);
    case '/pods': {
      const spec = childRecord(next, 'spec');
      spec.nodeName ??= liveSpec.nodeName;
      return [];
    }
    case '/persistentvolumeclaims': {
      const spec = childRecord(next, 'spec');
      spec.volumeName ??= liveSpec.volumeName;
      spec.storageClassName ??= liveSpec.storageClassName;
      return [];
    }
    case 'apiextensions.k8s.io/customresourcedefinitions':
      next.status = definitionStatus(next, cluster.clock.now());
      return [];
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/daemonsets':
    case 'apps/replicasets':
      workloadDefaults(next, type.plural);
      return [];
    default:
      return [];
  }
}

/** The spec-like content whose change bumps metadata.generation (everything but metadata and status for CRs). */
export function generationRelevant(type: ResourceType, object: KubeObject): unknown {
  if (type.builtIn) return object.spec;
  const { metadata: _metadata, status: _status, ...rest } = object;
  return { ...rest, apiVersion: undefined, kind: undefined };
}
