import type { ResourceIntent } from './decide-step.js';
import type { FieldChange, IncludedResource, ResourceLayer, StepAction } from './resource.js';
import type { DestructiveNote, PlanCommand } from './safety.js';

/** One step of a plan: plain data, the same in `plan` output, `--output json` and the executor. */
export interface PlanStep {
  /** The resource's id, e.g. `nodegroup/users`. */
  id: string;
  kind: string;
  layer: ResourceLayer;
  /** Whether the deployment should end with the resource (`present`) or without it (`absent`). */
  intent: ResourceIntent;
  action: StepAction;
  /** Why, in a sentence a human can check. */
  reason: string;
  /** Field by field, old → new; secret values are redacted. */
  changes: FieldChange[];
  /** Steps that must finish first. For deletions this is the reverse of the resources' own dependencies. */
  dependsOn: string[];
  /** Present on a data volume kept because its hub's `storage.onDelete` is `retain`, or a resource kept for the data it holds. */
  retained?: true;
  /** On a resource kept for the data it holds (velero's bucket, a static IP): why, and what stays. */
  keeps?: string;
  /** What the step also makes or removes besides its resource (network, roles, load balancers), when it says. */
  includes?: IncludedResource[];
  /** Present when the step loses work or data; says which flags it needs. */
  destructive?: DestructiveNote;
  /** How long such a step usually takes, when the resource says. */
  typicalDurationMs?: number;
  /** What the step waits on while it runs, when the resource says. */
  waitingOn?: string;
}

/** How many steps of each action a plan has. */
export interface PlanCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  /** Steps with nothing to do, retained volumes included. */
  noop: number;
  retained: number;
  destructive: number;
}

/**
 * What `hubfleet plan` shows and `up`/`down` run: plain data, so `JSON.stringify(plan)` is the
 * `--output json` form. Steps are in dependency order.
 */
export interface Plan {
  formatVersion: 1;
  deployment: string;
  command: PlanCommand;
  steps: PlanStep[];
  counts: PlanCounts;
  /** True when every step is a no-op: the deployment already matches. */
  converged: boolean;
}
