/**
 * The resource types the fake serves: the built-in table below plus, at run time, one per
 * CustomResourceDefinition (see crd-types.ts).
 */
export interface ResourceType {
  /** API group; '' for the core ("legacy") group served under /api. */
  group: string;
  /** Served versions, preferred first. */
  versions: readonly string[];
  /** The resource name in URLs: `deployments`. */
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  /** Whether `<plural>/status` is a subresource (main-resource writes then ignore status). */
  statusSubresource: boolean;
  /** Whether metadata.generation is kept and bumped on spec changes. */
  tracksGeneration: boolean;
  /** DELETE answers with the deleted object rather than a Status (the registry's ReturnDeletedObject). */
  returnsDeletedObject: boolean;
  /** PUT of an absent object creates it. */
  allowCreateOnUpdate: boolean;
  /** Field selector labels beyond metadata.name/metadata.namespace, mapped to the object path read. */
  fieldLabels: Readonly<Record<string, string>>;
  /** False for types registered by a CRD. */
  builtIn: boolean;
}

/** `apps/v1`, or `v1` for the core group. */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** `deployments.apps`, or `pods` for the core group: how the API server names a resource in messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** `Deployment.apps`, or `Pod`: how validation errors name a kind. */
export function qualifiedKind(type: ResourceType): string {
  return type.group === '' ? type.kind : `${type.kind}.${type.group}`;
}

interface Entry {
  plural: string;
  kind: string;
  namespaced?: boolean;
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  generation?: boolean;
  returnsDeleted?: boolean;
  createOnUpdate?: boolean;
  fieldLabels?: Record<string, string>;
  singular?: string;
}

function builtIn(group: string, version: string, entry: Entry): ResourceType {
  return {
    group,
    versions: [version],
    plural: entry.plural,
    singular: entry.singular ?? entry.kind.toLowerCase(),
    kind: entry.kind,
    listKind: `${entry.kind}List`,
    namespaced: entry.namespaced ?? true,
    shortNames: entry.shortNames ?? [],
    categories: entry.categories ?? [],
    statusSubresource: entry.status ?? false,
    tracksGeneration: entry.generation ?? false,
    returnsDeletedObject: entry.returnsDeleted ?? false,
    allowCreateOnUpdate: entry.createOnUpdate ?? false,
    fieldLabels: entry.fieldLabels ?? {},
    builtIn: true,
  };
}

const ALL = ['all'];

const POD_FIELDS: Record<string, string> = {
  'spec.nodeName': 'spec.nodeName',
  'spec.restartPolicy': 'spec.restartPolicy',
  'spec.schedulerName': 'spec.schedulerName',
  'spec.serviceAccountName': 'spec.serviceAccountName',
  'spec.hostNetwork': 'spec.hostNetwork',
  'status.phase': 'status.phase',
  'status.podIP': 'status.podIP',
  'status.nominatedNodeName': 'status.nominatedNodeName',
};

const EVENT_FIELDS: Record<string, string> = Object.fromEntries(
  [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'type',
  ].map((label) => [label, label]),
);

