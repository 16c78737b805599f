import { decideStep } from './decide-step.js';
import { toEventError } from './event-error.js';
import type { EngineEvent } from './events.js';
import type { PlanStep } from './plan-types.js';
import type { AnyResourceNode, StepAction } from './resource.js';
import { interruptedError, type RandomSource, type RetryPolicy, type Sleep, withRetries } from './retry.js';
import { type PlanCommand, refusalError, refusalFor, type SafetyFlags } from './safety.js';
import { defaultTimeoutMs } from './step-limits.js';
import { runWithTimeout } from './step-timeout.js';

/** What every step of a run shares. */
export interface StepRuntime {
  command: PlanCommand;
  flags: SafetyFlags;
  retry: RetryPolicy;
  sleep: Sleep;
  random: RandomSource;
  now: () => number;
  /** Aborts when the user interrupts the run. */
  signal: AbortSignal;
  emit: (event: EngineEvent) => void;
}

/** How one step ended. */
export interface StepResult {
  outcome: 'done' | 'unchanged' | 'failed' | 'interrupted';
  /** What the step did after re-observing; the planned action when it failed before deciding. */
  action: StepAction;
  attempts: number;
  start: number;
  end: number;
  error?: unknown;
}

/**
 * One attempt: observe again, decide again (the world may have moved since the plan, e.g. an
 * interrupted run already created the resource), check safety, act, wait until ready.
 */
async function attemptStep(
  step: PlanStep,
  resource: AnyResourceNode,
  runtime: StepRuntime,
  attempt: number,
  signal: AbortSignal,
): Promise<StepAction> {
  const observed = await resource.observe();
  const decision = decideStep(resource, step.intent, observed, runtime.command, runtime.flags.deleteData);
  if (decision.action === 'noop') return 'noop';
  const refusal = refusalFor(step.id, decision.destructive, runtime.flags);
  if (refusal !== undefined) throw refusalError([refusal]);
  // The last safe point before the cloud is asked to change anything.
  if (signal.aborted) throw interruptedError(step.id);
  const context = { signal, attempt };
  await resource.apply(decision.action, observed, context);
  await resource.waitReady?.(decision.action, context);
  return decision.action;
}

function startedEvent(step: PlanStep, at: number): EngineEvent {
  const waitingOn = step.waitingOn ?? `${step.kind} to be ${step.action === 'delete' ? 'deleted' : 'ready'}`;
  return {
    type: 'step-started',
    at,
    id: step.id,
    kind: step.kind,
    action: step.action,
    waitingOn,
    ...(step.typicalDurationMs === undefined ? {} : { typicalDurationMs: step.typicalDurationMs }),
  };
}

/** Run one step with retries and a time limit per attempt, reporting as it goes. Never throws. */
export async function runStep(
  step: PlanStep,
  resource: AnyResourceNode,
  runtime: StepRuntime,
): Promise<StepResult> {
  const start = runtime.now();
  runtime.emit(startedEvent(step, start));
  let attempts = 0;
  const limit = {
    timeoutMs: defaultTimeoutMs(resource),
    subject: step.id,
    kind: step.kind,
    parent: runtime.signal,
  };
  try {
    const action = await withRetries(
      (attempt) => {
        attempts = attempt;
        return runWithTimeout((signal) => attemptStep(step, resource, runtime, attempt, signal), limit);
      },
      {
        policy: runtime.retry,
        sleep: runtime.sleep,
        random: runtime.random,
        signal: runtime.signal,
        onRetry: ({ attempt, delayMs, error }) =>
          runtime.emit({
            type: 'step-retry',
            at: runtime.now(),
            id: step.id,
            attempt,
            delayMs,
            error: toEventError(error),
          }),
      },
    );
    const end = runtime.now();
    const outcome = action === 'noop' ? 'unchanged' : 'done';
    runtime.emit({
      type: 'step-finished',
      at: end,
      id: step.id,
      outcome,
      action,
      durationMs: end - start,
      attempts,
    });
    return { outcome, action, attempts, start, end };
  } catch (error) {
    const end = runtime.now();
    const durationMs = end - start;
    if (runtime.signal.aborted) {
      runtime.emit({
        type: 'step-finished',
        at: end,
        id: step.id,
        outcome: 'interrupted',
        action: step.action,
        durationMs,
        attempts,
      });
      return { outcome: 'interrupted', action: step.action, attempts, start, end, error };
    }
    const reported = toEventError(error);
    runtime.emit({
      type: 'step-failed',
      at: end,
      id: step.id,
      error: reported,
      ...(reported.hint === undefined ? {} : { hint: reported.hint }),
      durationMs,
      attempts,
    });
    return { outcome: 'failed', action: step.action, attempts, start, end, error };
  }
}
