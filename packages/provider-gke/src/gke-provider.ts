import type { ProviderV1 } from '@hubfleet/core';
import { gkeBackupStorage } from './gke-backup-storage.js';
import { gkeCapabilities, gkeToolDefaults } from './gke-capabilities.js';
import { gkeCatalog } from './gke-catalog.js';
import { type GkeProviderSettings, gkeProviderSettingsSchema } from './gke-config.js';
import { connectGke } from './gke-connect.js';
import { validateGkeConfig } from './gke-rules.js';
import { GKE_TOKEN_MIN_REMAINING_MS } from './gke-token-lifetime.js';

const MINUTE = 60_000;

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
  // GKE's default Service range for new clusters (Standard 1.29+, Autopilot 1.27+): a /20 GKE manages.
  defaultServiceCidr: '34.118.224.0/20',
  backupStorage: gkeBackupStorage,
  // cloud-contracts.md: a cluster takes 3-10 minutes (6 modelled by the sim), a node pool 5-10;
  // node pools ride in CreateCluster, so a nodegroup step usually only finds its pool.
  typicalDurationsMs: {
    cluster: 6 * MINUTE,
    nodegroup: 5 * MINUTE,
    volume: 10_000,
    'load-balancers': MINUTE,
  },
  // A Google OAuth access token lives an hour; the session refreshes one with less than 15 minutes left.
  credentialLifetimeMs: GKE_TOKEN_MIN_REMAINING_MS,
  validate: validateGkeConfig,
  connect: (config, context) => connectGke(config, context),
};
