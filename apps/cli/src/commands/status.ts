import { ExitCode } from '@hubfleet/core';
import { observeDeploymentStatus } from '@hubfleet/core/deployment';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';
import { formatStatus } from '../status/format-status.js';

export interface StatusOptions extends CloudCommandOptions {
  output: 'text' | 'json';
}

/** The deployment as it is: cluster, nodegroups, tools, hubs, and whether everything is ready. Reads only. */
export async function statusCommand(options: StatusOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const status = await observeDeploymentStatus(open.graph, { providerResources: true });
    process.stdout.write(
      options.output === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status),
    );
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
