import { createVerify } from 'node:crypto';
import type { OAuth2State } from './oauth2-state.js';

/** The audience a service-account JWT must name (google-auth-library's gtoken uses it). */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export type JwtCheck = { ok: true; subject: string } | { ok: false; description: string };

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a JWT-bearer assertion as Google's token endpoint does: RS256, signed by a registered key
 * of the issuing service account (by `kid`, else any of its keys), audience the token URL, issued
 * within the last hour and not expired. Messages are Google's `error_description`s.
 */
export function verifyAssertion(state: OAuth2State, assertion: string, now: number): JwtCheck {
  return verifySignedJwt(state, assertion, now, (claims) => claims.aud === GOOGLE_TOKEN_URL);
}

/**
 * A self-signed JWT used directly as a bearer token: what the Google client libraries send with a
 * service-account key (`useJWTAccessWithScope`), skipping the token endpoint. googleapis.com services
 * accept one whose audience is the service (`https://container.googleapis.com/`) or that carries
 * scopes; a GKE cluster's API server does not (it wants an access token).
 */
export function verifySelfSignedJwt(state: OAuth2State, token: string, now: number): JwtCheck {
  return verifySignedJwt(
    state,
    token,
    now,
    (claims) =>
      (typeof claims.aud === 'string' && /^https:\/\/[a-z0-9.-]+\.googleapis\.com\/?$/.test(claims.aud)) ||
      (typeof claims.scope === 'string' && claims.scope !== ''),
  );
}

function verifySignedJwt(
  state: OAuth2State,
  assertion: string,
  now: number,
  audienceOk: (claims: Record<string, unknown>) => boolean,
): JwtCheck {
  const parts = assertion.split('.');
  const [headerPart, payloadPart, signaturePart] = parts;
  if (parts.length !== 3 || !headerPart || !payloadPart || !signaturePart) {
    return { ok: false, description: 'Invalid JWT: malformed assertion.' };
  }
  const header = decode(headerPart);
  const claims = decode(payloadPart);
  if (header?.alg !== 'RS256' || claims === undefined) {
    return { ok: false, description: 'Invalid JWT: the assertion is not an RS256 JWT.' };
  }
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  const account = state.serviceAccounts[issuer];
  if (account === undefined) return { ok: false, description: 'Invalid grant: account not found' };
  const keys =
    typeof header.kid === 'string' && account.publicKeys[header.kid] !== undefined
      ? [account.publicKeys[header.kid] as string]
      : Object.values(account.publicKeys);
  const signed = `${headerPart}.${payloadPart}`;
  const valid = keys.some((key) =>
    createVerify('RSA-SHA256').update(signed).verify(key, Buffer.from(signaturePart, 'base64url')),
  );
  if (!valid) return { ok: false, description: 'Invalid JWT Signature.' };
  if (!audienceOk(claims))
    return { ok: false, description: 'Invalid JWT: the audience is not accepted here.' };
  const seconds = Math.floor(now / 1000);
  const issuedAt = Number(claims.iat);
  const expires = Number(claims.exp);
  if (!(expires > seconds) || !(issuedAt <= seconds + 300) || expires - issuedAt > 3600) {
    return {
      ok: false,
      description:
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    };
  }
  return { ok: true, subject: issuer };
}
