import { ExitCode, type SafetyFlags } from '@hubfleet/core';
import { releaseClusterBase } from '@hubfleet/core/deployment';
import { assertStepsAllowed, exitCodeOfRun, parseParallelism } from '@hubfleet/core/engine';
import { type CloudCommandOptions, type OpenDeployment, openDeployment } from '../deploy/open-deployment.js';
import { type PlannedRun, planDown } from '../deploy/plan-deployment.js';
import { printLine, printPlan } from '../deploy/print.js';
import { runPlan, warnTimings } from '../deploy/run-plan.js';
import { takeDeploymentLock } from '../deploy/take-lock.js';
import { checkTimingsPath } from '../deploy/timings-file.js';
import { askOnTerminal, canAsk } from '../safety/ask.js';
import { confirmTeardown } from '../safety/confirm-teardown.js';

export interface DownOptions extends CloudCommandOptions {
  output: 'text' | 'json';
  yes?: boolean;
  deleteData?: boolean;
  timings?: string;
  parallelism?: string;
}

/**
 * Remove the deployment: hub releases, LoadBalancer Services, nodegroups, cloud add-ons, the
 * cluster, then the network and roles hubfleet made. Hub volumes follow their `onDelete`: kept by
 * default, deleted (or snapshotted, then deleted) only with `--delete-data`; provider resources
 * that hold data (velero's bucket, a static IP) are kept unless `onDelete: delete` and
 * `--delete-data`. A person types the deployment name, or the command carries `--yes`; with
 * neither and no terminal it refuses (exit 3). A run that may delete holds the deployment's lock
 * from before its only plan until it ends.
 */
export async function downCommand(options: DownOptions): Promise<number> {
  const parallelism = parseParallelism(options.parallelism);
  if (options.timings !== undefined) checkTimingsPath(options.timings);
  const open = await openDeployment(options);
  try {
    const deleteData = { deleteData: options.deleteData === true };
    // Without --yes or a terminal nothing can be deleted: plan, print and refuse, without the lock.
    if (options.yes !== true && !canAsk())
      return await confirmAndDelete(open, await planDown(open, deleteData), options, parallelism);
    // A run that may delete takes the lock whatever there is, then plans once: what it shows and
    // deletes is what the cloud holds now that no other run can change it.
    const lock = await takeDeploymentLock(open);
    try {
      return await confirmAndDelete(open, await planDown(open, deleteData), options, parallelism, lock.lost);
    } finally {
      await lock.release();
    }
  } finally {
    await open.close();
  }
}

async function confirmAndDelete(
  open: OpenDeployment,
  run: PlannedRun,
  options: DownOptions,
  parallelism: number,
  lockLost?: AbortSignal,
): Promise<number> {
  printPlan(run.plan, options.output);
  if (run.plan.converged) {
    // Only the network and roles of a cluster already gone may be left: each removal is idempotent.
    await releaseClusterBase(open.graph);
    return ExitCode.ok;
  }
  const flags: SafetyFlags = {
    allowReplace: false,
    deleteData: options.deleteData === true,
    teardown: true,
  };
  assertStepsAllowed(run.plan.steps, flags);
  await confirmTeardown({
    deployment: open.config.name,
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
  if (outcome.summary.outcome !== 'succeeded') {
    warnTimings(outcome);
    return exitCodeOfRun(outcome.summary);
  }
  await releaseClusterBase(open.graph);
  const retained = run.plan.steps.filter((step) => step.retained === true);
  const { notices } = open.graph.context;
  if (options.output === 'json')
    printLine('down-finished', { retained: retained.map((step) => step.id), notices });
  else {
    const volumes = retained.filter((step) => step.keeps === undefined).map((step) => step.id);
    if (volumes.length > 0) {
      process.stdout.write(
        `Kept (storage.onDelete: retain): ${volumes.join(', ')}; a hub of the same name adopts it on the next up.\n`,
      );
    }
    for (const step of retained)
      if (step.keeps !== undefined) process.stdout.write(`Kept ${step.id}: ${step.keeps}.\n`);
    for (const notice of notices) process.stdout.write(`${notice}\n`);
  }
  if (outcome.timingsError !== undefined) throw outcome.timingsError;
  return ExitCode.ok;
}
