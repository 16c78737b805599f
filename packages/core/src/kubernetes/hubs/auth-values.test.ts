import { describe, expect, it } from 'vitest';
import type { HubRelease } from './hub-release.js';
import { releaseOfOnlyHub, testConfig } from './testing/example-configs.js';
import { valueAt } from './testing/value-at.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

function render(
  hubYaml: string,
  tls: 'letsencrypt' | 'manual' | 'none' = 'letsencrypt',
): HubRelease & {
  values: Record<string, unknown>;
} {
  const result = releaseOfOnlyHub(testConfig(hubYaml, tls));
  expect(checkZ2jhValues(result.release.values)).toEqual([]);
  return { ...result, values: result.release.values };
}

describe('auth values', () => {
  it('lti11: consumers read from the auth Secret through environment variables', () => {
    const { values, manifests, secrets } = render(`  - name: course
    admins: [instructor1]
    auth: { type: lti11, consumerKey: { fromEnv: LTI_KEY }, sharedSecret: { fromFile: ./lti-secret.txt } }
`);
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe(
      'ltiauthenticator.lti11.auth.LTI11Authenticator',
    );
    expect(valueAt(values, 'hub', 'config', 'Authenticator')).toEqual({
      allow_all: true,
      admin_users: ['instructor1'],
    });
    expect(valueAt(values, 'hub', 'config', 'LTI11Authenticator')).toEqual({
      uri_scheme: 'https',
      config_title: 'course',
    });
    expect(valueAt(values, 'hub', 'extraEnv')).toEqual({
      HUBFLEET_LTI11_CONSUMER_KEY: {
        valueFrom: { secretKeyRef: { name: 'course-auth', key: 'lti11-consumer-key' } },
      },
      HUBFLEET_LTI11_SHARED_SECRET: {
        valueFrom: { secretKeyRef: { name: 'course-auth', key: 'lti11-shared-secret' } },
      },
    });
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-auth')).toBe(
      [
        'import os',
        'c.LTI11Authenticator.consumers = {',
        '    os.environ["HUBFLEET_LTI11_CONSUMER_KEY"]: os.environ["HUBFLEET_LTI11_SHARED_SECRET"],',
        '}',
      ].join('\n'),
    );
    expect(manifests).toEqual([
      expect.objectContaining({
        kind: 'Secret',
        metadata: expect.objectContaining({ name: 'course-auth', namespace: 'course' }),
        stringData: {
          'lti11-consumer-key': '<secret: fromEnv LTI_KEY>',
          'lti11-shared-secret': '<secret: fromFile ./lti-secret.txt>',
        },
      }),
    ]);
    expect(secrets.map((secret) => secret.ref)).toEqual([
      { fromEnv: 'LTI_KEY' },
      { fromFile: './lti-secret.txt' },
    ]);
  });

  it('lti13: public platform settings only, no Secret', () => {
    const { values, manifests } = render(
      `  - name: course
    displayName: Data 8
    auth:
      type: lti13
      issuer: https://canvas.instructure.com
      clientId: "10000000000001"
      authorizeUrl: https://canvas.instructure.com/api/lti/authorize_redirect
      jwksUrl: https://canvas.instructure.com/api/lti/security/jwks
`,
      'none',
    );
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe(
      'ltiauthenticator.lti13.auth.LTI13Authenticator',
    );
    expect(valueAt(values, 'hub', 'config', 'LTI13Authenticator')).toEqual({
      issuer: 'https://canvas.instructure.com',
      client_id: ['10000000000001'],
      authorize_url: 'https://canvas.instructure.com/api/lti/authorize_redirect',
      jwks_endpoint: 'https://canvas.instructure.com/api/lti/security/jwks',
      uri_scheme: 'http',
      tool_name: 'Data 8',
    });
    expect(valueAt(values, 'hub', 'config', 'Authenticator', 'allow_all')).toBe(true);
    expect(valueAt(values, 'hub', 'extraEnv')).toBeUndefined();
    expect(manifests).toEqual([]);
  });

  it('oauth: allowed and admin groups from the groups claim, only group members allowed', () => {
    const { values, secrets } = render(`  - name: jhub
    auth:
      type: oauth
      clientId: my-client
      clientSecret: { fromEnv: IRIS_CLIENT_SECRET }
      authorizeUrl: https://iris-iam.stfc.ac.uk/authorize
      tokenUrl: https://iris-iam.stfc.ac.uk/token
      userdataUrl: https://iris-iam.stfc.ac.uk/userinfo
      allowedGroups: [stfc-users]
      adminGroups: [stfc-admins]
`);
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe('generic-oauth');
    expect(valueAt(values, 'hub', 'config', 'Authenticator')).toEqual({ allow_all: false });
    expect(valueAt(values, 'hub', 'config', 'GenericOAuthenticator')).toEqual({
      client_id: 'my-client',
      oauth_callback_url: 'https://hub.example.edu/jhub/hub/oauth_callback',
      authorize_url: 'https://iris-iam.stfc.ac.uk/authorize',
      token_url: 'https://iris-iam.stfc.ac.uk/token',
      userdata_url: 'https://iris-iam.stfc.ac.uk/userinfo',
      scope: ['openid', 'profile', 'email'],
      username_claim: 'preferred_username',
      manage_groups: true,
      auth_state_groups_key: 'oauth_user.groups',
      allowed_groups: ['stfc-users'],
      admin_groups: ['stfc-admins'],
    });
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-auth')).toContain(
      'c.GenericOAuthenticator.client_secret = os.environ["HUBFLEET_OAUTH_CLIENT_SECRET"]',
    );
    expect(secrets).toEqual([
      {
        secretName: 'jhub-auth',
        key: 'oauth-client-secret',
        env: 'HUBFLEET_OAUTH_CLIENT_SECRET',
        ref: { fromEnv: 'IRIS_CLIENT_SECRET' },
      },
    ]);
  });

  it('oauth without groups lets everyone who completes the login in', () => {
    const { values } = render(`  - name: jhub
    auth:
      type: oauth
      clientId: my-client
      clientSecret: { fromEnv: IRIS_CLIENT_SECRET }
      authorizeUrl: https://iam.example.org/authorize
      tokenUrl: https://iam.example.org/token
      userdataUrl: https://iam.example.org/userinfo
`);
    expect(valueAt(values, 'hub', 'config', 'Authenticator', 'allow_all')).toBe(true);
    expect(valueAt(values, 'hub', 'config', 'GenericOAuthenticator', 'manage_groups')).toBeUndefined();
  });

  it('google: hostedDomain restricts sign-in and usernames keep their domain', () => {
    const { values, warnings } = render(`  - name: jhub
    admins: [jupyter-admin@rhodes.edu]
    auth: { type: google, clientId: abc.apps.googleusercontent.com, clientSecret: { fromEnv: GOOGLE_SECRET }, hostedDomain: rhodes.edu }
`);
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe('google');
    expect(valueAt(values, 'hub', 'config', 'GoogleOAuthenticator')).toEqual({
      client_id: 'abc.apps.googleusercontent.com',
      oauth_callback_url: 'https://hub.example.edu/jhub/hub/oauth_callback',
      hosted_domain: ['rhodes.edu'],
      strip_domain: false,
    });
    expect(valueAt(values, 'hub', 'config', 'Authenticator')).toEqual({
      allow_all: true,
      admin_users: ['jupyter-admin@rhodes.edu'],
    });
    expect(warnings).toEqual([]);
  });

  it('google without hostedDomain warns that any Google account gets in', () => {
    const { values, warnings } = render(`  - name: jhub
    admins: [langma]
    auth: { type: google, clientId: abc, clientSecret: { fromEnv: GOOGLE_SECRET } }
`);
    expect(valueAt(values, 'hub', 'config', 'GoogleOAuthenticator', 'hosted_domain')).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringContaining('any Google account'),
      expect.stringContaining('admins langma will never match'),
    ]);
  });

  it('github: allowed organizations with read:org', () => {
    const { values, warnings } = render(`  - name: jhub
    auth: { type: github, clientId: gh, clientSecret: { fromEnv: GH_SECRET }, allowedOrganizations: [jupyterhub, data8:staff] }
`);
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe('github');
    expect(valueAt(values, 'hub', 'config', 'GitHubOAuthenticator')).toEqual({
      client_id: 'gh',
      oauth_callback_url: 'https://hub.example.edu/jhub/hub/oauth_callback',
      allowed_organizations: ['jupyterhub', 'data8:staff'],
      scope: ['read:org'],
    });
    expect(valueAt(values, 'hub', 'config', 'Authenticator', 'allow_all')).toBe(false);
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-auth')).toContain(
      'c.GitHubOAuthenticator.client_secret',
    );
    expect(warnings).toEqual([]);
  });

  it('native: admins from both lists, sign-up approval unless openSignup, templates for the sign-up link', () => {
    const approval = render(`  - name: outreach
    admins: [teacher]
    auth: { type: native, admins: [admin] }
`);
    expect(valueAt(approval.values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe('native');
    expect(valueAt(approval.values, 'hub', 'config', 'NativeAuthenticator')).toEqual({ open_signup: false });
    expect(valueAt(approval.values, 'hub', 'config', 'Authenticator')).toEqual({
      allow_all: true,
      admin_users: ['teacher', 'admin'],
    });
    expect(valueAt(approval.values, 'hub', 'extraConfig', 'hubfleet-auth')).toContain(
      'nativeauthenticator.__file__',
    );
    expect(approval.manifests).toEqual([]);
    expect(approval.warnings).toEqual([]);

    const open = render(`  - name: outreach
    auth: { type: native, openSignup: true }
`);
    expect(valueAt(open.values, 'hub', 'config', 'NativeAuthenticator')).toEqual({ open_signup: true });
    expect(open.warnings).toEqual([expect.stringContaining('lets anyone create an account')]);
  });

  it('native without admins or open sign-up warns that nobody can approve accounts', () => {
    const { warnings } = render(`  - name: outreach
    auth: { type: native }
`);
    expect(warnings).toEqual([expect.stringContaining('nobody can approve sign-ups')]);
  });

  it('dummy: shared password from the Secret, and a tests-only warning', () => {
    const { values, manifests, warnings } = render(`  - name: scratch
    auth: { type: dummy, password: { fromEnv: DUMMY_PASSWORD } }
`);
    expect(valueAt(values, 'hub', 'config', 'JupyterHub', 'authenticator_class')).toBe('dummy');
    expect(valueAt(values, 'hub', 'config', 'Authenticator')).toEqual({ allow_all: true });
    expect(valueAt(values, 'hub', 'extraConfig', 'hubfleet-auth')).toContain(
      'c.DummyAuthenticator.password = os.environ["HUBFLEET_DUMMY_PASSWORD"]',
    );
    expect(manifests[0]?.stringData).toEqual({ 'dummy-password': '<secret: fromEnv DUMMY_PASSWORD>' });
    expect(warnings).toEqual([expect.stringContaining('tests only')]);
  });
});
