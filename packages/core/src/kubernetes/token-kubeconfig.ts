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

/** What a kubeconfig for one cluster, user and context holds, whatever the user authenticates with. */
export interface SingleClusterKubeconfigParts {
  /** The cluster, user and context name. */
  name: string;
  /** The API server URL. */
  server: string;
  /** Base64 PEM of the cluster CA; absent only for a plain-HTTP (simulated) server. */
  certificateAuthorityData?: string;
  /** The user's fields (e.g. `token`, or `client-certificate-data` and `client-key-data`), in order. */
  user: Readonly<Record<string, string>>;
  /** Lines written as YAML comments at the top (e.g. a client certificate's lifetime). */
  comments?: readonly string[];
}

/**
 * A kubeconfig (YAML) with one cluster, user and context. Every value is written as a JSON string,
 * which YAML reads as a double-quoted scalar: no escaping surprises.
 */
export function renderSingleClusterKubeconfig(parts: SingleClusterKubeconfigParts): string {
  const name = JSON.stringify(parts.name);
  // A plain-HTTP server (the simulated API) has no CA; Kubernetes clients then insist on the flag.
  const authority =
    parts.certificateAuthorityData === undefined
      ? '      insecure-skip-tls-verify: true'
      : `      certificate-authority-data: ${JSON.stringify(parts.certificateAuthorityData)}`;
  return [
    ...(parts.comments ?? []).map((line) => `# ${line}`),
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
    ...Object.entries(parts.user).map(([field, value]) => `      ${field}: ${JSON.stringify(value)}`),
    'contexts:',
    `  - name: ${name}`,
    '    context:',
    `      cluster: ${name}`,
    `      user: ${name}`,
    `current-context: ${name}`,
    '',
  ].join('\n');
}

/**
 * A kubeconfig authenticating with a bearer token: what a provider's `cluster.kubeconfig()` returns
 * for a cloud whose API server takes tokens (EKS, GKE). `hubfleet kubeconfig` turns the token into
 * an exec entry that fetches fresh ones.
 */
export function renderTokenKubeconfig(parts: TokenKubeconfigParts): string {
  const { token, ...cluster } = parts;
  return renderSingleClusterKubeconfig({ ...cluster, user: { token } });
}
