export { openstackCatalog } from './openstack-catalog.js';
export type { OpenstackProviderSettings } from './openstack-config.js';
export { openstackProviderSettingsSchema } from './openstack-config.js';
export { connectOpenstack } from './openstack-connect.js';
export type { OpenstackConnectOverrides } from './openstack-connect-options.js';
export type { OpenstackDeployment, OpenstackServices } from './openstack-deployment.js';
export { openstackProvider } from './openstack-provider.js';
export type { OpenstackProviderSession } from './openstack-session.js';
