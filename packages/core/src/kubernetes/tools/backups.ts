import type { HubfleetConfig } from '../../config/deployment.js';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import type { BackupStorageV1 } from '../../provider/v1/deploying.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ClusterTool, ToolDecision } from './cluster-tool.js';
import { configChoice } from './tool-choice.js';
import { toolPlacement } from './tool-placement.js';

/** The schedule's name in velero (`velero schedule get`). */
export const BACKUP_SCHEDULE_NAME = 'hubfleet';

function backupsDecision(config: HubfleetConfig, provider: ProviderV1): ToolDecision {
  const choice = configChoice(config, provider, 'backups');
  if (!choice.enabled) return choice;
  const storage = provider.backupStorage;
  if (storage === undefined) {
    return { enabled: false, reason: `hubfleet knows no velero plugin for ${provider.displayName}` };
  }
  const volumes = provider.capabilities.volumeSnapshots
    ? 'cluster objects and volume snapshots'
    : `cluster objects only (${provider.displayName} volumes cannot be snapshotted)`;
  return {
    enabled: true,
    reason: `${choice.reason}; ${volumes} to ${storage.store} ${config.tools.backups?.bucket}`,
  };
}

function storageFor(provider: ProviderV1): BackupStorageV1 {
  const storage = provider.backupStorage;
  if (storage === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `velero values were asked for on ${provider.displayName}, which has no velero plugin`,
      subject: 'tool/velero',
    });
  }
  return storage;
}

function veleroValues(config: HubfleetConfig, provider: ProviderV1): Record<string, unknown> {
  const backups = config.tools.backups;
  if (backups?.bucket === undefined) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: 'backups need a bucket to write to',
      hint: 'add bucket: <name> under tools.backups (S3 / GCS bucket or Swift container)',
      subject: 'tools.backups.bucket',
    });
  }
  const storage = storageFor(provider);
  const snapshots = provider.capabilities.volumeSnapshots;
  return {
    initContainers: [
      {
        name: storage.plugin.name,
        image: storage.plugin.image,
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
      },
    ],
    configuration: {
      backupStorageLocation: [
        {
          name: 'default',
          default: true,
          provider: storage.backupProvider,
          bucket: backups.bucket,
          // One bucket can hold several deployments' backups.
          prefix: config.name,
          config: storage.backupConfig(config),
        },
      ],
      volumeSnapshotLocation: snapshots
        ? [{ name: 'default', provider: storage.snapshotProvider, config: storage.snapshotConfig(config) }]
        : [],
    },
    snapshotsEnabled: snapshots,
    credentials: storage.credentials,
    schedules: {
      [BACKUP_SCHEDULE_NAME]: {
        disabled: false,
        schedule: backups.schedule,
        useOwnerReferencesInBackup: false,
        template: {
          ttl: backups.retain,
          storageLocation: 'default',
          includedNamespaces: ['*'],
          snapshotVolumes: snapshots,
        },
      },
    },
    ...toolPlacement(config),
  };
}

/**
 * velero (seeds/000 step 07) with the plugin for the cloud's object store (S3, GCS, Swift), one
 * schedule from `tools.backups.schedule` keeping backups for `tools.backups.retain`. Volumes are
 * snapshotted where the provider can (`capabilities.volumeSnapshots`).
 */
export const backups: ClusterTool = {
  name: 'velero',
  configKey: 'backups',
  chart: 'velero',
  repository: 'https://vmware-tanzu.github.io/helm-charts',
  version: '11.4.0',
  namespace: 'velero',
  enabled: (config, provider) => backupsDecision(config, provider),
  values: (config, provider) => veleroValues(config, provider),
};
