import type { OpenStackServiceType } from './openstack-error.js';

/** The project name operators know each service by, for messages. */
export const SERVICE_NAMES: Readonly<Record<OpenStackServiceType, string>> = {
  identity: 'Keystone',
  compute: 'Nova',
  network: 'Neutron',
  'block-storage': 'Cinder',
  'container-infra': 'Magnum',
  'load-balancer': 'Octavia',
  image: 'Glance',
};
