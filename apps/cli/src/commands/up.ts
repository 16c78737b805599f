import { ExitCode, type SafetyFlags } from '@hubfleet/core';
import { observeDeploymentStatus } from '@hubfleet/core/deployment';
import { exitCodeOfRun, parseParallelism } from '@hubfleet/core/engine';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';
import { planUp } from '../deploy/plan-deployment.js';
import { printPlan, printStatus } from '../deploy/print.js';
import { printWarnings, runPlan, warnTimings } from '../deploy/run-plan.js';
import { checkTimingsPath } from '../deploy/timings-file.js';
import { askOnTerminal, canAsk } from '../safety/ask.js';
import { confirmChanges } from '../safety/confirm-changes.js';

export interface UpOptions extends CloudCommandOptions {
  output: 'text' | 'json';
  yes?: boolean;
  parallelism?: string;
  timings?: string;
  allowReplace?: boolean;
  deleteData?: boolean;
}

/**
 * Converge the deployment on the config: print the plan, apply it with progress, then print the
 * status. Re-running after any interruption picks up where it stopped: every step observes first.
 * Flags are checked before anything is read; destructive steps the flags do not allow are refused
 * (exit 3) before anyone is asked to confirm.
 */
export async function upCommand(options: UpOptions): Promise<number> {
  const parallelism = parseParallelism(options.parallelism);
  if (options.timings !== undefined) checkTimingsPath(options.timings);
  const flags: SafetyFlags = {
    allowReplace: options.allowReplace === true,
    deleteData: options.deleteData === true,
    teardown: false,
  };
  const open = await openDeployment(options);
  try {
    const run = await planUp(open);
    printPlan(run.plan, options.output);
    if (run.plan.converged) {
      printStatus(await observeDeploymentStatus(open.graph), options.output);
      return ExitCode.ok;
    }
    await confirmChanges({
      steps: run.plan.steps,
      flags,
      yes: options.yes === true,
      interactive: canAsk(),
      ask: askOnTerminal,
    });
    const outcome = await runPlan(open, run, {
      flags,
      output: options.output,
      parallelism,
      ...(options.timings === undefined ? {} : { timings: options.timings }),
    });
    printWarnings(open);
    if (outcome.summary.outcome !== 'succeeded') {
      warnTimings(outcome);
      return exitCodeOfRun(outcome.summary);
    }
    printStatus(await observeDeploymentStatus(open.graph), options.output);
    if (outcome.timingsError !== undefined) throw outcome.timingsError;
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
