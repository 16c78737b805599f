import type { CertificateAndKey } from '../framework/index.js';

/**
 * A kubeconfig (as JSON, which every kubeconfig reader accepts since JSON is YAML) for a fake
 * cluster, e.g. for a cloud fake's "get credentials" answer or a test's `kc.loadFromString`.
 */
export function kubeconfigFor(server: string, token = 'fake-token', name = 'fake'): Record<string, unknown> {
  return kubeconfigDocument({ server, name, user: { token } });
}

/** The credential a fake cluster's kubeconfig carries. */
export type FakeKubeconfigCredential =
  /** A bearer token: the one given, or one the fake issues for `user` (default `admin`). */
  | { kind: 'token'; token?: string; user?: string; groups?: string[]; ttlMs?: number }
  /** A client certificate signed by the cluster CA (TLS fakes only), with CN `user` and O `groups`. */
  | { kind: 'client-certificate'; user?: string; groups?: string[] }
  /** An exec credential plugin: `command` must print an ExecCredential (see execCredential). */
  | { kind: 'exec'; command: string; args?: string[]; env?: Record<string, string> };

/** What fakeKubeconfig needs of a running fake. */
export interface KubeconfigTarget {
  server: string;
  fake: { issueToken(identity: { user: string; groups?: string[]; ttlMs?: number }): string };
  authority?: CertificateAndKey | undefined;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function kubeconfigDocument(parts: {
  server: string;
  name: string;
  authorityPem?: string | undefined;
  user: Record<string, unknown>;
}): Record<string, unknown> {
  const { server, name, authorityPem, user } = parts;
  // A plain-HTTP server has no CA; Kubernetes clients then insist on the flag.
  const trust =
    authorityPem === undefined
      ? { 'insecure-skip-tls-verify': true }
      : { 'certificate-authority-data': base64(authorityPem) };
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server, ...trust } }],
    users: [{ name, user }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  };
}

async function userEntry(
  target: KubeconfigTarget,
  credential: FakeKubeconfigCredential,
): Promise<Record<string, unknown>> {
  switch (credential.kind) {
    case 'token':
      return {
        token:
          credential.token ??
          target.fake.issueToken({
            user: credential.user ?? 'admin',
            groups: credential.groups ?? ['system:masters'],
            ...(credential.ttlMs === undefined ? {} : { ttlMs: credential.ttlMs }),
          }),
      };
    case 'client-certificate': {
      if (target.authority === undefined) {
        throw new Error('a client-certificate kubeconfig needs a fake started with tls');
      }
      const { issueClientCertificate } = await import('../framework/pki.js');
      const issued = await issueClientCertificate(target.authority, {
        commonName: credential.user ?? 'admin',
        organizations: credential.groups ?? ['system:masters'],
      });
      return {
        'client-certificate-data': base64(issued.certificatePem),
        'client-key-data': base64(issued.privateKeyPem),
      };
    }
    case 'exec':
      return {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: credential.command,
          args: credential.args ?? [],
          env: Object.entries(credential.env ?? {}).map(([name, value]) => ({ name, value })),
          interactiveMode: 'Never',
        },
      };
  }
}

/** A kubeconfig reaching `target` with one kind of credential, named after the kind (`fake-token`, …). */
export async function fakeKubeconfig(
  target: KubeconfigTarget,
  credential: FakeKubeconfigCredential,
): Promise<string> {
  const document = kubeconfigDocument({
    server: target.server,
    name: `fake-${credential.kind}`,
    authorityPem: target.authority?.certificatePem,
    user: await userEntry(target, credential),
  });
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * What an exec credential plugin prints (client.authentication.k8s.io/v1): a token, and when it
 * expires. A test's plugin command prints this.
 */
export function execCredential(token: string, expirationTimestamp?: string): string {
  return JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token, ...(expirationTimestamp === undefined ? {} : { expirationTimestamp }) },
  });
}
