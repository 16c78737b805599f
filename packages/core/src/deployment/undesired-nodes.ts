import type { HubConfig } from '../config/hub.js';
import type { AnyResourceNode } from '../engine/resource.js';
import { nfsServerReleaseName } from '../kubernetes/storage/hub-storage-mounts.js';
import { TOOL_CATALOG } from '../kubernetes/tools/tool-catalog.js';
import { OwnershipTag } from '../provider/v1/ownership.js';
import { clusterNodeId, type DeploymentContext, volumeNodeId } from './deployment-context.js';
import { hubNamespace, manifestNodeId } from './kubernetes-nodes.js';
import { manifestNode } from './manifest-node.js';
import { nodeGroupNode } from './nodegroup-node.js';
import { releaseNode } from './release-node.js';
import { volumeNode } from './volume-node.js';

/** Hubs the deployment still has in the cloud or the cluster: by volume tag and by namespace label. */
async function ownedHubs(context: DeploymentContext): Promise<Set<string>> {
  const volumes = await context.cache.read('volumes', () => context.session.volumes.list());
  const hubs = new Set(volumes.map((volume) => volume.hub));
  const access = await context.cluster.access();
  if (access !== undefined) {
    const selector = `${OwnershipTag.deployment}=${context.config.name},${OwnershipTag.hub}`;
    for (const namespace of await access.list('v1', 'Namespace', { labelSelector: selector })) {
      const hub = namespace.metadata.labels?.[OwnershipTag.hub];
      if (hub !== undefined) hubs.add(hub);
    }
  }
  return hubs;
}

function storageServerNode(
  context: DeploymentContext,
  hub: string,
  dependsOn: readonly string[],
): AnyResourceNode {
  return releaseNode(context, {
    id: `storage-server/${hub}`,
    kind: 'storage-server',
    layer: 'hubs',
    target: { namespace: hub, release: nfsServerReleaseName(hub) },
    dependsOn: [...dependsOn],
  });
}

/**
 * A hub of the config whose homes are no longer on NFS (`storage.home` changed from shared-nfs): its
 * NFS server release goes; its volume stays (retained, still tagged with the hub, shown by status).
 */
function formerNfsNodes(
  context: DeploymentContext,
  hub: HubConfig,
  hasVolume: boolean,
  extra: readonly string[],
): AnyResourceNode[] {
  const retainedBecause = `hub ${hub.name} no longer keeps homes on it (storage.home is ${hub.storage.home})`;
  return [
    ...(hasVolume ? [volumeNode(context, { hub: hub.name, retainedBecause })] : []),
    storageServerNode(context, hub.name, [...(hasVolume ? [volumeNodeId(hub.name)] : []), ...extra]),
  ];
}

/** A hub the config dropped: its releases and namespace go; its volume stays (retained). */
function removedHubNodes(
  context: DeploymentContext,
  hub: string,
  hasVolume: boolean,
  extra: readonly string[],
): AnyResourceNode[] {
  const namespaceId = manifestNodeId({ kind: 'Namespace', name: hub });
  const storageId = `storage-server/${hub}`;
  const namespace = hubNamespace(context.config.name, hub);
  return [
    ...(hasVolume ? [volumeNode(context, { hub })] : []),
    manifestNode(context, {
      id: namespaceId,
      layer: 'hubs',
      ref: { apiVersion: 'v1', kind: 'Namespace', name: namespace.metadata.name },
      dependsOn: [clusterNodeId(context.config), ...extra],
    }),
    storageServerNode(context, hub, [...(hasVolume ? [volumeNodeId(hub)] : []), namespaceId, ...extra]),
    releaseNode(context, {
      id: `hub/${hub}`,
      kind: 'hub',
      layer: 'hubs',
      target: { namespace: hub, release: hub },
      dependsOn: [storageId, namespaceId, ...extra],
    }),
  ];
}

/**
 * What the deployment owns that the config no longer asks for, found by listing (nodegroups by
 * ownership tags; hubs by their volumes' tags and their namespaces' labels; tools by release records),
 * as resources to delete. Volumes of dropped hubs are retained: their `onDelete` left with the config.
 * So are volumes of hubs whose homes left shared-nfs, whose NFS server release goes.
 */
export async function undesiredNodes(
  context: DeploymentContext,
  desiredIds: ReadonlySet<string>,
  extra: readonly string[] = [],
): Promise<AnyResourceNode[]> {
  const { config, session } = context;
  const groups = await context.cache.read('nodegroups', () => session.nodeGroups.list());
  const dependsOn = [clusterNodeId(context.config)];
  const nodes: AnyResourceNode[] = groups
    .filter((group) => !config.cluster.nodeGroups.some((wanted) => wanted.name === group.name))
    .map((group) => nodeGroupNode(context, { name: group.name, dependsOn }));
  const volumes = await context.cache.read('volumes', () => session.volumes.list());
  for (const hub of await ownedHubs(context)) {
    if (config.hubs.some((wanted) => wanted.name === hub)) continue;
    nodes.push(
      ...removedHubNodes(
        context,
        hub,
        volumes.some((volume) => volume.hub === hub),
        extra,
      ),
    );
  }
  for (const hub of config.hubs.filter((wanted) => wanted.storage.home !== 'shared-nfs')) {
    nodes.push(
      ...formerNfsNodes(
        context,
        hub,
        volumes.some((volume) => volume.hub === hub.name),
        extra,
      ),
    );
  }
  for (const tool of TOOL_CATALOG) {
    const id = `tool/${tool.name}`;
    if (desiredIds.has(id)) continue;
    nodes.push(
      releaseNode(context, {
        id,
        kind: 'tool',
        layer: 'tools',
        target: { namespace: tool.namespace, release: tool.name },
        dependsOn: [...extra],
      }),
    );
  }
  return nodes;
}
