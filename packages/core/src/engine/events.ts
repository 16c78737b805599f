import type { HubfleetErrorKind } from '../errors/index.js';
import type { ApplySummary, StepOutcome } from './apply-summary.js';
import type { ResourceLayer, StepAction } from './resource.js';
import type { PlanCommand } from './safety.js';

/** An error as events carry it: plain data, ready for JSON lines. */
export interface EventError {
  kind: HubfleetErrorKind;
  message: string;
  hint?: string;
}

interface EventBase {
  /** When it happened, epoch milliseconds. */
  at: number;
}

/** The executor starts running a plan; lists the steps it will run (no-ops left out). */
export interface PlanStartedEvent extends EventBase {
  type: 'plan-started';
  deployment: string;
  command: PlanCommand;
  parallelism: number;
  steps: { id: string; kind: string; layer: ResourceLayer; action: StepAction; dependsOn: string[] }[];
}

/** A step took a slot and began: observe → act → wait until ready. */
export interface StepStartedEvent extends EventBase {
  type: 'step-started';
  id: string;
  kind: string;
  action: StepAction;
  /** What the step waits on while it runs, e.g. `EKS to create the control plane`. */
  waitingOn: string;
  /** How long such a step usually takes, when known. */
  typicalDurationMs?: number;
}

/** An attempt failed with a retryable error; the next attempt starts after `delayMs`. */
export interface StepRetryEvent extends EventBase {
  type: 'step-retry';
  id: string;
  /** The attempt that starts after the delay: 2 for the first retry. */
  attempt: number;
  delayMs: number;
  error: EventError;
}

/** A step ended without failing. */
export interface StepFinishedEvent extends EventBase {
  type: 'step-finished';
  id: string;
  /**
   * `done`: it changed something; `unchanged`: observation showed nothing left to do;
   * `interrupted`: the run was interrupted and the step stopped at a safe point.
   */
  outcome: Extract<StepOutcome, 'done' | 'unchanged' | 'interrupted'>;
  /** The action it took, after re-observing (may be `noop` where the plan said otherwise). */
  action: StepAction;
  durationMs: number;
  attempts: number;
}

/** A step failed for good: its dependents will not start. */
export interface StepFailedEvent extends EventBase {
  type: 'step-failed';
  id: string;
  error: EventError;
  /** What to do about it, from the error. */
  hint?: string;
  durationMs: number;
  attempts: number;
}

/** A step will not start, because a step it needs failed or the run was interrupted. */
export interface StepSkippedEvent extends EventBase {
  type: 'step-skipped';
  id: string;
  reason: 'dependency-failed' | 'interrupted';
  /** The failed step it waited on, for `dependency-failed`. */
  blockedBy?: string;
}

/** The run ended: everything that was going to finish has. */
export interface ApplyFinishedEvent extends EventBase {
  type: 'apply-finished';
  summary: ApplySummary;
}

/** Everything the engine reports while it applies a plan. Plain data: `JSON.stringify` gives a JSON line. */
export type EngineEvent =
  | PlanStartedEvent
  | StepStartedEvent
  | StepRetryEvent
  | StepFinishedEvent
  | StepFailedEvent
  | StepSkippedEvent
  | ApplyFinishedEvent;

export type EngineEventType = EngineEvent['type'];

/** Receives engine events, synchronously and in order. Keep it quick: the engine waits for it. */
export type EngineListener = (event: EngineEvent) => void;
