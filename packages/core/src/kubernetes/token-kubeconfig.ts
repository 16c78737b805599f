/** What a kubeconfig for one cluster reached with a bearer token holds. */
export interface TokenKubeconfigParts {
  /** The cluster, user and context name. */
  name: string;
  /** The API server URL. */
  server: string;
  /** Base64 PEM of the cluster CA; absent only for a plain-HTTP (simulated) server. */
  certificateAuthorityData?: string;
  /** A short-lived bearer token (an EKS token, a Google access token). */
  token: string;
}

/**
 * A kubeconfig (YAML) with one cluster, user and context, authenticating with a bearer token: what
 * a provider's `cluster.kubeconfig()` returns for a cloud whose API server takes tokens (EKS, GKE).
 * Every value is written as a JSON string, which YAML reads as a double-quoted scalar: no escaping
 * surprises. `hubfleet kubeconfig` turns the token into an exec entry that fetches fresh ones.
 */
export function renderTokenKubeconfig(parts: TokenKubeconfigParts): string {
  const name = JSON.stringify(parts.name);
  // A plain-HTTP server (the simulated API) has no CA; Kubernetes clients then insist on the flag.
  const authority =
    parts.certificateAuthorityData === undefined
      ? '      insecure-skip-tls-verify: true'
      : `      certificate-authority-data: ${JSON.stringify(parts.certificateAuthorityData)}`;
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${name}`,
    '    cluster:',
    `      server: ${JSON.stringify(parts.server)}`,
    authority,
    'users:',
    `  - name: ${name}`,
    '    user:',
    `      token: ${JSON.stringify(parts.token)}`,
    'contexts:',
    `  - name: ${name}`,
    '    context:',
    `      cluster: ${name}`,
    `      user: ${name}`,
    `current-context: ${name}`,
    '',
  ].join('\n');
}
