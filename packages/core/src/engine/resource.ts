/**
 * The engine's unit of work: one thing hubfleet owns in a cloud or a cluster (the cluster, a nodegroup,
 * a hub's volume, a tool's helm release, ...). The engine knows nothing about clouds: everything
 * specific to a resource lives behind this interface, so the graph is built from the resources'
 * own declarations and never from a hand-kept order.
 */

/** Where a resource sits, used to group `plan` output. Listed in the order a deployment is built. */
export type ResourceLayer = 'cloud' | 'cluster-addons' | 'tools' | 'hubs';

/** The layers in build order. */
export const RESOURCE_LAYERS: readonly ResourceLayer[] = ['cloud', 'cluster-addons', 'tools', 'hubs'];

/** What a step does to its resource. */
export type StepAction = 'create' | 'update' | 'replace' | 'delete' | 'noop';

/** An action that changes something, i.e. every action but `noop`. */
export type ChangeAction = Exclude<StepAction, 'noop'>;

/** A value that survives `JSON.stringify` unchanged, so a plan stays plain data. */
export type PlanValue = string | number | boolean | null | PlanValue[] | { [key: string]: PlanValue };

/** One field that differs between what is observed and what the config asks for. */
export interface FieldChange {
  /** The field's path in the resource's own words, e.g. `instanceType` or `values.auth.clientSecret`. */
  field: string;
  /** The observed value; absent when the field is being set for the first time. */
  from?: PlanValue;
  /** The desired value; absent when the field is being removed. */
  to?: PlanValue;
  /** The values are secrets: the plan shows that they changed, never what they are. */
  secret?: boolean;
  /**
   * The field as keys and indexes, for a change deep inside a structure (a release's values:
   * `['values', 'singleuser', 'memory', 'guarantee']`), so keys with dots stay unambiguous and
   * `plan` can print the changes as one YAML diff.
   */
  path?: (string | number)[];
}

/** The result of comparing a desired resource with what was observed. */
export interface ResourceDiff {
  action: StepAction;
  /** Why, in a sentence a human can check, e.g. `instanceType cannot change in place`. */
  reason: string;
  changes: FieldChange[];
}

/** Something a step makes or removes besides its own resource, named in the plan (e.g. the cluster's VPC). */
export interface IncludedResource {
  /** e.g. `network`, `role`, `load-balancer`. */
  kind: string;
  name: string;
}

/** What the hub's `storage.onDelete` says to do with its data volume when the volume goes away. */
export type VolumeOnDelete = 'retain' | 'snapshot' | 'delete';

/**
 * Facts the safety gate needs to tell a harmless step from one that loses work or data.
 * Leave a fact out when it does not apply.
 */
export interface SafetyFacts {
  /** The resource is the Kubernetes cluster: deleting or replacing it removes everything running on it. */
  cluster?: boolean;
  /** User pods running on this nodegroup right now, as observed. */
  userPods?: number;
  /** An update of this nodegroup replaces its nodes (a rolling Kubernetes upgrade), draining their pods. */
  rollsNodes?: boolean;
  /**
   * The resource holds a hub's data. `retainedBecause` replaces the usual reason when a volume is
   * kept for another cause than its hub's `onDelete` (e.g. the hub no longer keeps homes on it).
   */
  dataVolume?: { hub: string; onDelete: VolumeOnDelete; retainedBecause?: string };
  /**
   * The resource holds data besides a hub's volume (a provider resource's `holdsData`: velero's
   * bucket, a static IP that DNS points at). Its delete is a no-op that says it is kept, unless
   * `onDelete` is `delete` and the run has `--delete-data`.
   */
  heldData?: { what: string; onDelete: 'retain' | 'delete'; keptBecause?: string };
}

/** Handed to a resource while it acts or waits. */
export interface StepContext {
  /**
   * Aborted when the user interrupts the run or the step's timeout passes. A resource stops at the
   * next safe point (never between two cloud calls that must go together) and then throws.
   */
  signal: AbortSignal;
  /** 1 for the first try, 2 for the first retry, and so on. */
  attempt: number;
}

/**
 * A resource as the engine sees it.
 *
 * `Observed` is whatever the resource's `observe` returns; the engine only passes it back to the same
 * resource, so it never needs to be serialisable.
 */
export interface ResourceNode<Observed = unknown> {
  /** Unique in the deployment: `<kind>/<name>`, e.g. `nodegroup/users`, `volume/course-a`. */
  readonly id: string;
  /** e.g. `network`, `cluster`, `nodegroup`, `kubeconfig`, `addon`, `tool`, `volume`, `storage-server`, `hub`. */
  readonly kind: string;
  readonly layer: ResourceLayer;
  /** Ids of the resources this one needs to exist and be ready first, declared by the resource itself. */
  readonly dependsOn: readonly string[];
  /** What the step waits on while it runs, for progress output, e.g. `EKS to create the control plane`. */
  readonly waitingOn?: string;
  /** How long this kind of step usually takes; used for progress output and to start long chains first. */
  readonly typicalDurationMs?: number;
  /** How long one attempt may take before it fails with a `timeout` error. @default by kind, see `defaultTimeoutMs` */
  readonly timeoutMs?: number;

  /** The resource as it exists now, found by its ownership tags, or `undefined` when it does not exist. */
  observe(): Promise<Observed | undefined>;
  /** Compare with the config. Only called for resources the config still wants. */
  diff(observed: Observed | undefined): ResourceDiff;
  /** Make the change. Must be idempotent: the engine retries it and re-runs it after an interruption. */
  apply(action: ChangeAction, observed: Observed | undefined, context: StepContext): Promise<void>;
  /** Wait until the change has taken effect (ready, or gone after a delete). Omit when `apply` already waits. */
  waitReady?(action: ChangeAction, context: StepContext): Promise<void>;
  /**
   * What the step also makes or removes besides the resource itself (the cluster's network and roles,
   * the load balancers of LoadBalancer Services), so the plan names them. Only asked for steps that act.
   */
  includes?(action: ChangeAction, observed: Observed | undefined): Promise<IncludedResource[]>;
  /** Facts for the safety gate; omit for resources that can never lose work or data. */
  safetyFacts?(observed: Observed | undefined): SafetyFacts;
}

/** A resource of any observed type, for collections of mixed resources. */
export type AnyResourceNode = ResourceNode<unknown>;
