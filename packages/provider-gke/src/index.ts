export { gkeCatalog } from './gke-catalog.js';
export type { GkeProviderSettings } from './gke-config.js';
export { gkeProviderSettingsSchema } from './gke-config.js';
export { gkeProvider } from './gke-provider.js';
