import type { ProviderV1 } from '@hubfleet/core';
import { awsCapabilities, awsToolDefaults } from './aws-capabilities.js';
import { awsCatalog } from './aws-catalog.js';
import { type AwsProviderSettings, awsProviderSettingsSchema } from './aws-config.js';
import { validateAwsConfig } from './aws-rules.js';

/**
 * AWS EKS. Validates configs offline; it has no `connect` yet, so the CLI says deploying to AWS is not
 * available rather than pretending.
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
};
