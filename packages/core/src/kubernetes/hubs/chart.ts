/**
 * The zero-to-jupyterhub chart every hub is a release of.
 *
 * 4.4.0 (2026-06-10) is the newest release of the current major version: JupyterHub 5.5.0,
 * KubeSpawner 7.0.0, OAuthenticator 17.4.0, LTIAuthenticator 1.6.3, NativeAuthenticator 1.3.0 and
 * jupyterhub-idle-culler 1.4.0. It is a security release (a denial of service fix in JupyterHub), so
 * nothing older in 4.x should be deployed. The generated values are checked against its
 * `values.schema.yaml`; move the pin only together with that check.
 */
export const Z2JH_CHART = {
  chart: 'jupyterhub',
  repository: 'https://hub.jupyter.org/helm-chart/',
  version: '4.4.0',
} as const;
