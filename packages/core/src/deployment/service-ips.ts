import { contentHash } from '../kubernetes/install/content-hash.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import type { InstalledRelease } from '../kubernetes/install/release-records.js';
import type { LiveServiceIps } from '../kubernetes/provisioned.js';
import type { ReleaseSpec } from '../kubernetes/release.js';
import { nfsServerReleaseName } from '../kubernetes/storage/hub-storage-mounts.js';
import type { ObservedClusterV1 } from '../provider/v1/session.js';
import type { DeploymentContext } from './deployment-context.js';

/**
 * The cluster as observed (one read per plan, shared with the cluster's step), recording its Service
 * range as a fact: fixed Service IPs are placed in the cluster's own range, not a guessed one.
 */
export async function observeClusterFacts(
  context: DeploymentContext,
): Promise<ObservedClusterV1 | undefined> {
  const cluster = await context.cache.read('cluster', () => context.session.cluster.observe());
  context.facts.setServiceCidr(cluster?.serviceCidr);
  return cluster;
}

/** The NFS server Services that exist, by hub, and every other Service's clusterIP. */
export async function readLiveServiceIps(
  context: DeploymentContext,
  access: ClusterAccess,
): Promise<LiveServiceIps> {
  const nfsServers: Record<string, string> = {};
  const taken: string[] = [];
  for (const service of await access.list('v1', 'Service')) {
    const address = (service.spec as { clusterIP?: string } | undefined)?.clusterIP;
    if (address === undefined || address === '' || address === 'None') continue;
    const hub = service.metadata.namespace;
    const isNfsServer =
      hub !== undefined &&
      service.metadata.name === nfsServerReleaseName(hub) &&
      context.config.hubs.some((wanted) => wanted.name === hub);
    if (isNfsServer) nfsServers[hub] = address;
    else taken.push(address);
  }
  return { nfsServers, taken };
}

/**
 * Before a hub's NFS server release is diffed: when the cluster exists and the release is not
 * installed with exactly the values rendered now, read the live Service IPs and render again with
 * them, so an existing server keeps its address and a new one takes none in use. A converged release
 * (same values hash) reads nothing more, so a no-op `up` costs no extra call.
 */
export async function pinServiceIps(
  context: DeploymentContext,
  access: ClusterAccess,
  installed: InstalledRelease | undefined,
  spec: () => ReleaseSpec,
): Promise<void> {
  await observeClusterFacts(context);
  if (installed !== undefined && installed.valuesHash === contentHash(spec().values)) return;
  context.facts.setLiveServiceIps(await readLiveServiceIps(context, access));
}
