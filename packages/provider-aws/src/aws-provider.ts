import type { ProviderV1 } from '@hubfleet/core';
import { awsCapabilities, awsToolDefaults } from './aws-capabilities.js';
import { awsCatalog } from './aws-catalog.js';
import { type AwsProviderSettings, awsProviderSettingsSchema } from './aws-config.js';
import { connectAws } from './aws-connect.js';
import { validateAwsConfig } from './aws-rules.js';

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
  validate: validateAwsConfig,
  connect: (config, context) => connectAws(config, context),
};
