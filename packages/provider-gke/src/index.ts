export { gkeCatalog } from './gke-catalog.js';
export type { GkeProviderSettings } from './gke-config.js';
export { gkeProviderSettingsSchema } from './gke-config.js';
export { connectGke } from './gke-connect.js';
export type { GkeConnectOverrides, GkeServiceAccountKey } from './gke-connect-options.js';
export { gkeProvider } from './gke-provider.js';
