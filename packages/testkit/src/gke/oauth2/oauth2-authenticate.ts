import { verifySelfSignedJwt } from './oauth2-jwt.js';
import { isValidAccessToken, type OAuth2State } from './oauth2-state.js';

/**
 * What a googleapis.com service lets in: an access token the token endpoint issued, or a
 * self-signed JWT of a known service account (as the client libraries send with a key file).
 */
export function googleApiAuthenticator(state: OAuth2State, now: () => number): (token: string) => boolean {
  return (token) => isValidAccessToken(state, token, now()) || verifySelfSignedJwt(state, token, now()).ok;
}