/** Every built-in resource type the fake serves. */
export const BUILT_IN_RESOURCE_TYPES: readonly ResourceType[] = [
  builtIn('', 'v1', {
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    status: true,
    returnsDeleted: true,
    fieldLabels: { 'status.phase': 'status.phase' },
  }),
  builtIn('', 'v1', {
    plural: 'pods',
    kind: 'Pod',
    shortNames: ['po'],
    categories: ALL,
    status: true,
    returnsDeleted: true,
    fieldLabels: POD_FIELDS,
  }),
  builtIn('', 'v1', {
    plural: 'services',
    kind: 'Service',
    shortNames: ['svc'],
    categories: ALL,
    status: true,
    returnsDeleted: true,
  }),
  builtIn('', 'v1', { plural: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'] }),
  builtIn('', 'v1', { plural: 'secrets', kind: 'Secret', fieldLabels: { type: 'type' } }),
  builtIn('', 'v1', {
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    shortNames: ['sa'],
    returnsDeleted: true,
  }),
  builtIn('', 'v1', {
    plural: 'persistentvolumes',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
    status: true,
    returnsDeleted: true,
  }),
  builtIn('', 'v1', {
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    shortNames: ['pvc'],
    status: true,
    returnsDeleted: true,
  }),
  builtIn('', 'v1', {
    plural: 'nodes',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    status: true,
    returnsDeleted: true,
    fieldLabels: { 'spec.unschedulable': 'spec.unschedulable' },
  }),
  builtIn('', 'v1', {
    plural: 'events',
    kind: 'Event',
    shortNames: ['ev'],
    createOnUpdate: true,
    fieldLabels: EVENT_FIELDS,
  }),
  builtIn('', 'v1', { plural: 'endpoints', kind: 'Endpoints', shortNames: ['ep'], createOnUpdate: true }),
  builtIn('', 'v1', { plural: 'resourcequotas', kind: 'ResourceQuota', shortNames: ['quota'], status: true }),
  builtIn('apps', 'v1', {
    plural: 'deployments',
    kind: 'Deployment',
    shortNames: ['deploy'],
    categories: ALL,
    status: true,
    generation: true,
  }),
  builtIn('apps', 'v1', {
    plural: 'statefulsets',
    kind: 'StatefulSet',
    shortNames: ['sts'],
    categories: ALL,
    status: true,
    generation: true,
  }),
  builtIn('apps', 'v1', {
    plural: 'daemonsets',
    kind: 'DaemonSet',
    shortNames: ['ds'],
    categories: ALL,
    status: true,
    generation: true,
  }),
  builtIn('apps', 'v1', {
    plural: 'replicasets',
    kind: 'ReplicaSet',
    shortNames: ['rs'],
    categories: ALL,
    status: true,
    generation: true,
    fieldLabels: { 'status.replicas': 'status.replicas' },
  }),
  builtIn('batch', 'v1', {
    plural: 'jobs',
    kind: 'Job',
    categories: ALL,
    status: true,
    generation: true,
    fieldLabels: { 'status.successful': 'status.succeeded' },
  }),
  builtIn('batch', 'v1', {
    plural: 'cronjobs',
    kind: 'CronJob',
    shortNames: ['cj'],
    categories: ALL,
    status: true,
    generation: true,
  }),
  builtIn('rbac.authorization.k8s.io', 'v1', { plural: 'roles', kind: 'Role', createOnUpdate: true }),
  builtIn('rbac.authorization.k8s.io', 'v1', {
    plural: 'rolebindings',
    kind: 'RoleBinding',
    createOnUpdate: true,
  }),
  builtIn('rbac.authorization.k8s.io', 'v1', {
    plural: 'clusterroles',
    kind: 'ClusterRole',
    namespaced: false,
    createOnUpdate: true,
  }),
  builtIn('rbac.authorization.k8s.io', 'v1', {
    plural: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
    createOnUpdate: true,
  }),
  builtIn('networking.k8s.io', 'v1', {
    plural: 'ingresses',
    kind: 'Ingress',
    shortNames: ['ing'],
    status: true,
    generation: true,
  }),
  builtIn('networking.k8s.io', 'v1', { plural: 'ingressclasses', kind: 'IngressClass', namespaced: false }),
  builtIn('networking.k8s.io', 'v1', {
    plural: 'networkpolicies',
    kind: 'NetworkPolicy',
    shortNames: ['netpol'],
    generation: true,
  }),
  builtIn('policy', 'v1', {
    plural: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    shortNames: ['pdb'],
    status: true,
    generation: true,
  }),
  builtIn('storage.k8s.io', 'v1', {
    plural: 'storageclasses',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
    returnsDeleted: true,
  }),
  builtIn('storage.k8s.io', 'v1', {
    plural: 'csidrivers',
    kind: 'CSIDriver',
    namespaced: false,
    singular: 'csidriver',
  }),
  builtIn('scheduling.k8s.io', 'v1', {
    plural: 'priorityclasses',
    kind: 'PriorityClass',
    namespaced: false,
    shortNames: ['pc'],
    singular: 'priorityclass',
  }),
  builtIn('apiextensions.k8s.io', 'v1', {
    plural: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    status: true,
    generation: true,
  }),
  builtIn('coordination.k8s.io', 'v1', { plural: 'leases', kind: 'Lease', createOnUpdate: true }),
];

/** A built-in type by group and resource; throws for a name the table does not have (a bug in the fake). */
export function builtInResourceType(group: string, plural: string): ResourceType {
  const type = BUILT_IN_RESOURCE_TYPES.find(
    (candidate) => candidate.group === group && candidate.plural === plural,
  );
  if (!type) throw new Error(`no built-in resource type ${group}/${plural}`);
  return type;
}
