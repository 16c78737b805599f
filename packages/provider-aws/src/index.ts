export { awsCatalog } from './aws-catalog.js';
export type { AwsProviderSettings } from './aws-config.js';
export { awsProviderSettingsSchema } from './aws-config.js';
export { connectAws } from './aws-connect.js';
export type { AwsConnectOverrides, AwsStaticCredentials } from './aws-connect-options.js';
export type { EksAddonName, EksAddonsApi, ObservedEksAddon } from './aws-eks-addons.js';
export { mapAwsError } from './aws-errors.js';
export { awsProvider } from './aws-provider.js';
export type { AwsProviderSession } from './aws-session.js';
