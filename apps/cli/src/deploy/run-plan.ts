import type { ApplySummary, HubfleetError, SafetyFlags } from '@hubfleet/core';
import { applyPlan } from '@hubfleet/core/engine';
import { chooseRenderer, createProgressRenderer } from '../progress/index.js';
import { handleInterrupts } from '../safety/interrupt.js';
import type { OpenDeployment } from './open-deployment.js';
import type { PlannedRun } from './plan-deployment.js';
import { writeTimingsFile } from './timings-file.js';

export interface RunPlanOptions {
  flags: SafetyFlags;
  output: 'text' | 'json';
  /** `--parallelism`, already parsed (`parseParallelism`, before planning). */
  parallelism: number;
  /** `--timings FILE`, already checked (`checkTimingsPath`, before planning). */
  timings?: string;
  /** Aborted when the deployment's lock is lost mid-run: start no further steps, as on Ctrl-C. */
  lockLost?: AbortSignal;
}

export interface RunOutcome {
  summary: ApplySummary;
  /** The `--timings` file could not be written; the run itself is in `summary`. */
  timingsError?: HubfleetError;
}

/**
 * Run a plan with live progress (a task list on a terminal, plain lines otherwise, JSON lines for
 * `--output json`). The first Ctrl-C stops launching steps and lets running ones reach a safe point;
 * the second exits at once. Writes `--timings` when asked, whatever the outcome.
 */
export async function runPlan(
  open: OpenDeployment,
  run: PlannedRun,
  options: RunPlanOptions,
): Promise<RunOutcome> {
  open.graph.goLive();
  const renderer = createProgressRenderer(
    chooseRenderer({ isTTY: process.stdout.isTTY === true, env: process.env, output: options.output }),
  );
  const interrupts = handleInterrupts();
  try {
    const result = await applyPlan({
      plan: run.plan,
      resources: run.resources,
      flags: options.flags,
      signal:
        options.lockLost === undefined
          ? interrupts.signal
          : AbortSignal.any([interrupts.signal, options.lockLost]),
      onEvent: renderer.onEvent,
      parallelism: options.parallelism,
      ...(open.retry === undefined ? {} : { retry: open.retry }),
    });
    const timingsError =
      options.timings === undefined ? undefined : writeTimingsFile(options.timings, result.timings);
    return { summary: result.summary, ...(timingsError === undefined ? {} : { timingsError }) };
  } finally {
    await renderer.close();
    interrupts.dispose();
  }
}

/** After a run that did not succeed: the `--timings` problem, if any, as one warning line (the run's own failure decides the exit code). */
export function warnTimings(outcome: RunOutcome): void {
  const problem = outcome.timingsError;
  if (problem !== undefined) process.stderr.write(`warning: ${problem.message}\n`);
}

/** Soft gaps the provider reported while applying, and what a person should know (snapshots taken), one line each on stderr. */
export function printWarnings(open: OpenDeployment): void {
  for (const warning of open.graph.context.warnings) {
    const text = warning.type === 'unsupported' ? `${warning.feature}: ${warning.detail}` : warning.message;
    process.stderr.write(`warning: ${text}\n`);
  }
  for (const notice of open.graph.context.notices) process.stderr.write(`note: ${notice}\n`);
}
