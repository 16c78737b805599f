import type { ProviderV1 } from '@hubfleet/core';
import { awsBackupStorage } from './aws-backup-storage.js';
import { awsCapabilities, awsToolDefaults } from './aws-capabilities.js';
import { awsCatalog } from './aws-catalog.js';
import { type AwsProviderSettings, awsProviderSettingsSchema } from './aws-config.js';
import { connectAws } from './aws-connect.js';
import { validateAwsConfig } from './aws-rules.js';

const MINUTE = 60_000;

/**
 * AWS EKS. Validates configs offline; `connect` loads the AWS SDK only when called (see
 * `connectAws`) and opens a session on the account, or on the simulated cloud with `--sim`.
 */
export const awsProvider: ProviderV1<AwsProviderSettings> = {
  specificationVersion: 'v1',
  id: 'aws',
  displayName: 'AWS EKS',
  configSchema: awsProviderSettingsSchema,
  capabilities: awsCapabilities,
  catalog: awsCatalog,
  toolDefaults: awsToolDefaults,
  // EKS picks 10.100.0.0/16, or 172.20.0.0/16 when the VPC is in 10.0.0.0/8; up uses the observed range.
  defaultServiceCidr: '10.100.0.0/16',
  backupStorage: awsBackupStorage,
  // Measured on EKS: a control plane takes about 12 minutes, a managed nodegroup about 4.
  typicalDurationsMs: {
    cluster: 12 * MINUTE,
    nodegroup: 4 * MINUTE,
    volume: 10_000,
    'load-balancers': MINUTE,
  },
  // An EKS token (STS presigned GetCallerIdentity) is valid for 15 minutes.
  credentialLifetimeMs: 15 * MINUTE,
  validate: validateAwsConfig,
  connect: (config, context) => connectAws(config, context),
};
