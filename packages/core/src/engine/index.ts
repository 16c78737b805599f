export type { ApplyOptions, ApplyResult } from './apply.js';
export { applyPlan } from './apply.js';
export type { ApplyOutcome, ApplySummary, FailedStep, StepOutcome } from './apply-summary.js';
export { continueSentence, exitCodeOfRun, formatApplySummary } from './apply-summary.js';
export type { ResourceIntent, StepDecision } from './decide-step.js';
export { decideStep } from './decide-step.js';
export type {
  ApplyFinishedEvent,
  EngineEvent,
  EngineEventType,
  EngineListener,
  EventError,
  PlanStartedEvent,
  StepFailedEvent,
  StepFinishedEvent,
  StepRetryEvent,
  StepSkippedEvent,
  StepStartedEvent,
} from './events.js';
export { ACTION_SYMBOL, formatPlan } from './format-plan.js';
export { DEFAULT_PARALLELISM, parseParallelism } from './parallelism.js';
export type { PlanChangesOptions, PlanRuntimeOptions, PlanTeardownOptions } from './plan.js';
export { DEFAULT_OBSERVE_CONCURRENCY, planChanges, planTeardown } from './plan.js';
export type { Plan, PlanCounts, PlanStep } from './plan-types.js';
export { REDACTED } from './redact.js';
export type {
  AnyResourceNode,
  ChangeAction,
  FieldChange,
  IncludedResource,
  PlanValue,
  ResourceDiff,
  ResourceLayer,
  ResourceNode,
  SafetyFacts,
  StepAction,
  StepContext,
  VolumeOnDelete,
} from './resource.js';
export { RESOURCE_LAYERS } from './resource.js';
export type { RandomSource, RetryPolicy, Sleep } from './retry.js';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryable, sleepOnTimers } from './retry.js';
export type { DestructiveNote, PlanCommand, Refusal, SafetyFlag, SafetyFlags } from './safety.js';
export {
  assertStepsAllowed,
  describeSafetyFlag,
  destructiveNote,
  findRefusals,
  NO_SAFETY_FLAGS,
  refusalError,
} from './safety.js';
export { DEFAULT_TIMEOUT_MS_BY_KIND, defaultTimeoutMs } from './step-limits.js';
export { formatDuration } from './step-timeout.js';
export type { CriticalPath, StepTiming, TimingsFile } from './timings.js';
export { criticalPath, parseTimings, wallTimeMs } from './timings.js';
