import {
  type ConnectContextV1,
  type HubfleetConfig,
  HubfleetError,
  type ProviderSessionV1,
} from '@hubfleet/core';
import type { NectarProviderSettings } from './nectar-config.js';
import type { NectarConnectOverrides } from './nectar-session.js';

/**
 * Opens a session on the NeCTAR project, or on the simulated one when `context.simulation` is set.
 * The OpenStack client and node-ssh are loaded here, on first use, never when the package is imported.
 */
export async function connectNectar(
  config: HubfleetConfig<NectarProviderSettings>,
  context: ConnectContextV1,
  overrides: NectarConnectOverrides = {},
): Promise<ProviderSessionV1> {
  if (context.signal?.aborted === true) {
    throw new HubfleetError({ kind: 'interrupted', message: 'interrupted before connecting to NeCTAR' });
  }
  const { createNectarSession } = await import('./nectar-session.js');
  return createNectarSession(config, context, overrides);
}
