import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { ExitCode } from '@hubfleet/core';
import { stringify } from 'yaml';
import { mergeKubeconfig, renameKubeconfig } from '../deploy/merge-kubeconfig.js';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';

export interface KubeconfigOptions extends CloudCommandOptions {
  out?: string;
}

/** The kubeconfig kubectl uses: the first file of `$KUBECONFIG`, else `~/.kube/config`. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = env.KUBECONFIG?.split(delimiter).find((path) => path !== '');
  return first ?? join(homedir(), '.kube', 'config');
}

function writePrivate(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * Credentials for kubectl: merged into the user's kubeconfig under the context `hubfleet-<deployment>`
 * (made current), or written alone to `--out FILE` (mode 0600). The token inside is short-lived (an
 * EKS token lasts 15 minutes): run the command again for a fresh one.
 */
export async function kubeconfigCommand(options: KubeconfigOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const context = `hubfleet-${open.config.name}`;
    const renamed = renameKubeconfig(await open.session.cluster.kubeconfig(), context);
    const path = options.out === undefined ? userKubeconfigPath() : resolve(options.out);
    if (options.out !== undefined) writePrivate(path, stringify(renamed));
    else writePrivate(path, mergeKubeconfig(existsSync(path) ? readFileSync(path, 'utf8') : '', renamed));
    const where = options.out === undefined ? `merged into ${path}` : `written to ${path}`;
    process.stderr.write(
      `context ${context} ${where} and made current; its token is valid for about 15 minutes\n`,
    );
    if (open.sim !== undefined) {
      process.stderr.write(
        'note: --sim: the simulated API server runs only while a hubfleet command does, so kubectl cannot reach it afterwards\n',
      );
    }
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
