import { ExitCode, type SafetyFlags } from '@hubfleet/core';
import { observeDeploymentStatus } from '@hubfleet/core/deployment';
import { exitCodeOfRun, parseParallelism } from '@hubfleet/core/engine';
import { type CloudCommandOptions, type OpenDeployment, openDeployment } from '../deploy/open-deployment.js';
import { type PlannedRun, planUp } from '../deploy/plan-deployment.js';
import { printPlan, printStatus } from '../deploy/print.js';
import { printWarnings, runPlan, warnTimings } from '../deploy/run-plan.js';
import { takeDeploymentLock } from '../deploy/take-lock.js';
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
 * (exit 3) before anyone is asked to confirm. A plan with changes is applied only with `--yes` or a
 * "yes" typed on a terminal; without either `up` stays read-only and refuses (exit 3). A run that
 * applies holds the deployment's lock from before its final plan until it ends.
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
    const first = await planUp(open);
    const mayApply = options.yes === true || canAsk();
    if (first.plan.converged || !mayApply)
      return await planAndApply(open, first, options, flags, parallelism);
    // Changes to make: hold the lock, then plan again, so what is applied is what the cloud holds
    // now that no other run can change it (one that just finished may have done it all). Both plans
    // are needed: the first decides whether to take the lock at all (a converged `up` stays read-only,
    // writes no lock and answers even while another run holds it), and the lock keeps no history, so
    // nothing short of observing again tells whether another run changed the cloud in between. The
    // first plan's reads are not reused (the cache is refreshed); it is a few list calls.
    const lock = await takeDeploymentLock(open);
    try {
      open.graph.context.cache.refresh();
      return await planAndApply(open, await planUp(open), options, flags, parallelism, lock.lost);
    } finally {
      await lock.release();
    }
  } finally {
    await open.close();
  }
}

async function planAndApply(
  open: OpenDeployment,
  run: PlannedRun,
  options: UpOptions,
  flags: SafetyFlags,
  parallelism: number,
  lockLost?: AbortSignal,
): Promise<number> {
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
    ...(lockLost === undefined ? {} : { lockLost }),
  });
  printWarnings(open);
  if (outcome.summary.outcome !== 'succeeded') {
    warnTimings(outcome);
    return exitCodeOfRun(outcome.summary);
  }
  printStatus(await observeDeploymentStatus(open.graph), options.output);
  if (outcome.timingsError !== undefined) throw outcome.timingsError;
  return ExitCode.ok;
}
