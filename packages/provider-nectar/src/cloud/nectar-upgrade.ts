import { HubfleetError, minorVersionOf, versionChange } from '@hubfleet/core';
import { renderBootstrapScript, upgradeMinors, upgradeScripts } from '../bootstrap/index.js';
import { runBootstrap } from '../ssh/bootstrap-runner.js';
import type { VmConnection } from '../ssh/vm-connection.js';
import type { NectarCloud } from './nectar-cloud.js';

/**
 * Kubernetes upgrades in kubeadm's documented order ("Upgrading kubeadm clusters"), one minor at a
 * time: upgrade-control-plane.sh on the control plane first (the cluster step), then each worker in
 * turn (its nodegroup's step): its kubeadm and `kubeadm upgrade node`, a drain from the control
 * plane, its kubelet and kubectl, an uncordon from the control plane.
 */

/** The minor version the control plane runs: its API server's static Pod image, as kubeadm writes it. */
export async function controlPlaneMinor(connection: VmConnection): Promise<string | undefined> {
  const result = await connection.exec(
    "sudo -n sed -n 's|^ *image: .*/kube-apiserver:v\\([0-9]*\\.[0-9]*\\)\\..*$|\\1|p' /etc/kubernetes/manifests/kube-apiserver.yaml",
  );
  return /^\d+\.\d+$/.test(result.stdout.trim()) ? result.stdout.trim() : undefined;
}

/** The minor version of a worker's kubelet package (`1.33.2-1.1` → `1.33`), the last part an upgrade changes. */
export async function kubeletMinor(connection: VmConnection): Promise<string | undefined> {
  const result = await connection.exec(`dpkg-query -W -f='\${Version}' kubelet`);
  return result.code === 0 ? /^(\d+\.\d+)\./.exec(result.stdout.trim())?.[1] : undefined;
}

/** Whether a VM at `installed` is due an upgrade to the config's minor. */
export function upgradeDue(cloud: NectarCloud, installed: string | undefined): boolean {
  if (installed === undefined) return false;
  const change = versionChange(installed, cloud.config.cluster.kubernetesVersion);
  return change === 'upgrade' || change === 'skip';
}

/**
 * A bootstrap's pending steps on a VM at `installed`: when that is not the config's minor, its
 * packages are a version matter, not an unfinished bootstrap (kubernetes-packages refuses a minor
 * change): the VM reports its version, and an upgrade is planned (or a downgrade refused) from it.
 */
export function bootstrapPending(
  cloud: NectarCloud,
  pending: readonly string[],
  installed: string | undefined,
): string[] {
  const otherMinor =
    installed !== undefined && versionChange(installed, cloud.config.cluster.kubernetesVersion) !== 'same';
  return otherMinor ? pending.filter((step) => step !== 'kubernetes-packages') : [...pending];
}

/** The minors from `installed` up to the config's; a downgrade is refused (exit 3). */
export function minorsToUpgrade(cloud: NectarCloud, installed: string | undefined, vm: string): string[] {
  const desired = cloud.config.cluster.kubernetesVersion;
  if (installed === undefined) return [];
  if (versionChange(installed, desired) === 'downgrade') {
    throw new HubfleetError({
      kind: 'refused',
      message: `VM ${vm} runs Kubernetes ${installed} and cluster.kubernetesVersion asks for ${desired}: kubeadm cannot downgrade a cluster`,
      hint: `set cluster.kubernetesVersion back to "${installed}" (or newer); to run ${desired}, deploy a new cluster under another name`,
      subject: 'cluster.kubernetesVersion',
    });
  }
  return upgradeMinors(minorVersionOf(installed), minorVersionOf(desired));
}

function script(cloud: NectarCloud, minor: string, file: string): string {
  const found = upgradeScripts(cloud.config, minor).find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no upgrade script ${file}`);
  return renderBootstrapScript(found);
}

/** upgrade-control-plane.sh for each minor from the installed one to the config's. */
export async function upgradeControlPlane(
  cloud: NectarCloud,
  control: VmConnection,
  installed: string | undefined,
): Promise<void> {
  for (const minor of minorsToUpgrade(cloud, installed, control.vm)) {
    const file = 'upgrade-control-plane.sh';
    await runBootstrap(control, file, script(cloud, minor, file));
  }
}

/** A worker's upgrade, minor by minor: kubeadm, drain, kubelet, uncordon. `node` is its Node's name. */
export async function upgradeWorker(
  cloud: NectarCloud,
  control: VmConnection,
  worker: VmConnection,
  node: string,
  installed: string | undefined,
): Promise<void> {
  const inputs = { HUBFLEET_NODE_NAME: node };
  for (const minor of minorsToUpgrade(cloud, installed, worker.vm)) {
    const run = (connection: VmConnection, file: string, withNode = false) =>
      runBootstrap(connection, file, script(cloud, minor, file), withNode ? inputs : {});
    await run(worker, 'upgrade-node-kubeadm.sh');
    await run(control, 'upgrade-node-drain.sh', true);
    await run(worker, 'upgrade-node-kubelet.sh');
    await run(control, 'upgrade-node-uncordon.sh', true);
  }
}
