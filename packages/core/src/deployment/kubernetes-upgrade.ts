import type { HubfleetConfig } from '../config/deployment.js';
import type { FieldChange, ResourceDiff } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import { minorVersionOf, versionChange } from '../provider/v1/kubernetes-version.js';

const SUBJECT = 'cluster.kubernetesVersion';

function nextMinor(version: string): string {
  const [major, minor] = minorVersionOf(version).split('.').map(Number);
  return `${major}.${(minor ?? 0) + 1}`;
}

function refusal(message: string, hint: string): HubfleetError {
  return new HubfleetError({ kind: 'refused', message, hint, subject: SUBJECT });
}

/**
 * The cluster's version step, or undefined when it already runs the configured minor version. Only
 * one minor version up is planned: Kubernetes upgrades a control plane one minor version at a time,
 * and never back, so a skip or a downgrade is refused (exit 3) before anything runs, saying why.
 */
export function clusterVersionDiff(config: HubfleetConfig, observed: string): ResourceDiff | undefined {
  const desired = config.cluster.kubernetesVersion;
  const change = versionChange(observed, desired);
  if (change === 'same') return undefined;
  const current = minorVersionOf(observed);
  if (change === 'downgrade') {
    throw refusal(
      `the cluster runs Kubernetes ${current} and the config asks for ${desired}: Kubernetes cannot be downgraded`,
      `set cluster.kubernetesVersion back to "${current}" (or a newer version); to run ${desired}, deploy a new cluster under another name`,
    );
  }
  if (change === 'skip') {
    throw refusal(
      `the cluster runs Kubernetes ${current} and the config asks for ${desired}: a control plane is upgraded one minor version at a time`,
      `set cluster.kubernetesVersion to "${nextMinor(current)}" and run \`hubfleet up\`, then raise it one minor version per run up to "${desired}"`,
    );
  }
  const groups = config.cluster.nodeGroups.map((group) => group.name).join(', ');
  return {
    action: 'update',
    reason: `upgrade Kubernetes ${current} → ${desired}: the control plane first, then each nodegroup, rolling (${groups})`,
    changes: [{ field: 'kubernetesVersion', from: current, to: desired }],
  };
}

/**
 * A nodegroup's version change once its control plane runs the configured version: its nodes are
 * replaced by nodes of that version (a rolling update). None when the provider does not report the
 * nodegroup's version, or it already matches; a nodegroup newer than the config is left to the
 * cluster's refusal of the downgrade.
 */
export function nodeGroupVersionChange(
  config: HubfleetConfig,
  observed: string | undefined,
): FieldChange | undefined {
  if (observed === undefined) return undefined;
  const desired = config.cluster.kubernetesVersion;
  const change = versionChange(observed, desired);
  if (change === 'same' || change === 'downgrade') return undefined;
  return { field: 'kubernetesVersion', from: minorVersionOf(observed), to: desired };
}
