import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** The OAuth2 token endpoint's state: who may get tokens, and the tokens it gave (plain JSON). */
export interface OAuth2State {
  /** Service accounts by `client_email`: the public half of each key they sign JWTs with. */
  serviceAccounts: Record<string, { projectId: string; publicKeys: Record<string, string> }>;
  /** gcloud users' Application Default Credentials, by refresh token. */
  authorizedUsers: Record<string, { clientId: string; clientSecret: string }>;
  /** Access tokens given out: who holds each and when it expires (epoch ms on the fake's clock). */
  tokens: Record<string, { subject: string; expiresAt: number }>;
}

export function createOAuth2State(): OAuth2State {
  return { serviceAccounts: {}, authorizedUsers: {}, tokens: {} };
}

/** A service-account key file, as the IAM console downloads it (a type, so it reads as a string map too). */
export type ServiceAccountKey = {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  universe_domain: string;
};

/**
 * Make a key for `email` (RSA 2048, as IAM makes them) and register its public half, so JWTs the
 * key signs are accepted at `/token`. `tokenUri` is written into the file as Google writes its own.
 */
export function createServiceAccountKey(
  state: OAuth2State,
  projectId: string,
  email: string,
  tokenUri = 'https://oauth2.googleapis.com/token',
): ServiceAccountKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomBytes(20).toString('hex');
  const account = state.serviceAccounts[email] ?? { projectId, publicKeys: {} };
  account.publicKeys[keyId] = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  state.serviceAccounts[email] = account;
  return {
    type: 'service_account',
    project_id: projectId,
    private_key_id: keyId,
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: BigInt(`0x${randomBytes(8).toString('hex')}`).toString(),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: tokenUri,
    universe_domain: 'googleapis.com',
  };
}

/** Whether `token` is an access token this endpoint gave and that has not expired. */
export function isValidAccessToken(state: OAuth2State, token: string, now: number): boolean {
  const record = state.tokens[token];
  return record !== undefined && record.expiresAt > now;
}
