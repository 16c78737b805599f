import { HubfleetError } from '../../errors/index.js';
import type { KubeCall } from './kube-client.js';

/** Where objects of one kind live in the API. */
export interface ResourceInfo {
  /** e.g. `apps/v1`, `v1`. */
  apiVersion: string;
  kind: string;
  /** The URL name, e.g. `deployments`. */
  plural: string;
  namespaced: boolean;
}

/** Built-in kinds whose paths never change: looked up without a discovery call. */
const BUILT_IN: readonly [string, string, string, boolean][] = [
  ['v1', 'Namespace', 'namespaces', false],
  ['v1', 'Secret', 'secrets', true],
  ['v1', 'ConfigMap', 'configmaps', true],
  ['v1', 'Service', 'services', true],
  ['v1', 'ServiceAccount', 'serviceaccounts', true],
  ['v1', 'Pod', 'pods', true],
  ['v1', 'Node', 'nodes', false],
  ['v1', 'PersistentVolume', 'persistentvolumes', false],
  ['v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['apps/v1', 'Deployment', 'deployments', true],
  ['apps/v1', 'StatefulSet', 'statefulsets', true],
  ['apps/v1', 'DaemonSet', 'daemonsets', true],
  ['batch/v1', 'Job', 'jobs', true],
  ['batch/v1', 'CronJob', 'cronjobs', true],
  ['rbac.authorization.k8s.io/v1', 'Role', 'roles', true],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['networking.k8s.io/v1', 'Ingress', 'ingresses', true],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', true],
  ['policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', false],
  ['storage.k8s.io/v1', 'StorageClass', 'storageclasses', false],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false],
];

const key = (apiVersion: string, kind: string) => `${apiVersion}|${kind}`;

function builtIns(): Map<string, ResourceInfo> {
  return new Map(
    BUILT_IN.map(([apiVersion, kind, plural, namespaced]) => [
      key(apiVersion, kind),
      { apiVersion, kind, plural, namespaced },
    ]),
  );
}

interface ApiResourceList {
  resources?: { name?: string; kind?: string; namespaced?: boolean }[];
}

/** Kind → resource, from a table of built-ins and, for anything else (CRDs), the API's discovery. */
export interface ResourceCatalog {
  /** The resource for an apiVersion and kind, or undefined when the server does not serve it. */
  find(apiVersion: string, kind: string): Promise<ResourceInfo | undefined>;
  /** The collection path, in a namespace or cluster-wide. */
  collectionPath(info: ResourceInfo, namespace?: string): string;
}

/** `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

export function createResourceCatalog(call: KubeCall): ResourceCatalog {
  const known = builtIns();

  async function discover(apiVersion: string): Promise<void> {
    const response = await call({ method: 'GET', path: groupVersionPath(apiVersion) }, `api/${apiVersion}`);
    if (response.status === 404) return;
    for (const resource of (response.body as ApiResourceList | undefined)?.resources ?? []) {
      if (resource.name === undefined || resource.kind === undefined || resource.name.includes('/')) continue;
      known.set(key(apiVersion, resource.kind), {
        apiVersion,
        kind: resource.kind,
        plural: resource.name,
        namespaced: resource.namespaced === true,
      });
    }
  }

  return {
    async find(apiVersion, kind) {
      const cached = known.get(key(apiVersion, kind));
      if (cached !== undefined) return cached;
      // A CRD may have been installed since the last look: ask again, once per call.
      await discover(apiVersion);
      return known.get(key(apiVersion, kind));
    },
    collectionPath(info, namespace) {
      if (info.namespaced && namespace === undefined) {
        throw new HubfleetError({
          kind: 'internal',
          message: `${info.kind} is namespaced but no namespace was given`,
          subject: info.kind,
        });
      }
      const scope = info.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? '')}` : '';
      return `${groupVersionPath(info.apiVersion)}${scope}/${info.plural}`;
    },
  };
}
