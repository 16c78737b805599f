/**
 * A kubeconfig (as JSON, which every kubeconfig reader accepts since JSON is YAML) for a fake
 * cluster, e.g. for a cloud fake's "get credentials" answer or a test's `kc.loadFromString`.
 */
export function kubeconfigFor(server: string, token = 'fake-token', name = 'fake'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  };
}
