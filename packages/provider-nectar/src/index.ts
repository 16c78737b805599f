export { nectarCatalog } from './nectar-catalog.js';
export type { NectarProviderSettings } from './nectar-config.js';
export { nectarProviderSettingsSchema } from './nectar-config.js';
export { connectNectar } from './nectar-connect.js';
export { nectarProvider } from './nectar-provider.js';
export type { NectarConnectOverrides } from './nectar-session.js';
