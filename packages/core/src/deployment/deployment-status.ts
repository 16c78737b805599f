import { hubPublicUrl } from '../kubernetes/hubs/ingress-values.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import { type ReleaseSpec, releaseId } from '../kubernetes/release.js';
import { nfsServerReleaseName } from '../kubernetes/storage/hub-storage-mounts.js';
import type { DeploymentGraph } from './build-graph.js';
import { type DnsTarget, dnsTarget, observeIngressLoadBalancer } from './ingress-dns.js';
import { retryReads } from './retry-reads.js';
import { observeClusterFacts } from './service-ips.js';
import { readyNodesIn } from './user-pods.js';

/** A release as `status` reports it. */
export interface ReleaseStatus {
  release: string;
  namespace: string;
  chart: string;
  /** The chart version the config pins. */
  version: string;
  /** The chart version installed, or null when it is not installed. */
  installed: string | null;
  ready: boolean;
  /** What it is still waiting for, when not ready. */
  waitingFor?: string;
}

/** What `hubfleet status` shows, as plain data (`--output json` prints it as it is). */
export interface DeploymentStatus {
  /** The shape of this document (docs/output-formats.md); raised when a field changes meaning or goes. */
  formatVersion: 1;
  deployment: string;
  provider: string;
  cluster: { name: string; status: string; kubernetesVersion: string; endpoint?: string } | null;
  nodeGroups: {
    name: string;
    status: string;
    instanceType: string;
    min: number;
    max: number;
    /** Nodes the cloud is aiming for. */
    desired: number;
    /** Ready nodes the Kubernetes API has for the group. */
    nodes: number;
    /** The nodes' Kubernetes version as the cloud reports it, or null when unknown. */
    kubernetesVersion: string | null;
  }[];
  tools: ReleaseStatus[];
  hubs: {
    name: string;
    url: string;
    release: ReleaseStatus;
    /** The NFS server release of a shared-nfs hub. */
    storage: ReleaseStatus | null;
    /** The provider's id of the hub's data volume, or null. */
    volume: string | null;
    ready: boolean;
    /** What a person should know, e.g. that the volume is kept though the hub no longer uses it. */
    note?: string;
  }[];
  /**
   * Data volumes kept after their hub left the config (`onDelete` left with it, so they are never
   * deleted): their ids stay visible until someone deletes them or a hub of the same name adopts them.
   */
  retainedVolumes: { hub: string; volume: string }[];
  /**
   * The provider's own resources (`session.resources()`), when asked for (`hubfleet status` does;
   * the status `up` prints after its run does not, so a converged `up` reads nothing more).
   */
  resources?: { id: string; kind: string; ready: boolean; detail: string }[];
  /**
   * Where `ingress.host` must point: the record to create once the ingress controller's load
   * balancer has an address (`<host> CNAME <name>` or `A <ip>`), else why it is pending.
   */
  dns: DnsTarget;
  /** Everything exists and is ready. */
  ready: boolean;
}

export interface DeploymentStatusOptions {
  /** Observe the provider's resources too. @default false */
  providerResources?: boolean;
}

async function releaseStatus(
  graph: DeploymentGraph,
  spec: ReleaseSpec,
  access: ClusterAccess | undefined,
): Promise<ReleaseStatus> {
  const base = { release: spec.release, namespace: spec.namespace, chart: spec.chart, version: spec.version };
  if (access === undefined) return { ...base, installed: null, ready: false, waitingFor: 'no cluster yet' };
  const { installer } = graph.context;
  const installed = await installer.observe(spec, access);
  if (installed === undefined) return { ...base, installed: null, ready: false, waitingFor: 'not installed' };
  const readiness = await installer.readiness(spec, access);
  const current = installed.status === 'deployed' && installed.chartVersion === spec.version;
  return {
    ...base,
    installed: installed.chartVersion,
    ready: current && readiness.ready,
    ...(readiness.waitingFor === undefined ? {} : { waitingFor: readiness.waitingFor }),
    ...(current ? {} : { waitingFor: `helm reports ${installed.status} ${installed.chartVersion}` }),
  };
}

/**
 * The deployment as it is: the cluster, each nodegroup (desired and actual nodes, the latter from
 * the Kubernetes API), each tool release and each hub (URL, releases, volume), and whether it is all
 * ready. Reads only; one list per kind of thing; a transient failure reads again (`retryReads`).
 */
export function observeDeploymentStatus(
  graph: DeploymentGraph,
  options: DeploymentStatusOptions = {},
): Promise<DeploymentStatus> {
  return retryReads(graph.context, () => observeOnce(graph, options));
}

