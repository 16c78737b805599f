import { type ConnectContextV1, type HubfleetConfig, HubfleetError } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import type { AwsConnectOverrides } from './aws-connect-options.js';
import type { AwsProviderSession } from './aws-session.js';

/**
 * Opens a session on AWS, or on the simulated cloud when `context.simulation` is set. The
 * SDK is loaded here, on first use, never when the package is imported. `overrides` carries what
 * a config cannot: the simulated account's credentials, a fast retry strategy for tests.
 */
export async function connectAws(
  config: HubfleetConfig<AwsProviderSettings>,
  context: ConnectContextV1,
  overrides: AwsConnectOverrides = {},
): Promise<AwsProviderSession> {
  if (context.signal?.aborted === true) {
    throw new HubfleetError({ kind: 'interrupted', message: 'interrupted before connecting to AWS' });
  }
  const { createAwsSession } = await import('./aws-session.js');
  return createAwsSession(config, context, overrides);
}
