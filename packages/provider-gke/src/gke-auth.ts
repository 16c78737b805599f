import {
  type ConnectContextV1,
  type HubfleetConfig,
  HubfleetError,
  resolveSecret,
  simulationOf,
} from '@hubfleet/core';
import { type AuthClient, GoogleAuth, JWT } from 'google-auth-library';
import type { GkeProviderSettings } from './gke-config.js';
import type { GkeConnectOverrides, GkeServiceAccountKey } from './gke-connect-options.js';
import { GKE_TOKEN_MIN_REMAINING_MS } from './gke-token-lifetime.js';

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];
/** google-auth-library always posts service-account grants here. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

function parseKey(text: string, source: string): GkeServiceAccountKey {
  try {
    const key = JSON.parse(text) as Partial<GkeServiceAccountKey>;
    if (typeof key.client_email === 'string' && typeof key.private_key === 'string') {
      return key as GkeServiceAccountKey;
    }
  } catch {
    // reported below
  }
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `${source} is not a service-account key file (JSON with client_email and private_key)`,
    hint: 'download a key in the console (IAM & Admin → Service Accounts → Keys → Add key → JSON), or remove provider.credentials to use Application Default Credentials',
    subject: 'provider.credentials',
  });
}

/** A JWT client for a service-account key; `tokenUrl` sends its token requests elsewhere (the sim). */
function serviceAccountClient(key: GkeServiceAccountKey, tokenUrl?: string): JWT {
  const jwt = new JWT({
    email: key.client_email,
    key: key.private_key,
    ...(key.private_key_id === undefined ? {} : { keyId: key.private_key_id }),
    scopes: SCOPES,
    eagerRefreshThresholdMillis: GKE_TOKEN_MIN_REMAINING_MS,
  });
  if (tokenUrl !== undefined && tokenUrl !== GOOGLE_TOKEN_URL) {
    jwt.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
        return options;
      },
    });
  }
  return jwt;
}

/**
 * The credentials of a session: the simulated project's key in sim mode, else the key file named
 * by `provider.credentials`, else Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,
 * gcloud's ADC, or the metadata server). google-auth-library refreshes the access token once less
 * than 15 minutes of it are left, so every token handed out lives at least that long.
 */
export async function gkeAuthClient(
  config: HubfleetConfig<GkeProviderSettings>,
  context: ConnectContextV1,
  overrides: GkeConnectOverrides,
): Promise<AuthClient> {
  const simulation = simulationOf(context);
  if (simulation !== undefined) {
    const given = simulation.credentials;
    const key =
      overrides.credentials ??
      (given.client_email !== undefined && given.private_key !== undefined
        ? (given as unknown as GkeServiceAccountKey)
        : undefined);
    if (key === undefined) {
      throw new HubfleetError({
        kind: 'internal',
        message: 'the simulated Google Cloud project was given no service-account key',
        hint: "pass the sim's credentials (startGkeSimCloud's `credentials`) as ConnectContextV1.simulation.credentials",
      });
    }
    const oauth2 = simulation.endpoints.oauth2;
    return serviceAccountClient(key, oauth2 === undefined ? undefined : `${oauth2}/token`);
  }
  if (overrides.credentials !== undefined) return serviceAccountClient(overrides.credentials);
  const secret = config.provider.credentials;
  if (secret !== undefined) {
    const text = resolveSecret(secret, { configDirectory: context.configDirectory, env: process.env });
    return serviceAccountClient(parseKey(text, 'provider.credentials'));
  }
  return new GoogleAuth({
    scopes: SCOPES,
    projectId: config.provider.project,
    clientOptions: { eagerRefreshThresholdMillis: GKE_TOKEN_MIN_REMAINING_MS },
  }).getClient();
}
