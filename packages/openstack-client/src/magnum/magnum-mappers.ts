import {
  asWire,
  wireBoolean,
  wireNullableString,
  wireNumber,
  wireString,
  wireStringMap,
  wireStrings,
  wireTime,
} from '../wire/wire-fields.js';
import type { MagnumCluster, MagnumClusterTemplate, MagnumNodegroup } from './magnum-types.js';

export function toClusterTemplate(value: unknown): MagnumClusterTemplate {
  const wire = asWire(value);
  return {
    uuid: wireString(wire, 'uuid') ?? '',
    name: wireString(wire, 'name') ?? '',
    coe: wireString(wire, 'coe') ?? 'kubernetes',
    imageId: wireNullableString(wire, 'image_id'),
    keypairId: wireNullableString(wire, 'keypair_id'),
    externalNetworkId: wireNullableString(wire, 'external_network_id'),
    fixedNetwork: wireNullableString(wire, 'fixed_network'),
    fixedSubnet: wireNullableString(wire, 'fixed_subnet'),
    networkDriver: wireNullableString(wire, 'network_driver'),
    volumeDriver: wireNullableString(wire, 'volume_driver'),
    flavorId: wireNullableString(wire, 'flavor_id'),
    masterFlavorId: wireNullableString(wire, 'master_flavor_id'),
    dockerVolumeSize: wireNumber(wire, 'docker_volume_size') ?? null,
    labels: wireStringMap(wire, 'labels'),
    tlsDisabled: wireBoolean(wire, 'tls_disabled') ?? false,
    public: wireBoolean(wire, 'public') ?? false,
    hidden: wireBoolean(wire, 'hidden') ?? false,
    masterLbEnabled: wireBoolean(wire, 'master_lb_enabled') ?? false,
    floatingIpEnabled: wireBoolean(wire, 'floating_ip_enabled') ?? true,
  };
}

/** A cluster from GET /v1/clusters/{id} or a list entry (summaries lack addresses and reasons). */
export function toCluster(value: unknown): MagnumCluster {
  const wire = asWire(value);
  return {
    uuid: wireString(wire, 'uuid') ?? '',
    name: wireString(wire, 'name') ?? '',
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    statusReason: wireNullableString(wire, 'status_reason'),
    healthStatus: wireNullableString(wire, 'health_status'),
    apiAddress: wireNullableString(wire, 'api_address'),
    clusterTemplateId: wireString(wire, 'cluster_template_id') ?? '',
    keypair: wireNullableString(wire, 'keypair'),
    nodeCount: wireNumber(wire, 'node_count') ?? 0,
    masterCount: wireNumber(wire, 'master_count') ?? 0,
    flavorId: wireNullableString(wire, 'flavor_id'),
    masterFlavorId: wireNullableString(wire, 'master_flavor_id'),
    labels: wireStringMap(wire, 'labels'),
    createTimeout: wireNumber(wire, 'create_timeout') ?? null,
    coeVersion: wireNullableString(wire, 'coe_version'),
    nodeAddresses: wireStrings(wire, 'node_addresses'),
    masterAddresses: wireStrings(wire, 'master_addresses'),
    projectId: wireNullableString(wire, 'project_id'),
    stackId: wireNullableString(wire, 'stack_id'),
    fixedNetwork: wireNullableString(wire, 'fixed_network'),
    fixedSubnet: wireNullableString(wire, 'fixed_subnet'),
    floatingIpEnabled: wireBoolean(wire, 'floating_ip_enabled') ?? null,
    masterLbEnabled: wireBoolean(wire, 'master_lb_enabled') ?? null,
    createdAt: wireTime(wire, 'created_at'),
    updatedAt: wireTime(wire, 'updated_at'),
  };
}

export function toNodegroup(value: unknown): MagnumNodegroup {
  const wire = asWire(value);
  const hasNodeLabels = 'node_labels' in wire;
  return {
    uuid: wireString(wire, 'uuid') ?? '',
    name: wireString(wire, 'name') ?? '',
    clusterId: wireNullableString(wire, 'cluster_id'),
    role: wireString(wire, 'role') ?? 'worker',
    isDefault: wireBoolean(wire, 'is_default') ?? false,
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    statusReason: wireNullableString(wire, 'status_reason'),
    flavorId: wireNullableString(wire, 'flavor_id'),
    imageId: wireNullableString(wire, 'image_id'),
    nodeCount: wireNumber(wire, 'node_count') ?? 0,
    minNodeCount: wireNumber(wire, 'min_node_count') ?? 0,
    maxNodeCount: wireNumber(wire, 'max_node_count') ?? null,
    dockerVolumeSize: wireNumber(wire, 'docker_volume_size') ?? null,
    labels: wireStringMap(wire, 'labels'),
    nodeLabels: hasNodeLabels ? wireStringMap(wire, 'node_labels') : undefined,
    nodeTaints: 'node_taints' in wire ? wireStrings(wire, 'node_taints') : undefined,
    nodeAddresses: wireStrings(wire, 'node_addresses'),
  };
}
