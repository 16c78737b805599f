export { openstackCatalog } from './openstack-catalog.js';
export type { OpenstackProviderSettings } from './openstack-config.js';
export { openstackProviderSettingsSchema } from './openstack-config.js';
export { openstackProvider } from './openstack-provider.js';
