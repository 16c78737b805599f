/** What a kubeconfig for one GKE cluster holds. */
export interface KubeconfigParts {
  name: string;
  server: string;
  /** Base64 PEM of the cluster CA (`masterAuth.clusterCaCertificate`); absent for the plain-HTTP sim API. */
  certificateAuthorityData?: string;
  /** A Google OAuth access token (about an hour). */
  token: string;
}

/**
 * A kubeconfig (YAML) with one cluster, user and context. Values are JSON strings, which YAML reads
 * as double-quoted scalars. GKE's API server takes the Google access token as a bearer token, as
 * gke-gcloud-auth-plugin hands it to kubectl.
 */
export function renderKubeconfig(parts: KubeconfigParts): string {
  const name = JSON.stringify(parts.name);
  const authority =
    parts.certificateAuthorityData === undefined
      ? ['      insecure-skip-tls-verify: true']
      : [`      certificate-authority-data: ${JSON.stringify(parts.certificateAuthorityData)}`];
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${name}`,
    '    cluster:',
    `      server: ${JSON.stringify(parts.server)}`,
    ...authority,
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
