/** One Helm release hubfleet installs: what `hubfleet render` lists and `up` runs `helm upgrade --install` with. */
export interface ReleaseSpec {
  /** Release name, unique in its namespace, e.g. `ingress-nginx` or the hub's name. */
  release: string;
  namespace: string;
  /** Chart name in its repository, or a path under the repo's `charts/` for the project's own charts. */
  chart: string;
  /** Chart repository URL; `local` for the project's own charts in `charts/`. */
  repository: string;
  /** Pinned chart version: never floating. */
  version: string;
  /** Values passed with `--values`; never contain a secret value (secrets go into Kubernetes Secrets). */
  values: Record<string, unknown>;
  /** Releases that must be ready first (by `namespace/release`), e.g. cert-manager before the ClusterIssuer. */
  dependsOn: string[];
  /** Why this release exists, for `plan`. */
  reason: string;
}

/** A Kubernetes object applied without Helm (a Secret holding a hub's OAuth client secret, a ClusterIssuer). */
export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
};

export function releaseId(release: Pick<ReleaseSpec, 'namespace' | 'release'>): string {
  return `${release.namespace}/${release.release}`;
}
