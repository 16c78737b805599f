import type { ReleaseSpec } from '../release.js';
import type { KubeObject, ListOptions, ManifestApplier } from './manifest-applier.js';
import { HELM_RECORD_SELECTOR, type InstalledRelease, latestReleases } from './release-records.js';
import { belongsToRelease, isWorkloadReady, WORKLOAD_KINDS } from './workload-readiness.js';

/** Which release: what `helm status <release> -n <namespace>` names. */
export type ReleaseTarget = Pick<ReleaseSpec, 'release' | 'namespace'>;

/** A cluster to install into: credentials for helm, and hubfleet's own client. */
export interface ClusterAccess {
  /** A kubeconfig (YAML) with credentials valid for at least a few minutes. */
  kubeconfig: string;
  api: ManifestApplier;
  /**
   * `api.list` through the caller's read cache, so that observing every release of a plan costs
   * one list of release records, not one read per release.
   */
  list(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeObject[]>;
}

/** Whether a release's workloads are ready, and if not, which one is still waiting. */
export interface ReleaseReadiness {
  ready: boolean;
  /** e.g. `Deployment hub-a/hub: 0 of 1 ready`; absent when ready. */
  waitingFor?: string;
}

/**
 * Installs the Kubernetes layer's releases. Two implementations: `helmInstaller` (the real helm
 * binary against a real cluster) and `simulatedInstaller` (`--sim`: the project's own charts
 * rendered by helm and applied to the simulated API server, upstream charts stood in for). Both
 * observe through helm's release records, so what one installed, the same `observe` reads back.
 */
export interface ReleaseInstaller {
  readonly kind: 'helm' | 'simulated';
  /** What is installed, from the newest release record; undefined when nothing is. */
  observe(target: ReleaseTarget, cluster: ClusterAccess): Promise<InstalledRelease | undefined>;
  /** Install or upgrade to exactly `release`. Idempotent. */
  install(release: ReleaseSpec, cluster: ClusterAccess): Promise<void>;
  /** Remove the release; resolves when it was not installed. */
  uninstall(target: ReleaseTarget, cluster: ClusterAccess): Promise<void>;
  /** Whether the release's workloads are ready now. */
  readiness(target: ReleaseTarget, cluster: ClusterAccess): Promise<ReleaseReadiness>;
  /** True when `install` returns only after the workloads are ready (helm --wait). */
  readonly installWaits: boolean;
  /**
   * Sim only: serve a kind an upstream chart's CRDs would define (e.g. cert-manager's ClusterIssuer),
   * since upstream charts are stood in for rather than installed.
   */
  standInKind?(apiVersion: string, kind: string, cluster: ClusterAccess): Promise<void>;
}

/** The newest release record of `target`, from one cached list of every record in the cluster. */
export async function observeRelease(
  target: ReleaseTarget,
  cluster: ClusterAccess,
): Promise<InstalledRelease | undefined> {
  const secrets = await cluster.list('v1', 'Secret', { labelSelector: HELM_RECORD_SELECTOR });
  return latestReleases(secrets).get(`${target.namespace}/${target.release}`);
}

function describeWaiting(object: KubeObject): string {
  const status = (object.status ?? {}) as Record<string, unknown>;
  const ready = object.kind === 'DaemonSet' ? status.numberReady : status.readyReplicas;
  const wanted =
    object.kind === 'DaemonSet'
      ? status.desiredNumberScheduled
      : ((object.spec as Record<string, unknown> | undefined)?.replicas ?? 1);
  return `${object.kind} ${object.metadata.namespace}/${object.metadata.name}: ${Number(ready ?? 0)} of ${Number(wanted ?? 0)} ready`;
}

/** Readiness from the workloads labelled with the release (cached lists of each workload kind). */
export async function workloadReadiness(
  target: ReleaseTarget,
  cluster: ClusterAccess,
): Promise<ReleaseReadiness> {
  for (const { apiVersion, kind } of WORKLOAD_KINDS) {
    const objects = await cluster.list(apiVersion, kind);
    const waiting = objects.find((object) => belongsToRelease(object, target) && !isWorkloadReady(object));
    if (waiting !== undefined) return { ready: false, waitingFor: describeWaiting(waiting) };
  }
  return { ready: true };
}
