import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExitCode, HubfleetError } from '@hubfleet/core';
import { stringify } from 'yaml';
import { clientCertificateExpiry } from '../deploy/client-certificate-expiry.js';
import { withLastingUser } from '../deploy/exec-credential.js';
import {
  checkKubeconfigOut,
  kubeconfigMarker,
  userKubeconfigPaths,
  writeKubeconfigOut,
} from '../deploy/kubeconfig-out.js';
import { mergeKubeconfig, readKubeconfig, renameKubeconfig } from '../deploy/merge-kubeconfig.js';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';

export interface KubeconfigOptions extends CloudCommandOptions {
  out?: string;
  /** Overwrite an `--out` file that is not a kubeconfig hubfleet wrote for this deployment. */
  force?: boolean;
}

/** The kubeconfig kubectl uses: the first file of `$KUBECONFIG`, else `~/.kube/config`. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return userKubeconfigPaths(env)[0] as string;
}

function writePrivate(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The user's kubeconfig as text ('' when there is none), checked before anything is contacted. */
function readUserKubeconfig(path: string): string {
  if (!existsSync(path)) return '';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      hint: "fix its permissions, or write this cluster's kubeconfig to a file of its own with --out FILE",
    });
  }
  readKubeconfig(text, path);
  return text;
}

/** `--sim` never touches the kubeconfig kubectl uses for real clusters. */
function refuseSimMerge(path: string): HubfleetError {
  return new HubfleetError({
    kind: 'refused',
    message: `--sim: not merging the simulated cluster into ${path} (nor making it the current context)`,
    hint: 'write it to a file of its own: --out FILE, then KUBECONFIG=FILE kubectl ...',
  });
}

/**
 * Credentials for kubectl: merged into the user's kubeconfig under the context `hubfleet-<deployment>`
 * (made current), or written alone to `--out FILE` (mode 0600). With `--sim`, only `--out`: the
 * user's own kubeconfig is never changed for a simulated cluster. A token user becomes an exec entry
 * (`hubfleet kubeconfig token`), so the context lasts as long as the cloud credentials do.
 */
export async function kubeconfigCommand(options: KubeconfigOptions): Promise<number> {
  const path = options.out === undefined ? userKubeconfigPath() : resolve(options.out);
  if (options.sim === true && options.out === undefined) throw refuseSimMerge(path);
  if (options.out === undefined) readUserKubeconfig(path); // a file that cannot be merged into stops us before any cloud call
  const open = await openDeployment(options);
  try {
    if (options.out !== undefined) {
      // Before the first cloud call (connecting made none): a file that must not be written stops us.
      checkKubeconfigOut({
        path,
        deployment: open.config.name,
        simulated: options.sim === true,
        force: options.force === true,
      });
    }
    const context = `hubfleet-${open.config.name}`;
    const renamed = withLastingUser(
      renameKubeconfig(await open.session.cluster.kubeconfig(), context),
      { config: resolve(options.config), sim: options.sim === true },
      open.session.cluster.credentialHelper?.(),
    );
    const expires = clientCertificateExpiry(renamed);
    const lifetime =
      expires === undefined
        ? 'kubectl fetches fresh tokens through its exec entry'
        : `kubectl authenticates with a client certificate valid until ${expires.toISOString()}; run \`hubfleet kubeconfig\` again for a new one before then`;
    if (options.out !== undefined) {
      const note = expires === undefined ? '' : `# ${lifetime}\n`;
      writeKubeconfigOut(path, `${kubeconfigMarker(open.config.name)}\n${note}${stringify(renamed)}`);
    } else writePrivate(path, mergeKubeconfig(readUserKubeconfig(path), renamed, path));
    const where = options.out === undefined ? `merged into ${path} and made current` : `written to ${path}`;
    process.stderr.write(`context ${context} ${where}; ${lifetime}\n`);
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
