import type { KubeObject, ListOptions, ObjectRef } from '../../kubernetes/install/manifest-applier.js';
import type { Manifest } from '../../kubernetes/release.js';

/**
 * Where a provider resource sits among core's own steps. A provider names anchors, never step ids,
 * so core can rename its steps without breaking providers. Anchors that name nothing in this
 * deployment (a disabled tool, a nodegroup the config does not have) are ignored.
 *
 * - `cluster`: the cluster step.
 * - `nodegroups`: every nodegroup step; `nodegroup:<name>`: one of them.
 * - `volumes`: every hub's volume step.
 * - `tool:<release>`: a tool's helm release by release name, e.g. `tool:ingress-nginx`.
 * - `hubs`: every hub's release.
 * - `resource:<name>`: another resource of the same provider.
 */
export type ResourceAnchorV1 =
  | 'cluster'
  | 'nodegroups'
  | `nodegroup:${string}`
  | 'volumes'
  | `tool:${string}`
  | 'hubs'
  | `resource:${string}`;

/** One field that differs, in the provider's words (shown by `plan`). */
export interface ProviderResourceFieldV1 {
  field: string;
  from?: string | number | boolean;
  to?: string | number | boolean;
}

/** What `diff` decides for a resource the deployment wants. */
export interface ProviderResourceDiffV1 {
  action: 'create' | 'update' | 'noop';
  /** A sentence a human can check, e.g. `aws-ebs-csi-driver is not installed`. */
  reason: string;
  changes?: ProviderResourceFieldV1[];
}

/** Facts about the deployment that exist only once parts of it do. */
export interface DeploymentFactsV1 {
  /** The cluster's Service range as the cloud reports it (`ObservedClusterV1.serviceCidr`). */
  serviceCidr?: string;
  /** The ingress load balancer's external address (IP or host name), once the cloud gave it one. */
  ingressAddress?: string;
}

/**
 * What a provider resource holds that must outlive the deployment unless the operator says
 * otherwise (a backup bucket, a static IP that DNS points at): see `ProviderResourceV1.holdsData`.
 */
export interface ResourceDataV1 {
  /** What goes with the resource, for `plan` and `down`, e.g. `S3 bucket prod-velero-backups with velero's backups`. */
  what: string;
  /**
   * What the config says to do with it when the deployment goes: `delete` only where the config
   * asks for data to go (`dataOnDelete(config)`: every hub's `storage.onDelete` is `delete`);
   * `retain` keeps it whatever the flags.
   */
  onDelete: 'retain' | 'delete';
  /** Why it is kept when `onDelete` is `retain`, e.g. `reserved outside hubfleet (adopted)`. */
  keptBecause?: string;
}

/** The cluster's Kubernetes API as a provider resource may use it (hubfleet's own client). */
export interface KubernetesAccessV1 {
  /** A kubeconfig (YAML) valid for at least a few minutes, e.g. for a tool the provider runs. */
  kubeconfig: string;
  /** Server-side apply as field manager `hubfleet`. */
  apply(manifest: Manifest): Promise<KubeObject>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeObject[]>;
  /** False when it was already gone. */
  delete(ref: ObjectRef): Promise<boolean>;
}

/** Handed to a provider resource while it is observed, applied or waited for. */
export interface ResourceContextV1 {
  /** The cluster's Kubernetes API, or undefined while the cluster (or its endpoint) does not exist. */
  kubernetes(): Promise<KubernetesAccessV1 | undefined>;
  /**
   * The facts known now. `ingressAddress` is read from the cluster when asked for (the ingress
   * controller's LoadBalancer Service), so a resource anchored after `tool:ingress-nginx` sees it.
   */
  facts(): Promise<DeploymentFactsV1>;
  /** Aborted when the user interrupts or the step times out: stop at the next safe point. */
  signal: AbortSignal;
}

/**
 * A step a provider adds to the deployment graph (EKS add-ons, an OpenStack floating IP associated
 * once the ingress load balancer exists, a GKE static address, NeCTAR's security group, VMs and
 * kubeadm joins). Core turns it into an engine resource with id `<kind>/<name>`: planned, applied in
 * dependency order by `up`, deleted in reverse order by `down`, listed by `status`.
 *
 * Observation must be cheap and by ownership tags or names: `observe` runs on every plan, and its
 * result is shared within a plan.
 */
export interface ProviderResourceV1<Observed = unknown> {
  /** Unique among the provider's resources; with `kind` it forms the step id `<kind>/<name>`. */
  readonly name: string;
  /** e.g. `addon`, `floating-ip`, `security-group`, `vm`. */
  readonly kind: string;
  /** Where `plan` groups it. @default 'cloud' */
  readonly layer?: 'cloud' | 'cluster-addons';
  /** What the step waits on while it runs, for progress output. */
  readonly waitingOn?: string;
  /** How long creating it usually takes; long chains start first. */
  readonly typicalDurationMs?: number;
  /** What must exist and be ready before this resource is made (and outlive it in `down`). */
  readonly dependsOn?: readonly ResourceAnchorV1[];
  /** What must wait for this resource (and go before it in `down`). */
  readonly requiredBy?: readonly ResourceAnchorV1[];
  /** The resource as it exists now, or undefined when it does not. May throw a retryable error. */
  observe(context: ResourceContextV1): Promise<Observed | undefined>;
  /** Compare with what the deployment wants. */
  diff(observed: Observed | undefined): ProviderResourceDiffV1;
  /**
   * Set on a resource that holds data, or something an operator cannot get back once it is gone
   * (velero's bucket, a static IP that DNS points at); undefined for an observed resource that
   * holds none. Such a resource is kept when the deployment goes: its delete becomes a no-op, shown
   * as retained by `plan` and listed as kept by `down`, unless its `onDelete` is `delete` AND the
   * command has `--delete-data`. Only then is `apply('delete')` called (so it may delete the data,
   * e.g. empty the bucket first). Asked only of a resource that exists.
   */
  holdsData?(observed: Observed): ResourceDataV1 | undefined;
  /** Make the change; idempotent (the engine retries it and re-runs it after an interruption). */
  apply(action: 'create' | 'update' | 'delete', context: ResourceContextV1): Promise<void>;
  /**
   * Whether a created or updated resource is ready; core polls `observe` until it is. Throw a
   * non-retryable `HubfleetError` when the cloud reports it failed. @default ready once observed
   */
  ready?(observed: Observed): boolean;
}
