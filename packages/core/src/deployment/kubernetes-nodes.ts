import type { AnyResourceNode, ResourceLayer } from '../engine/resource.js';
import { refOf } from '../kubernetes/install/manifest-applier.js';
import { NODE_GROUP_LABEL } from '../kubernetes/placement.js';
import { type Manifest, type ReleaseSpec, releaseId } from '../kubernetes/release.js';
import { nfsServerReleaseName } from '../kubernetes/storage/hub-storage-mounts.js';
import { OwnershipTag } from '../provider/v1/ownership.js';
import {
  clusterNodeId,
  type DeploymentContext,
  nodeGroupNodeId,
  volumeNodeId,
} from './deployment-context.js';
import type { DeploymentRender, DeploymentRenderer } from './deployment-render.js';
import { manifestNode } from './manifest-node.js';
import { fillSecrets } from './manifest-secrets.js';
import { type ReleaseNodeKind, releaseNode } from './release-node.js';

/** `namespace/hub-a`, `secret/monitoring/grafana-admin`, `storageclass/gp3`. */
export function manifestNodeId(ref: { kind: string; name: string; namespace?: string }): string {
  return `${ref.kind.toLowerCase()}/${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
}

/** What kind of release a `namespace/release` is: a hub's (its namespace is the hub), or a tool. */
export function releaseKindOf(
  target: { namespace: string; release: string },
  hubs: ReadonlySet<string>,
): { id: string; kind: ReleaseNodeKind; layer: ResourceLayer } {
  if (hubs.has(target.namespace)) {
    if (target.release === target.namespace)
      return { id: `hub/${target.release}`, kind: 'hub', layer: 'hubs' };
    if (target.release === nfsServerReleaseName(target.namespace)) {
      return { id: `storage-server/${target.namespace}`, kind: 'storage-server', layer: 'hubs' };
    }
  }
  return { id: `tool/${target.release}`, kind: 'tool', layer: 'tools' };
}

/** The nodegroups a release's values place pods on (every node selector on `hubfleet.io/nodegroup`). */
export function nodeGroupsInValues(values: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(values)) {
    for (const item of values) nodeGroupsInValues(item, found);
  } else if (values !== null && typeof values === 'object') {
    for (const [key, value] of Object.entries(values)) {
      if (key === NODE_GROUP_LABEL && typeof value === 'string') found.add(value);
      else nodeGroupsInValues(value, found);
    }
  }
  return found;
}

/** The namespace every hub's releases and Secrets live in, labelled so `up` finds hubs the config dropped. */
export function hubNamespace(deployment: string, hub: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: hub, labels: { [OwnershipTag.deployment]: deployment, [OwnershipTag.hub]: hub } },
  };
}

interface Planned {
  id: string;
  layer: ResourceLayer;
  manifest: (render: DeploymentRender) => Manifest | undefined;
  ref: Manifest;
  dependsOn: string[];
  /** Release ids that must wait for it. */
  before: string[];
}

function sameObject(left: Manifest, right: Manifest): boolean {
  return (
    left.kind === right.kind &&
    left.apiVersion === right.apiVersion &&
    left.metadata.name === right.metadata.name &&
    left.metadata.namespace === right.metadata.namespace
  );
}

/** Every manifest of the render, with what it waits for and what waits for it. */
function plannedManifests(
  context: DeploymentContext,
  render: DeploymentRender,
  releaseIds: Map<string, string>,
): Planned[] {
  const { config } = context;
  const cluster = clusterNodeId(config);
  const namespaceIds = new Map<string, string>();
  const planned: Planned[] = [];
  const add = (entry: Omit<Planned, 'id'>) => {
    const id = manifestNodeId({ ...entry.ref.metadata, kind: entry.ref.kind });
    if (planned.some((other) => other.id === id)) return;
    if (entry.ref.kind === 'Namespace') namespaceIds.set(entry.ref.metadata.name, id);
    planned.push({ ...entry, id });
  };
  const find = (wanted: Manifest) => (render: DeploymentRender) =>
    [
      ...render.tools.manifests,
      ...[...render.hubs.values()].flatMap((hub) => hub.manifests),
      ...render.addonManifests,
    ].find((manifest) => sameObject(manifest, wanted));

  for (const hub of config.hubs) {
    const namespace = hubNamespace(config.name, hub.name);
    add({ layer: 'hubs', manifest: () => namespace, ref: namespace, dependsOn: [cluster], before: [] });
  }
  for (const step of render.tools.manifestSteps) {
    add({
      layer: 'tools',
      manifest: find(step.manifest),
      ref: step.manifest,
      dependsOn: [cluster, ...step.after.flatMap((release) => releaseIds.get(release) ?? [])],
      before: step.before.flatMap((release) => releaseIds.get(release) ?? []),
    });
  }
  for (const [hub, parts] of render.hubs) {
    for (const manifest of parts.manifests) {
      add({
        layer: 'hubs',
        manifest: find(manifest),
        ref: manifest,
        dependsOn: [cluster],
        before: [releaseIds.get(releaseId({ namespace: hub, release: hub })) ?? `hub/${hub}`],
      });
    }
  }
  for (const manifest of render.addonManifests) {
    add({
      layer: 'cluster-addons',
      manifest: find(manifest),
      ref: manifest,
      dependsOn: [cluster],
      before: [],
    });
  }
  // An object waits for its namespace's step, when there is one; otherwise it makes the namespace itself.
  for (const entry of planned) {
    const namespace = entry.ref.metadata.namespace;
    const namespaceId = namespace === undefined ? undefined : namespaceIds.get(namespace);
    if (namespaceId !== undefined && namespaceId !== entry.id) entry.dependsOn.push(namespaceId);
  }
  return planned;
}

/** Dependencies of one release: its own, its nodegroups, its hub's volume and namespace, and manifests before it. */
function releaseDependencies(
  context: DeploymentContext,
  release: ReleaseSpec,
  id: string,
  releaseIds: Map<string, string>,
  manifests: readonly Planned[],
): string[] {
  const { config } = context;
  const groups = [...nodeGroupsInValues(release.values)].filter((name) =>
    config.cluster.nodeGroups.some((group) => group.name === name),
  );
  const nodeGroups = (groups.length > 0 ? groups : config.cluster.nodeGroups.map((group) => group.name)).map(
    nodeGroupNodeId,
  );
  const hub = config.hubs.find((candidate) => candidate.name === release.namespace);
  const hubNeeds = hub === undefined ? [] : [manifestNodeId({ kind: 'Namespace', name: hub.name })];
  const volume = id === `storage-server/${release.namespace}` ? [volumeNodeId(release.namespace)] : [];
  return [
    ...new Set([
      ...release.dependsOn.flatMap((dependency) => releaseIds.get(dependency) ?? []),
      ...nodeGroups,
      ...hubNeeds,
      ...volume,
      ...manifests.filter((manifest) => manifest.before.includes(id)).map((manifest) => manifest.id),
    ]),
  ];
}

export interface KubernetesNodesOptions {
  /** Extra dependencies every Kubernetes step gets (in `down`: the load balancers step). */
  extraDependsOn?: readonly string[];
}

/**
 * The Kubernetes layer as resources: one step per release (dependencies from the releases
 * themselves, the nodegroups their values place pods on, a hub's volume and namespace) and one per
 * object applied without helm. Values render lazily, with the provisioned facts known when the step
 * is diffed or applied.
 */
export function kubernetesNodes(
  context: DeploymentContext,
  renderer: DeploymentRenderer,
  options: KubernetesNodesOptions = {},
): AnyResourceNode[] {
  const initial = renderer();
  const hubs = new Set(context.config.hubs.map((hub) => hub.name));
  const releaseIds = new Map(
    initial.deployment.releases.map((release) => [releaseId(release), releaseKindOf(release, hubs).id]),
  );
  const extra = options.extraDependsOn ?? [];
  const manifests = plannedManifests(context, initial, releaseIds);
  const manifestNodes = manifests.map((entry) =>
    manifestNode(context, {
      id: entry.id,
      layer: entry.layer,
      ref: refOf(entry.ref),
      dependsOn: [...new Set([...entry.dependsOn, ...extra])],
      manifest: () => {
        const render = renderer();
        const manifest = entry.manifest(render) ?? entry.ref;
        return fillSecrets(manifest, render.hubSecrets, context.resolveSecret);
      },
      ...(entry.ref.metadata.namespace !== undefined &&
      !manifests.some(
        (other) => other.ref.kind === 'Namespace' && other.ref.metadata.name === entry.ref.metadata.namespace,
      )
        ? { ensureNamespace: entry.ref.metadata.namespace }
        : {}),
    }),
  );
  const releaseNodes = initial.deployment.releases.map((release) => {
    const key = releaseId(release);
    const { id, kind, layer } = releaseKindOf(release, hubs);
    return releaseNode(context, {
      id,
      kind,
      layer,
      target: { namespace: release.namespace, release: release.release },
      spec: () => renderer().releaseById.get(key) ?? release,
      dependsOn: [...releaseDependencies(context, release, id, releaseIds, manifests), ...extra],
    });
  });
  return [...manifestNodes, ...releaseNodes];
}
