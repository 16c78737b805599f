/** What a kubeconfig for one EKS cluster holds. */
export interface KubeconfigParts {
  clusterName: string;
  /** The API server URL. */
  server: string;
  /** Base64 PEM of the cluster CA, as EKS gives it; absent only for a plain-HTTP (simulated) server. */
  certificateAuthorityData?: string;
  token: string;
}

/**
 * A kubeconfig (YAML) with one cluster, user and context named after the cluster. Every value is
 * written as a JSON string, which YAML reads as a double-quoted scalar: no escaping surprises.
 */
export function renderKubeconfig(parts: KubeconfigParts): string {
  const name = JSON.stringify(parts.clusterName);
  // A plain-HTTP server (the simulated API) has no CA; Kubernetes clients then insist on the flag.
  const authority =
    parts.certificateAuthorityData === undefined
      ? ['    insecure-skip-tls-verify: true']
      : [`    certificate-authority-data: ${JSON.stringify(parts.certificateAuthorityData)}`];
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${name}`,
    '    cluster:',
    `      server: ${JSON.stringify(parts.server)}`,
    ...authority.map((line) => `  ${line}`),
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
