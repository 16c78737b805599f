import type { ProviderV1 } from '@hubfleet/core';
import { gkeBackupStorage } from './gke-backup-storage.js';
import { gkeCapabilities, gkeToolDefaults } from './gke-capabilities.js';
import { gkeCatalog } from './gke-catalog.js';
import { type GkeProviderSettings, gkeProviderSettingsSchema } from './gke-config.js';
import { validateGkeConfig } from './gke-rules.js';

/**
 * Google GKE. Validates configs offline; it has no `connect` yet, so the CLI says deploying to GKE is
 * not available rather than pretending.
 */
export const gkeProvider: ProviderV1<GkeProviderSettings> = {
  specificationVersion: 'v1',
  id: 'gke',
  displayName: 'Google GKE',
  configSchema: gkeProviderSettingsSchema,
  capabilities: gkeCapabilities,
  catalog: gkeCatalog,
  toolDefaults: gkeToolDefaults,
  // GKE's default Service range for new clusters (Standard 1.29+, Autopilot 1.27+): a /20 GKE manages.
  defaultServiceCidr: '34.118.224.0/20',
  backupStorage: gkeBackupStorage,
  validate: validateGkeConfig,
};
