import { ExitCode, HubfleetError } from '@hubfleet/core';
import { observeDeploymentStatus } from '@hubfleet/core/deployment';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';
import { planUp } from '../deploy/plan-deployment.js';
import { printPlan, printStatus } from '../deploy/print.js';
import { printWarnings, runPlan } from '../deploy/run-plan.js';
import { askOnTerminal, canAsk } from '../safety/ask.js';

export interface UpOptions extends CloudCommandOptions {
  output: 'text' | 'json';
  yes?: boolean;
  parallelism?: string;
  timings?: string;
  allowReplace?: boolean;
  deleteData?: boolean;
}

/** On a terminal without `--yes`, a person says yes to a plan that changes something. */
async function confirmChanges(options: UpOptions): Promise<void> {
  if (options.yes === true || !canAsk()) return;
  const answer = (await askOnTerminal('Apply this plan? Type "yes" to go on: ')).trim().toLowerCase();
  if (answer !== 'yes' && answer !== 'y') {
    throw new HubfleetError({
      kind: 'refused',
      message: 'not applied: nothing was changed',
      hint: 'pass --yes to apply without asking',
    });
  }
}

/**
 * Converge the deployment on the config: print the plan, apply it with progress, then print the
 * status. Re-running after any interruption picks up where it stopped: every step observes first.
 */
export async function upCommand(options: UpOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const run = await planUp(open);
    printPlan(run.plan, options.output);
    if (!run.plan.converged) {
      await confirmChanges(options);
      const summary = await runPlan(open, run, {
        flags: {
          allowReplace: options.allowReplace === true,
          deleteData: options.deleteData === true,
          teardown: false,
        },
        output: options.output,
        ...(options.parallelism === undefined ? {} : { parallelism: options.parallelism }),
        ...(options.timings === undefined ? {} : { timings: options.timings }),
      });
      printWarnings(open);
      if (summary.outcome !== 'succeeded') return ExitCode.failed;
    }
    printStatus(await observeDeploymentStatus(open.graph), options.output);
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
