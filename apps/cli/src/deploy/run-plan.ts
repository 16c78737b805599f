import { writeFileSync } from 'node:fs';
import { type ApplySummary, HubfleetError, type SafetyFlags } from '@hubfleet/core';
import { applyPlan } from '@hubfleet/core/engine';
import { chooseRenderer, createProgressRenderer } from '../progress/index.js';
import { handleInterrupts } from '../safety/interrupt.js';
import type { OpenDeployment } from './open-deployment.js';
import type { PlannedRun } from './plan-deployment.js';

export interface RunPlanOptions {
  flags: SafetyFlags;
  output: 'text' | 'json';
  /** `--parallelism`, as typed. */
  parallelism?: string;
  /** `--timings FILE`: every step's start, end and dependencies. */
  timings?: string;
}

function parseParallelism(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `--parallelism must be a whole number of at least 1, not "${text}"`,
      hint: 'leave it out for the default, or use 1 to run one step at a time',
    });
  }
  return value;
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
): Promise<ApplySummary> {
  const parallelism = parseParallelism(options.parallelism);
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
      signal: interrupts.signal,
      onEvent: renderer.onEvent,
      ...(parallelism === undefined ? {} : { parallelism }),
      ...(open.retry === undefined ? {} : { retry: open.retry }),
    });
    if (options.timings !== undefined) {
      writeFileSync(options.timings, `${JSON.stringify(result.timings, null, 2)}\n`);
    }
    return result.summary;
  } finally {
    await renderer.close();
    interrupts.dispose();
  }
}

/** Soft gaps the provider reported while applying, one line each on stderr. */
export function printWarnings(open: OpenDeployment): void {
  for (const warning of open.graph.context.warnings) {
    const text = warning.type === 'unsupported' ? `${warning.feature}: ${warning.detail}` : warning.message;
    process.stderr.write(`warning: ${text}\n`);
  }
}
