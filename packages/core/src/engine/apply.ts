import { HubfleetError } from '../errors/index.js';
import type { ApplySummary } from './apply-summary.js';
import { DagRun } from './dag-run.js';
import type { EngineEvent, EngineListener } from './events.js';
import { parseParallelism } from './parallelism.js';
import type { Plan } from './plan-types.js';
import type { AnyResourceNode } from './resource.js';
import {
  DEFAULT_RETRY_POLICY,
  type RandomSource,
  type RetryPolicy,
  type Sleep,
  sleepOnTimers,
} from './retry.js';
import type { StepRuntime } from './run-step.js';
import { assertStepsAllowed, NO_SAFETY_FLAGS, type SafetyFlags } from './safety.js';
import type { TimingsFile } from './timings.js';

export interface ApplyOptions {
  plan: Plan;
  /** The resources the plan was made from (wanted and unwanted); matched to steps by id. */
  resources: readonly AnyResourceNode[];
  /** Steps in progress at once. @default DEFAULT_PARALLELISM */
  parallelism?: number;
  /** Permissions for destructive steps. @default NO_SAFETY_FLAGS */
  flags?: SafetyFlags;
  /** @default DEFAULT_RETRY_POLICY */
  retry?: RetryPolicy;
  /** Abort to interrupt: no step starts after it; running steps stop at a safe point. */
  signal?: AbortSignal;
  onEvent?: EngineListener;
  /** Epoch milliseconds. @default Date.now */
  now?: () => number;
  /** The wait between retries. @default Node's timers */
  sleep?: Sleep;
  /** Jitter source. @default Math.random */
  random?: RandomSource;
}

/** What a run returns: the summary to print and the `--timings` document. */
export interface ApplyResult {
  summary: ApplySummary;
  timings: TimingsFile;
}

function resourcesForSteps(plan: Plan, resources: readonly AnyResourceNode[]): Map<string, AnyResourceNode> {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  for (const step of plan.steps) {
    if (!byId.has(step.id)) {
      throw new HubfleetError({
        kind: 'internal',
        message: `The plan has a step for ${step.id}, but no resource with that id was given to apply it.`,
        subject: step.id,
      });
    }
  }
  return byId;
}

/**
 * Run a plan as a DAG: every step starts as soon as the steps it depends on are done, at most
 * `parallelism` at once, longest remaining chain first. A step that fails for good stops only
 * the steps that need it; independent branches finish. Destructive steps the flags do not allow
 * are refused before anything runs. Never throws once steps have started: the summary says how
 * it went.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  const { plan } = options;
  const flags = options.flags ?? NO_SAFETY_FLAGS;
  assertStepsAllowed(plan.steps, flags);
  const resources = resourcesForSteps(plan, options.resources);
  const parallelism = parseParallelism(options.parallelism);
  const signal = options.signal ?? new AbortController().signal;
  const now = options.now ?? Date.now;
  const emit = (event: EngineEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken progress renderer must not leave cloud resources half-built: the run goes on.
    }
  };
  const runtime: StepRuntime = {
    command: plan.command,
    flags,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    sleep: options.sleep ?? sleepOnTimers,
    random: options.random ?? Math.random,
    now,
    signal,
    emit,
  };
  return new DagRun(plan, resources, parallelism, runtime).run();
}
