import { type ConnectContextV1, type HubfleetConfig, HubfleetError } from '@hubfleet/core';
import type { OpenstackProviderSettings } from './openstack-config.js';
import type { OpenstackConnectOverrides } from './openstack-connect-options.js';
import type { OpenstackProviderSession } from './openstack-session.js';

/**
 * Opens a session on the OpenStack project (Keystone, then Magnum, Cinder, Neutron and Octavia from
 * its catalog), or on the simulated cloud when `context.simulation` is set. The client and the
 * certificate code load here, on first use, never when the package is imported.
 */
export async function connectOpenstack(
  config: HubfleetConfig<OpenstackProviderSettings>,
  context: ConnectContextV1,
  overrides: OpenstackConnectOverrides = {},
): Promise<OpenstackProviderSession> {
  if (context.signal?.aborted === true) {
    throw new HubfleetError({ kind: 'interrupted', message: 'interrupted before connecting to OpenStack' });
  }
  const { createOpenstackSession } = await import('./openstack-session.js');
  return createOpenstackSession(config, context, overrides);
}
