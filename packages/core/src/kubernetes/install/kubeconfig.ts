import { accessSync, constants } from 'node:fs';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { HubfleetError } from '../../errors/index.js';

/** How a kubeconfig's user proves who it is (what `kubectl` would send). */
export type KubeCredentialKind = 'token' | 'client-certificate' | 'exec' | 'auth-provider' | 'basic';

/** A kubeconfig loaded by `@kubernetes/client-node`, checked to name a server and a usable credential. */
export interface LoadedKubeconfig {
  /** The client library's view of it: applies the credential and TLS settings to each request. */
  config: KubeConfig;
  /** The current context's name, for messages. */
  context: string;
  /** The API server URL without a trailing slash. */
  server: string;
  credential: KubeCredentialKind;
}

const CHECK_PATH = "check the path in the kubeconfig and the file's permissions";

function unusable(context: string | undefined, why: string, hint?: string): HubfleetError {
  const where = context === undefined ? 'the kubeconfig' : `context "${context}" of the kubeconfig`;
  return new HubfleetError({
    kind: 'invalid-config',
    message: `${where} cannot be used to reach the cluster: ${why}`,
    hint:
      hint ??
      'give the context a user with a token, a client certificate and key, or an exec credential plugin; if the provider made this kubeconfig, report it as a hubfleet bug',
    subject: context === undefined ? 'kubeconfig' : `kubeconfig context ${context}`,
  });
}

/** client-node leaves absent fields null (not undefined); an empty string is absent too. */
function present(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function readable(path: string | null | undefined): boolean {
  if (!present(path)) return true;
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** The credential a user carries, or why it has none: a certificate without its key is no credential. */
function credentialOf(user: User, context: string): KubeCredentialKind {
  const certificate = present(user.certData) || present(user.certFile);
  const key = present(user.keyData) || present(user.keyFile);
  if (certificate || key) {
    if (!certificate || !key) {
      const has = certificate ? 'certificate' : 'key';
      const lacks = certificate ? 'key' : 'certificate';
      throw unusable(context, `user "${user.name}" has a client ${has} but no client ${lacks}`);
    }
    for (const file of [user.certFile, user.keyFile]) {
      if (!readable(file)) {
        throw unusable(context, `the client certificate file ${file} cannot be read`, CHECK_PATH);
      }
    }
    return 'client-certificate';
  }
  if (present(user.token)) return 'token';
  if (user.exec) return 'exec';
  if (user.authProvider) return 'auth-provider';
  if (present(user.username) && present(user.password)) return 'basic';
  throw unusable(context, `user "${user.name}" has no token, client certificate and key, or exec plugin`);
}

/**
 * Load a kubeconfig with `@kubernetes/client-node` (imported here, at first use, so `validate` and
 * `--help` never pay for it) and check its current context: a server, and a credential the client
 * can send. Anything less is refused now, naming the context, instead of failing later as a 401.
 */
export async function loadKubeconfig(text: string): Promise<LoadedKubeconfig> {
  const { KubeConfig } = await import('./kube-config-class.js');
  const config = new KubeConfig();
  try {
    config.loadFromString(text);
  } catch (error) {
    throw unusable(undefined, error instanceof Error ? error.message : String(error));
  }
  const context = config.getCurrentContext();
  if (context === '' || config.getContextObject(context) === null) {
    throw unusable(context === '' ? undefined : context, 'its current context is not defined');
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null || cluster.server === '')
    throw unusable(context, 'the context names no cluster server');
  if (!readable(cluster.caFile)) {
    throw unusable(context, `the certificate authority file ${cluster.caFile} cannot be read`, CHECK_PATH);
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    throw unusable(
      context,
      `the server ${cluster.server} is plain HTTP but the cluster entry lacks insecure-skip-tls-verify: true`,
      'use the https:// address of the API server (Kubernetes clients send credentials over plain HTTP only when told to)',
    );
  }
  const user = config.getCurrentUser();
  if (user === null) throw unusable(context, 'the context names no user');
  return {
    config,
    context,
    server: cluster.server.replace(/\/+$/, ''),
    credential: credentialOf(user, context),
  };
}
