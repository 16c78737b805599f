import { ExitCode } from '@hubfleet/core';
import { execCredential } from '../deploy/exec-credential.js';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';

/**
 * `hubfleet kubeconfig token`: kubectl's exec credential plugin. Prints an ExecCredential with a
 * fresh token for the deployment's cluster (the provider session's kubeconfig), so a context written
 * by `hubfleet kubeconfig` keeps working for as long as the operator's cloud credentials do.
 */
export async function kubeconfigTokenCommand(options: CloudCommandOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const credential = execCredential(
      await open.session.cluster.kubeconfig(),
      open.provider.credentialLifetimeMs,
    );
    process.stdout.write(`${JSON.stringify(credential)}\n`);
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
