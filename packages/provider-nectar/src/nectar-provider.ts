import type { ProviderV1 } from '@hubfleet/core';
import { renderBootstrapFiles } from './bootstrap/bootstrap-scripts.js';
import { nectarBackupStorage } from './nectar-backup-storage.js';
import { nectarCapabilities, nectarToolDefaults } from './nectar-capabilities.js';
import { nectarCatalog } from './nectar-catalog.js';
import { type NectarProviderSettings, nectarProviderSettingsSchema } from './nectar-config.js';
import { connectNectar } from './nectar-connect.js';
import { validateNectarConfig } from './nectar-rules.js';

const MINUTE = 60_000;

/**
 * NeCTAR Research Cloud: plain VMs with Kubernetes bootstrapped by kubeadm over SSH, and a storage
 * VM serving each hub's Cinder volume over NFS. Validates configs offline; `connect` loads the
 * OpenStack client and node-ssh only when called.
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
  // A VM builds in 1-5 minutes (004: "often times out"), then the bootstrap installs packages.
  typicalDurationsMs: { cluster: 10 * MINUTE, nodegroup: 8 * MINUTE, volume: 30_000 },
  validate: validateNectarConfig,
  connect: (config, context) => connectNectar(config, context),
  // The kubeadm bootstrap scripts, exactly as they run over SSH: `hubfleet render` writes bootstrap/*.sh.
  renderArtifacts: (config) => renderBootstrapFiles(config).map((file) => ({ ...file, executable: true })),
};
