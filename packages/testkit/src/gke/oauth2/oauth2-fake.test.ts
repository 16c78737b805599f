import { JWT, UserRefreshClient } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterManager, rejection, staticAuth } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startContainerFake } from '../container/container-fake.js';
import { googleApiAuthenticator } from './oauth2-authenticate.js';
import { startOAuth2Fake } from './oauth2-fake.js';
import { GOOGLE_TOKEN_URL } from './oauth2-jwt.js';
import { createServiceAccountKey, isValidAccessToken } from './oauth2-state.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** google-auth-library posts to Google's fixed token URL; a request interceptor sends it to the fake. */
function redirectTokenRequests(client: JWT | UserRefreshClient, tokenUrl: string): void {
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
      return options;
    },
  });
}

describe('Google OAuth2 token endpoint fake', () => {
  it("gives google-auth-library's service-account JWT flow a token the container fake accepts", async () => {
    const clock = createManualClock(Date.now());
    const oauth = await startOAuth2Fake({ clock });
    running.push(oauth);
    const key = createServiceAccountKey(
      oauth.state,
      'rhodes-cs',
      'hubfleet@rhodes-cs.iam.gserviceaccount.com',
    );
    const jwt = new JWT({
      email: key.client_email,
      key: key.private_key,
      keyId: key.private_key_id,
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    });
    redirectTokenRequests(jwt, `${oauth.url}/token`);
    const { token } = await jwt.getAccessToken();
    expect(token).toMatch(/^ya29\./);
    expect(isValidAccessToken(oauth.state, token ?? '', clock.now())).toBe(true);

    const gke = await startContainerFake({
      clock,
      authenticate: googleApiAuthenticator(oauth.state, clock.now),
    });
    running.push(gke);
    // With a key, the client library signs a JWT itself (useJWTAccessWithScope); the service accepts it.
    const [list] = await clusterManager(gke.url, jwt).listClusters({
      parent: 'projects/rhodes-cs/locations/-',
    });
    expect(list.clusters).toEqual([]);
    const foreign = createServiceAccountKey(
      { serviceAccounts: {}, authorizedUsers: {}, tokens: {} },
      'p',
      'x@p.iam.gserviceaccount.com',
    );
    const stranger = new JWT({
      email: foreign.client_email,
      key: foreign.private_key,
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    });
    expect(
      await rejection(
        clusterManager(gke.url, stranger).listClusters({ parent: 'projects/rhodes-cs/locations/-' }),
      ),
    ).toMatchObject({ code: 401 });

    clock.advance(2 * 3_600_000);
    expect(isValidAccessToken(oauth.state, token ?? '', clock.now())).toBe(false);
    const stale = staticAuth(token ?? '');
    expect(
      await rejection(
        clusterManager(gke.url, stale).listClusters({ parent: 'projects/rhodes-cs/locations/-' }),
      ),
    ).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
  });

  it('refuses a JWT signed by a key it does not know, and an unknown refresh token', async () => {
    const clock = createManualClock(Date.now());
    const oauth = await startOAuth2Fake({ clock });
    running.push(oauth);
    const registered = createServiceAccountKey(oauth.state, 'p', 'a@p.iam.gserviceaccount.com');
    const other = createServiceAccountKey(
      { serviceAccounts: {}, authorizedUsers: {}, tokens: {} },
      'p',
      'a@p.iam.gserviceaccount.com',
    );
    const forged = new JWT({ email: registered.client_email, key: other.private_key, scopes: ['x'] });
    redirectTokenRequests(forged, `${oauth.url}/token`);
    await expect(forged.getAccessToken()).rejects.toThrow(/invalid_grant: Invalid JWT Signature/);

    oauth.state.authorizedUsers['1//refresh'] = { clientId: 'cid', clientSecret: 'secret' };
    const user = new UserRefreshClient('cid', 'secret', '1//refresh');
    user.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url).startsWith('https://oauth2.googleapis.com/token'))
          options.url = new URL(`${oauth.url}/token`);
        return options;
      },
    });
    expect((await user.getAccessToken()).token).toMatch(/^ya29\./);
    const wrong = new UserRefreshClient('cid', 'secret', '1//unknown');
    redirectTokenRequests(wrong, `${oauth.url}/token`);
    await expect(wrong.getAccessToken()).rejects.toThrow();
  });
});
