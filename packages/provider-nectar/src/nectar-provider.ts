import type { ProviderV1 } from '@hubfleet/core';
import { renderBootstrapFiles } from './bootstrap/bootstrap-scripts.js';
import { nectarBackupStorage } from './nectar-backup-storage.js';
import { nectarCapabilities, nectarToolDefaults } from './nectar-capabilities.js';
import { nectarCatalog } from './nectar-catalog.js';
import { type NectarProviderSettings, nectarProviderSettingsSchema } from './nectar-config.js';
import { validateNectarConfig } from './nectar-rules.js';

/**
 * NeCTAR Research Cloud: plain VMs with Kubernetes bootstrapped by kubeadm. Validates configs offline;
 * it has no `connect` yet, so the CLI says deploying to NeCTAR is not available rather than pretending.
 */
export const nectarProvider: ProviderV1<NectarProviderSettings> = {
  specificationVersion: 'v1',
  id: 'nectar',
  displayName: 'NeCTAR (kubeadm on VMs)',
  configSchema: nectarProviderSettingsSchema,
  capabilities: nectarCapabilities,
  catalog: nectarCatalog,
  toolDefaults: nectarToolDefaults,
  // hubfleet runs kubeadm on NeCTAR VMs; kubeadm's default `serviceSubnet`.
  defaultServiceCidr: '10.96.0.0/12',
  backupStorage: nectarBackupStorage,
  validate: validateNectarConfig,
  // The kubeadm bootstrap scripts, exactly as they run over SSH: `hubfleet render` writes bootstrap/*.sh.
  renderArtifacts: (config) => renderBootstrapFiles(config).map((file) => ({ ...file, executable: true })),
};
