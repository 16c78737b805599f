import type { ProviderV1 } from '@hubfleet/core';
import { openstackBackupStorage } from './openstack-backup-storage.js';
import { openstackCapabilities, openstackToolDefaults } from './openstack-capabilities.js';
import { openstackCatalog } from './openstack-catalog.js';
import { type OpenstackProviderSettings, openstackProviderSettingsSchema } from './openstack-config.js';
import { validateOpenstackConfig } from './openstack-rules.js';

/**
 * OpenStack Magnum (as on the STFC Cloud). Validates configs offline; it has no `connect` yet, so the
 * CLI says deploying to OpenStack is not available rather than pretending.
 */
export const openstackProvider: ProviderV1<OpenstackProviderSettings> = {
  specificationVersion: 'v1',
  id: 'openstack',
  displayName: 'OpenStack Magnum',
  configSchema: openstackProviderSettingsSchema,
  capabilities: openstackCapabilities,
  catalog: openstackCatalog,
  toolDefaults: openstackToolDefaults,
  // Magnum's default `service_cluster_ip_range` label for Kubernetes clusters.
  defaultServiceCidr: '10.254.0.0/16',
  backupStorage: openstackBackupStorage,
  validate: validateOpenstackConfig,
};
