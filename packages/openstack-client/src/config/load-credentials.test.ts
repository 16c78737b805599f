import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOpenStackCredentials } from './load-credentials.js';

let root: string;
let home: string;
let cwd: string;
let systemDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'clouds-'));
  home = join(root, 'home');
  cwd = join(root, 'work');
  systemDir = join(root, 'etc-openstack');
  for (const directory of [join(home, '.config', 'openstack'), cwd, systemDir])
    mkdirSync(directory, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const load = (env: NodeJS.ProcessEnv, cloud?: string) =>
  loadOpenStackCredentials({ env, cwd, home, systemDir, ...(cloud ? { cloud } : {}) });

const STFC = `clouds:
  stfc:
    auth:
      auth_url: https://openstack.stfc.ac.uk:5000/v3
      username: jdoe
      project_name: jupyter-development
      user_domain_name: stfc
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
  nectar:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.rc.nectar.org.au:5000/v3/
      application_credential_id: abc123
    region_name: Melbourne
`;
const SECURE = `clouds:
  stfc:
    auth:
      password: hunter2
  nectar:
    auth:
      application_credential_secret: s3cr3t
`;

describe('OpenStack credentials from clouds.yaml, secure.yaml and OS_* variables', () => {
  it('reads a password cloud from ~/.config/openstack with its secret from secure.yaml', () => {
    writeFileSync(join(home, '.config', 'openstack', 'clouds.yaml'), STFC);
    writeFileSync(join(home, '.config', 'openstack', 'secure.yaml'), SECURE);
    const credentials = load({ OS_CLOUD: 'stfc' });
    expect(credentials.auth).toEqual({
      type: 'password',
      authUrl: 'https://openstack.stfc.ac.uk:5000/v3',
      username: 'jdoe',
      userDomainName: 'stfc',
      password: 'hunter2',
      projectName: 'jupyter-development',
      projectDomainName: 'Default',
    });
    expect(credentials).toMatchObject({ regionName: 'RegionOne', interface: 'public' });
    expect(credentials.source).toContain('clouds.yaml cloud "stfc"');
    expect(credentials.source).not.toContain('hunter2');
  });

  it('reads an application credential cloud chosen by name, without any scope', () => {
    writeFileSync(join(cwd, 'clouds.yml'), STFC);
    writeFileSync(join(systemDir, 'secure.yaml'), SECURE);
    const credentials = load({}, 'nectar');
    expect(credentials.auth).toEqual({
      type: 'application-credential',
      authUrl: 'https://keystone.rc.nectar.org.au:5000/v3/',
      applicationCredentialId: 'abc123',
      secret: 's3cr3t',
    });
    expect(credentials.regionName).toBe('Melbourne');
  });

  it('prefers ./clouds.yaml over ~/.config and /etc, and OS_CLIENT_CONFIG_FILE over all', () => {
    const one = (url: string) =>
      `clouds:\n  only:\n    auth: {auth_url: ${url}, user_id: u, password: p, project_id: x}\n`;
    writeFileSync(join(systemDir, 'clouds.yaml'), one('https://etc'));
    expect(load({}).auth.authUrl).toBe('https://etc');
    writeFileSync(join(home, '.config', 'openstack', 'clouds.yaml'), one('https://home'));
    expect(load({}).auth.authUrl).toBe('https://home');
    writeFileSync(join(cwd, 'clouds.yaml'), one('https://cwd'));
    expect(load({}).auth.authUrl).toBe('https://cwd');
    const explicit = join(root, 'elsewhere.yaml');
    writeFileSync(explicit, one('https://explicit'));
    expect(load({ OS_CLIENT_CONFIG_FILE: explicit }).auth.authUrl).toBe('https://explicit');
  });

  it('takes secure.yaml from OS_CLIENT_SECURE_FILE', () => {
    writeFileSync(join(cwd, 'clouds.yaml'), STFC);
    const secure = join(root, 'vault-rendered.yaml');
    writeFileSync(secure, SECURE);
    const credentials = load({ OS_CLOUD: 'stfc', OS_CLIENT_SECURE_FILE: secure });
    expect(credentials.auth).toMatchObject({ type: 'password', password: 'hunter2' });
    expect(credentials.source).toContain(secure);
  });

  it('reads the OS_* variables of an openrc file', () => {
    const credentials = load({
      OS_AUTH_URL: 'https://keystone.rc.nectar.org.au:5000/v3/',
      OS_USERNAME: 'me@uni.edu.au',
      OS_PASSWORD: 'from-dashboard',
      OS_PROJECT_ID: 'p-1',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'Melbourne',
      OS_INTERFACE: 'public',
    });
    expect(credentials.auth).toMatchObject({
      type: 'password',
      username: 'me@uni.edu.au',
      projectId: 'p-1',
      userDomainName: 'Default',
    });
    expect(credentials.source).toBe('the OS_* environment variables');
    const appCredential = load({
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_AUTH_URL: 'https://k/v3',
      OS_APPLICATION_CREDENTIAL_ID: 'id-1',
      OS_APPLICATION_CREDENTIAL_SECRET: 'sec',
    });
    expect(appCredential.auth).toEqual({
      type: 'application-credential',
      authUrl: 'https://k/v3',
      applicationCredentialId: 'id-1',
      secret: 'sec',
    });
  });

  it('explains what is missing, without printing secrets', () => {
    expect(() => load({})).toThrow(/No OpenStack credentials/);
    writeFileSync(join(cwd, 'clouds.yaml'), STFC);
    expect(() => load({})).toThrow(/has 2 clouds and none was chosen/);
    expect(() => load({ OS_CLOUD: 'nope' })).toThrow(/no cloud named "nope"/);
    expect(() => load({ OS_CLOUD: 'stfc' })).toThrow(/has no password/);
    expect(() => load({ OS_AUTH_URL: 'https://k', OS_AUTH_TYPE: 'token' })).toThrow(/auth_type "token"/);
    writeFileSync(join(cwd, 'clouds.yaml'), 'clouds: [unclosed');
    expect(() => load({ OS_CLOUD: 'x' })).toThrow(/not valid YAML/);
  });
});
