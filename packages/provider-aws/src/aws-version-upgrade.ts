import { UpdateClusterVersionCommand, UpdateNodegroupVersionCommand } from '@aws-sdk/client-eks';
import { versionChange } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { requestToken } from './aws-names.js';

/** True when `observed` is older than the configured version: core plans only one minor step up. */
export function isUpgradeDue(aws: AwsDeployment, observed: string | undefined): boolean {
  if (observed === undefined) return false;
  const change = versionChange(observed, aws.config.cluster.kubernetesVersion);
  return change === 'upgrade' || change === 'skip';
}

/**
 * UpdateClusterVersion to the configured minor version. The token is keyed on the version, so a
 * retry after a lost reply is answered with the update already under way, not a second one.
 */
export async function upgradeControlPlane(aws: AwsDeployment): Promise<void> {
  const { clusterName } = aws;
  const version = aws.config.cluster.kubernetesVersion;
  const clientRequestToken = requestToken('eks:UpdateClusterVersion', clusterName, version);
  await aws.call('eks:UpdateClusterVersion', `cluster/${clusterName}`, (options) =>
    aws.clients.eks.send(
      new UpdateClusterVersionCommand({ name: clusterName, version, clientRequestToken }),
      options,
    ),
  );
}

/**
 * UpdateNodegroupVersion to the control plane's (configured) version: EKS replaces the nodes with
 * that version's AMI, `maxUnavailable` at a time, draining each node first.
 */
export async function upgradeNodegroup(
  aws: AwsDeployment,
  nodegroup: { name: string; eksName: string; modifiedAt?: number },
): Promise<void> {
  const { clusterName } = aws;
  const version = aws.config.cluster.kubernetesVersion;
  const clientRequestToken = requestToken(
    'eks:UpdateNodegroupVersion',
    clusterName,
    nodegroup.eksName,
    version,
    String(nodegroup.modifiedAt ?? ''),
  );
  await aws.call('eks:UpdateNodegroupVersion', `nodegroup/${nodegroup.name}`, (options) =>
    aws.clients.eks.send(
      new UpdateNodegroupVersionCommand({
        clusterName,
        nodegroupName: nodegroup.eksName,
        version,
        clientRequestToken,
      }),
      options,
    ),
  );
}
