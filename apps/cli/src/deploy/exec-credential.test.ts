import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXEC_CREDENTIAL_API, execCredential, lastingUser } from './exec-credential.js';

const COMMAND = { config: '/home/op/hubfleet.yaml', sim: false };

describe('a kubeconfig user that lasts', () => {
  it('turns a bearer token into an exec entry running `hubfleet kubeconfig token -c CONFIG`', () => {
    const user = lastingUser({ token: 'k8s-aws-v1.short-lived' }, COMMAND);
    expect(user).toEqual({
      exec: {
        apiVersion: EXEC_CREDENTIAL_API,
        command: process.execPath,
        args: [expect.any(String), 'kubeconfig', 'token', '-c', '/home/op/hubfleet.yaml'],
        interactiveMode: 'Never',
        provideClusterInfo: false,
      },
    });
    expect(JSON.stringify(user)).not.toContain('short-lived');
    expect(
      (lastingUser({ token: 't' }, { ...COMMAND, sim: true }) as { exec: { args: string[] } }).exec.args.at(
        -1,
      ),
    ).toBe('--sim');
  });

  it("runs the cloud's own helper instead when the provider found it installed", () => {
    const helper = { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'prod-green'] };
    expect(lastingUser({ token: 't' }, COMMAND, helper)).toMatchObject({
      exec: { apiVersion: EXEC_CREDENTIAL_API, command: 'aws', args: helper.args },
    });
  });

  it("writes the helper's own ExecCredential version, install hint and cluster info (gke-gcloud-auth-plugin, as gcloud does)", () => {
    const plugin = {
      command: 'gke-gcloud-auth-plugin',
      args: [],
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      installHint: 'Install gke-gcloud-auth-plugin for use with kubectl by following https://example',
      provideClusterInfo: true,
    };
    expect(lastingUser({ token: 'ya29.t' }, COMMAND, plugin)).toEqual({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'gke-gcloud-auth-plugin',
        installHint: plugin.installHint,
        interactiveMode: 'Never',
        provideClusterInfo: true,
      },
    });
  });

  it('keeps a client certificate as it is: nothing to refresh', () => {
    const certificate = { 'client-certificate-data': 'Y2VydA==', 'client-key-data': 'a2V5' };
    expect(lastingUser(certificate, COMMAND)).toEqual(certificate);
  });
});

describe('the ExecCredential `hubfleet kubeconfig token` prints', () => {
  it("carries the provider kubeconfig's token and an expiry within its promised validity", () => {
    const kubeconfig = stringify({ users: [{ name: 'u', user: { token: 'fresh' } }] });
    const now = new Date('2026-12-02T08:00:00Z');
    expect(execCredential(kubeconfig, 15 * 60_000, now)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: 'fresh', expirationTimestamp: '2026-12-02T08:14:00.000Z' },
    });
    // A provider that does not say how long its credential lives: the contract's few minutes.
    expect(execCredential(kubeconfig, undefined, now).status.expirationTimestamp).toBe(
      '2026-12-02T08:05:00.000Z',
    );
  });

  it('is refused for a client-certificate kubeconfig, saying what to use instead', () => {
    const kubeconfig = stringify({ users: [{ name: 'u', user: { 'client-certificate-data': 'Y2VydA==' } }] });
    expect(() => execCredential(kubeconfig, undefined)).toThrow(/client certificate, not a token/);
  });
});
