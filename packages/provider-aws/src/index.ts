export { awsCatalog } from './aws-catalog.js';
export type { AwsProviderSettings } from './aws-config.js';
export { awsProviderSettingsSchema } from './aws-config.js';
export { awsProvider } from './aws-provider.js';
