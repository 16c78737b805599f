import type { ProviderV1 } from '@hubfleet/core';
import { gkeCapabilities, gkeToolDefaults } from './gke-capabilities.js';
import { gkeCatalog } from './gke-catalog.js';
import { type GkeProviderSettings, gkeProviderSettingsSchema } from './gke-config.js';
import { connectGke } from './gke-connect.js';
import { validateGkeConfig } from './gke-rules.js';

/**
 * Google GKE. Validates configs offline; `connect` loads the Google SDKs only when called (see
 * `connectGke`) and opens a session on the project, or on the simulated project with `--sim`.
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
  connect: (config, context) => connectGke(config, context),
};
