import type { ProviderV1 } from '@hubfleet/core';
import { openstackToolDefault } from './magnum-labels.js';
import { openstackBackupStorage } from './openstack-backup-storage.js';
import { openstackCapabilities, openstackToolDefaults } from './openstack-capabilities.js';
import { openstackCatalog } from './openstack-catalog.js';
import { type OpenstackProviderSettings, openstackProviderSettingsSchema } from './openstack-config.js';
import { connectOpenstack } from './openstack-connect.js';
import { validateOpenstackConfig } from './openstack-rules.js';

const MINUTE = 60_000;

/**
 * OpenStack Magnum (as on the STFC Cloud). Validates configs offline; `connect` loads the OpenStack
 * client only when called (see `connectOpenstack`) and opens a session on the project, or on the
 * simulated cloud with `--sim`.
 */
export const openstackProvider: ProviderV1<OpenstackProviderSettings> = {
  specificationVersion: 'v1',
  id: 'openstack',
  displayName: 'OpenStack Magnum',
  configSchema: openstackProviderSettingsSchema,
  capabilities: openstackCapabilities,
  catalog: openstackCatalog,
  toolDefaults: openstackToolDefaults,
  // provider.labels.auto_scaling_enabled: "true" runs Magnum's autoscaler instead of hubfleet's.
  toolDefault: openstackToolDefault,
  // Magnum's default `service_cluster_ip_range` label for Kubernetes clusters.
  defaultServiceCidr: '10.254.0.0/16',
  backupStorage: openstackBackupStorage,
  // cloud-contracts.md / 002: a Magnum cluster takes about 14 minutes (Heat), a nodegroup about 8;
  // Octavia takes a minute or two for a load balancer.
  typicalDurationsMs: {
    cluster: 14 * MINUTE,
    nodegroup: 8 * MINUTE,
    volume: 10_000,
    'load-balancers': 2 * MINUTE,
  },
  // Client certificates signed by Magnum: valid for years, so a kubeconfig is reused freely.
  validate: validateOpenstackConfig,
  connect: (config, context) => connectOpenstack(config, context),
};
