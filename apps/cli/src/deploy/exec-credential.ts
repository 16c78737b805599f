import { realpathSync } from 'node:fs';
import { type CredentialHelperV1, HubfleetError } from '@hubfleet/core';
import { parse } from 'yaml';
import type { Kubeconfig } from './merge-kubeconfig.js';

export const EXEC_CREDENTIAL_API = 'client.authentication.k8s.io/v1';

/**
 * How long a printed token is claimed to last: the provider's `credentialLifetimeMs` less a minute
 * for clock skew (for EKS 14 of 15 minutes, as `aws eks get-token` claims), else five minutes (the
 * contract promises a kubeconfig valid for "at least the next few minutes"). kubectl asks again once
 * it passes, so claiming less never costs more than an extra call.
 */
function claimedValidityMs(credentialLifetimeMs: number | undefined): number {
  if (credentialLifetimeMs === undefined) return 5 * 60_000;
  return Math.max(credentialLifetimeMs - 60_000, credentialLifetimeMs / 2);
}

export interface ExecCredential {
  apiVersion: typeof EXEC_CREDENTIAL_API;
  kind: 'ExecCredential';
  status: { token: string; expirationTimestamp: string };
}

/** The command that prints a fresh ExecCredential: this hubfleet, for this config (and `--sim`). */
export interface TokenCommand {
  config: string;
  sim: boolean;
}

type User = Record<string, unknown>;

/** `hubfleet kubeconfig token -c CONFIG [--sim]`: node and this script by absolute path, so it works without hubfleet on kubectl's PATH. */
function hubfleetHelper(command: TokenCommand): CredentialHelperV1 {
  return {
    command: process.execPath,
    args: [
      realpathSync(process.argv[1] as string),
      'kubeconfig',
      'token',
      '-c',
      command.config,
      ...(command.sim ? ['--sim'] : []),
    ],
  };
}

/**
 * The provider's user entry made to last: a bearer token becomes an `exec` entry running the
 * cloud's own helper where the provider found it installed (`cloudHelper`), else `hubfleet
 * kubeconfig token`, so kubectl gets a fresh token whenever the last one expires. A client
 * certificate is kept as it is (there is nothing to refresh until it expires).
 */
export function lastingUser(
  user: User | undefined,
  command: TokenCommand,
  cloudHelper?: CredentialHelperV1,
): User | undefined {
  if (user === undefined || typeof user.token !== 'string') return user;
  const { token: _replaced, ...rest } = user;
  const helper = cloudHelper ?? hubfleetHelper(command);
  return {
    ...rest,
    exec: {
      apiVersion: helper.apiVersion ?? EXEC_CREDENTIAL_API,
      command: helper.command,
      ...(helper.args.length === 0 ? {} : { args: helper.args }),
      ...(helper.installHint === undefined ? {} : { installHint: helper.installHint }),
      interactiveMode: 'Never',
      provideClusterInfo: helper.provideClusterInfo ?? false,
    },
  };
}

export function withLastingUser(
  config: Kubeconfig,
  command: TokenCommand,
  cloudHelper?: CredentialHelperV1,
): Kubeconfig {
  return {
    ...config,
    users: (config.users ?? []).map((entry) => {
      const user = lastingUser(entry.user as User | undefined, command, cloudHelper);
      return user === undefined ? entry : { ...entry, user };
    }),
  };
}

/** The ExecCredential for the provider's kubeconfig (its first user's bearer token). */
export function execCredential(
  kubeconfig: string,
  credentialLifetimeMs: number | undefined,
  now: Date = new Date(),
): ExecCredential {
  const users = (parse(kubeconfig) as { users?: { user?: User }[] } | null)?.users ?? [];
  const token = users[0]?.user?.token;
  if (typeof token !== 'string') {
    throw new HubfleetError({
      kind: 'refused',
      message: "this cluster's kubeconfig authenticates with a client certificate, not a token",
      hint: 'use `hubfleet kubeconfig` (it keeps the certificate, which needs no exec command)',
    });
  }
  return {
    apiVersion: EXEC_CREDENTIAL_API,
    kind: 'ExecCredential',
    status: {
      token,
      expirationTimestamp: new Date(now.getTime() + claimedValidityMs(credentialLifetimeMs)).toISOString(),
    },
  };
}
