import { type ConnectContextV1, type HubfleetConfig, HubfleetError } from '@hubfleet/core';
import type { GkeProviderSettings } from './gke-config.js';
import type { GkeConnectOverrides } from './gke-connect-options.js';
import type { GkeProviderSession } from './gke-session.js';

/**
 * Opens a session on Google Cloud, or on the simulated project when `context.simulation` is set. The Google SDKs are loaded here, on first use, never when the package is imported.
 */
export async function connectGke(
  config: HubfleetConfig<GkeProviderSettings>,
  context: ConnectContextV1,
  overrides: GkeConnectOverrides = {},
): Promise<GkeProviderSession> {
  if (context.signal?.aborted === true) {
    throw new HubfleetError({
      kind: 'interrupted',
      message: 'interrupted before connecting to Google Cloud',
    });
  }
  const { createGkeSession } = await import('./gke-session.js');
  return createGkeSession(config, context, overrides);
}
