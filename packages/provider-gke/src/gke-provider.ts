import type { ProviderV1 } from '@hubfleet/core';
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
  validate: validateGkeConfig,
};
