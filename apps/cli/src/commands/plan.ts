import { ExitCode } from '@hubfleet/core';
import { formatPlan } from '@hubfleet/core/engine';
import { colourEnabled, colourPlan } from '../cli/colour.js';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';
import { planUp } from '../deploy/plan-deployment.js';

export interface PlanOptions extends CloudCommandOptions {
  output: 'text' | 'json';
}

/** What `up` would do, observed from the cloud and the cluster; changes nothing. */
export async function planCommand(options: PlanOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const { plan } = await planUp(open);
    process.stdout.write(
      options.output === 'json'
        ? `${JSON.stringify(plan, null, 2)}\n`
        : `${colourPlan(formatPlan(plan), colourEnabled())}\n`,
    );
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
