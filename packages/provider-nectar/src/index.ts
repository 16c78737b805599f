export { nectarCatalog } from './nectar-catalog.js';
export type { NectarProviderSettings } from './nectar-config.js';
export { nectarProviderSettingsSchema } from './nectar-config.js';
export { nectarProvider } from './nectar-provider.js';