/** Each provider resource: ready when its diff has nothing left to do, else the diff's reason. */
async function providerResourceStatus(
  graph: DeploymentGraph,
): Promise<NonNullable<DeploymentStatus['resources']>> {
  return Promise.all(
    graph.providerResources.map(async (node) => {
      const decided = node.diff(await node.observe());
      return { id: node.id, kind: node.kind, ready: decided.action === 'noop', detail: decided.reason };
    }),
  );
}

async function observeOnce(
  graph: DeploymentGraph,
  options: DeploymentStatusOptions,
): Promise<DeploymentStatus> {
  const { context } = graph;
  const { config, session, cache } = context;
  // One consistent picture, each list read once (also after an apply, which reads live).
  cache.snapshot();
  cache.refresh();
  const cluster = await observeClusterFacts(context);
  const active = cluster?.status === 'active';
  const [groups, volumes] = await Promise.all([
    cluster === undefined ? Promise.resolve([]) : cache.read('nodegroups', () => session.nodeGroups.list()),
    cache.read('volumes', () => session.volumes.list()),
  ]);
  for (const hub of config.hubs) {
    const volume = volumes.find((candidate) => candidate.hub === hub.name && candidate.status !== 'deleting');
    if (hub.storage.home === 'shared-nfs') {
      context.facts.setVolume(
        hub.name,
        volume === undefined ? undefined : session.volumes.attachment(volume),
      );
    }
  }
  const access = active ? await context.cluster.access() : undefined;
  const nodes = access === undefined ? [] : await access.list('v1', 'Node');
  const render = graph.render();
  const hubNames = new Set(config.hubs.map((hub) => hub.name));
  const releases = render.deployment.releases;
  const tools = await Promise.all(
    releases
      .filter((spec) => !hubNames.has(spec.namespace))
      .map((spec) => releaseStatus(graph, spec, access)),
  );
  const hubs = await Promise.all(
    config.hubs.map(async (hub) => {
      const spec = render.releaseById.get(releaseId({ namespace: hub.name, release: hub.name }));
      const storageSpec = render.releaseById.get(
        releaseId({ namespace: hub.name, release: nfsServerReleaseName(hub.name) }),
      );
      const release = spec === undefined ? undefined : await releaseStatus(graph, spec, access);
      const storage = storageSpec === undefined ? null : await releaseStatus(graph, storageSpec, access);
      const volume = volumes.find(
        (candidate) => candidate.hub === hub.name && candidate.status !== 'deleting',
      );
      const note =
        volume !== undefined && hub.storage.home !== 'shared-nfs'
          ? `volume ${volume.id} is retained from when homes were on shared-nfs; with storage.home ${hub.storage.home} nothing mounts it. Its data stays until you delete the volume (or set home back to shared-nfs to use it again)`
          : undefined;
      return {
        name: hub.name,
        url: hubPublicUrl(config, hub),
        release: release as ReleaseStatus,
        storage,
        volume: volume?.id ?? null,
        ready: (release?.ready ?? false) && (storage?.ready ?? true),
        ...(note === undefined ? {} : { note }),
      };
    }),
  );
  const nodeGroups = config.cluster.nodeGroups.map((group) => {
    const observed = groups.find((candidate) => candidate.name === group.name);
    return {
      name: group.name,
      status: observed?.status ?? 'absent',
      instanceType: observed?.instanceType ?? group.instanceType,
      min: observed?.min ?? group.min,
      max: observed?.max ?? group.max,
      desired: observed?.desired ?? 0,
      nodes: readyNodesIn(context, nodes, group.name),
      kubernetesVersion: observed?.kubernetesVersion ?? null,
    };
  });
  const resources = options.providerResources === true ? await providerResourceStatus(graph) : undefined;
  const balancer = await observeIngressLoadBalancer(access);
  const ready =
    active &&
    nodeGroups.every((group) => group.status === 'active') &&
    tools.every((tool) => tool.ready) &&
    hubs.every((hub) => hub.ready) &&
    (resources ?? []).every((resource) => resource.ready);
  return {
    formatVersion: 1,
    deployment: config.name,
    provider: config.provider.kind,
    cluster:
      cluster === undefined
        ? null
        : {
            name: cluster.name,
            status: cluster.status,
            kubernetesVersion: cluster.kubernetesVersion,
            ...(cluster.endpoint === undefined ? {} : { endpoint: cluster.endpoint }),
          },
    nodeGroups,
    tools,
    hubs,
    retainedVolumes: volumes
      .filter((volume) => !hubNames.has(volume.hub) && volume.status !== 'deleting')
      .map((volume) => ({ hub: volume.hub, volume: volume.id })),
    ...(resources === undefined ? {} : { resources }),
    dns: dnsTarget(config, balancer),
    ready,
  };
}
