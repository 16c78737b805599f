import { links, magnumTime } from './magnum-reply.js';
import type { MagnumContext } from './magnum-settings.js';
import type { ClusterRecord, ClusterTemplateRecord, NodegroupRecord } from './magnum-state.js';

export function nodegroupsOf(context: MagnumContext, clusterId: string): NodegroupRecord[] {
  return Object.values(context.state.nodegroups).filter((nodegroup) => nodegroup.clusterId === clusterId);
}

export function defaultNodegroup(
  context: MagnumContext,
  clusterId: string,
  role: 'master' | 'worker',
): NodegroupRecord | undefined {
  return nodegroupsOf(context, clusterId).find((nodegroup) => nodegroup.isDefault && nodegroup.role === role);
}

function addresses(nodegroup: NodegroupRecord | undefined, ready: boolean): string[] {
  if (!nodegroup || !ready) return [];
  const base = Number.parseInt(nodegroup.uuid.slice(0, 2), 16);
  return Array.from({ length: nodegroup.nodeCount }, (_, index) => `10.0.${base}.${10 + index}`);
}

const isReady = (record: { status: string }) =>
  record.status !== 'CREATE_IN_PROGRESS' && record.status !== 'CREATE_FAILED';

export function renderClusterSummary(
  context: MagnumContext,
  cluster: ClusterRecord,
): Record<string, unknown> {
  const worker = defaultNodegroup(context, cluster.uuid, 'worker');
  const master = defaultNodegroup(context, cluster.uuid, 'master');
  return {
    uuid: cluster.uuid,
    name: cluster.name,
    cluster_template_id: cluster.clusterTemplateId,
    keypair: cluster.keypair,
    node_count: worker?.nodeCount ?? 0,
    master_count: master?.nodeCount ?? 0,
    docker_volume_size: cluster.dockerVolumeSize,
    labels: cluster.labels,
    master_flavor_id: cluster.masterFlavorId,
    flavor_id: cluster.flavorId,
    create_timeout: cluster.createTimeout,
    status: cluster.status,
    health_status: cluster.healthStatus,
    stack_id: cluster.stackId,
    project_id: cluster.projectId,
    links: links(context, 'clusters', cluster.uuid),
  };
}

export function renderCluster(context: MagnumContext, cluster: ClusterRecord): Record<string, unknown> {
  const worker = defaultNodegroup(context, cluster.uuid, 'worker');
  const master = defaultNodegroup(context, cluster.uuid, 'master');
  const template = context.state.clusterTemplates[cluster.clusterTemplateId];
  return {
    ...renderClusterSummary(context, cluster),
    status_reason: cluster.statusReason,
    health_status_reason: {},
    // Where the cluster's API answers now: a restarted sim serves it on a new port, which a real
    // cloud's address never does, so the address is asked for again rather than kept.
    api_address:
      cluster.apiAddress === null ? null : (context.settings.apiAddressFor?.(cluster) ?? cluster.apiAddress),
    coe_version: cluster.coeVersion,
    container_version: cluster.coeVersion ? '1.12.6' : null,
    discovery_url: null,
    node_addresses: addresses(worker, isReady(cluster)),
    master_addresses: addresses(master, isReady(cluster)),
    labels_overridden: {},
    labels_added: Object.fromEntries(
      Object.entries(cluster.labels).filter(([key]) => !(key in (template?.labels ?? {}))),
    ),
    labels_skipped: {},
    fixed_network: cluster.fixedNetwork,
    fixed_subnet: cluster.fixedSubnet,
    floating_ip_enabled: cluster.floatingIpEnabled,
    master_lb_enabled: cluster.masterLbEnabled,
    user_id: cluster.userId,
    faults: cluster.status.endsWith('_FAILED') ? { [cluster.stackId]: cluster.statusReason ?? '' } : {},
    created_at: magnumTime(cluster.createdAt),
    updated_at: magnumTime(cluster.updatedAt),
  };
}

export function renderNodegroupSummary(nodegroup: NodegroupRecord): Record<string, unknown> {
  return {
    uuid: nodegroup.uuid,
    name: nodegroup.name,
    flavor_id: nodegroup.flavorId,
    image_id: nodegroup.imageId,
    node_count: nodegroup.nodeCount,
    role: nodegroup.role,
    is_default: nodegroup.isDefault,
    status: nodegroup.status,
    stack_id: nodegroup.stackId,
  };
}

export function renderNodegroup(context: MagnumContext, nodegroup: NodegroupRecord): Record<string, unknown> {
  const withLabels = context.version.minor >= 14 && context.version.major === 1;
  return {
    ...renderNodegroupSummary(nodegroup),
    max_node_count: nodegroup.maxNodeCount,
    min_node_count: nodegroup.minNodeCount,
    links: links(context, `clusters/${nodegroup.clusterId}/nodegroups`, nodegroup.uuid),
    cluster_id: nodegroup.clusterId,
    project_id: nodegroup.projectId,
    docker_volume_size: nodegroup.dockerVolumeSize,
    labels: nodegroup.labels,
    labels_overridden: {},
    labels_added: {},
    labels_skipped: {},
    node_addresses: addresses(nodegroup, isReady(nodegroup)),
    status_reason: nodegroup.statusReason,
    version: null,
    merge_labels: false,
    ...(withLabels ? { node_labels: nodegroup.nodeLabels, node_taints: nodegroup.nodeTaints } : {}),
    created_at: magnumTime(nodegroup.createdAt),
    updated_at: magnumTime(nodegroup.updatedAt),
  };
}

export function renderTemplate(
  context: MagnumContext,
  template: ClusterTemplateRecord,
): Record<string, unknown> {
  return {
    uuid: template.uuid,
    name: template.name,
    project_id: template.projectId,
    coe: template.coe,
    image_id: template.imageId,
    keypair_id: template.keypairId,
    external_network_id: template.externalNetworkId,
    fixed_network: template.fixedNetwork,
    fixed_subnet: template.fixedSubnet,
    network_driver: template.networkDriver,
    volume_driver: template.volumeDriver,
    flavor_id: template.flavorId,
    master_flavor_id: template.masterFlavorId,
    docker_volume_size: template.dockerVolumeSize,
    docker_storage_driver: 'overlay2',
    labels: template.labels,
    tls_disabled: template.tlsDisabled,
    public: template.public,
    hidden: template.hidden,
    master_lb_enabled: template.masterLbEnabled,
    floating_ip_enabled: template.floatingIpEnabled,
    server_type: template.serverType,
    registry_enabled: false,
    insecure_registry: null,
    http_proxy: null,
    https_proxy: null,
    no_proxy: null,
    dns_nameserver: '8.8.8.8',
    apiserver_port: null,
    links: links(context, 'clustertemplates', template.uuid),
    created_at: magnumTime(template.createdAt),
    updated_at: null,
  };
}
