import {
  type Cluster,
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClusterCommand,
  TagResourceCommand,
} from '@aws-sdk/client-eks';
import {
  type ClusterApiV1,
  HubfleetError,
  type ObservedClusterV1,
  ownershipTags,
  type ProviderWarningV1,
  renderTokenKubeconfig,
} from '@hubfleet/core';
import { awsBaseResources } from './aws-base-resources.js';
import { unlessNotFound } from './aws-call.js';
import { awsCliCredentialHelper } from './aws-cli-helper.js';
import type { AwsDeployment } from './aws-deployment.js';
import { eksTokenSource } from './aws-eks-token.js';
import { isAwsError } from './aws-errors.js';
import type { AwsIdentityApi } from './aws-identity.js';
import type { AwsNetworkApi } from './aws-network.js';
import { isOwnedBy } from './aws-tags.js';
import { isUpgradeDue, upgradeControlPlane } from './aws-version-upgrade.js';
import { createClusterRequest, observedCluster } from './map-cluster.js';

/**
 * The deployment's EKS cluster, named after the deployment. `create` first makes sure the network
 * and IAM roles exist; `delete` on a cluster that is already gone removes them, so the second
 * `delete` the engine sends after the cluster disappears (or a re-run of `down`) releases the VPC.
 */
export function awsCluster(
  aws: AwsDeployment,
  network: AwsNetworkApi,
  identity: AwsIdentityApi,
): ClusterApiV1 {
  const { clusterName, deployment } = aws;
  const subject = `cluster/${clusterName}`;
  const tokens = eksTokenSource(clusterName, aws.clients.region, aws.clients.credentials);

  async function describe(): Promise<Cluster | undefined> {
    const answer = await unlessNotFound(
      aws.call('eks:DescribeCluster', subject, (options) =>
        aws.clients.eks.send(new DescribeClusterCommand({ name: clusterName }), options),
      ),
    );
    return answer?.cluster;
  }

  /** An existing cluster of our name is fine to keep when it is ours and not on its way out. */
  function checkAdoptable(cluster: Cluster): void {
    if (!isOwnedBy(cluster.tags, deployment, 'cluster')) {
      throw new HubfleetError({
        kind: 'conflict',
        message: `an EKS cluster named ${clusterName} exists but is not tagged as deployment ${deployment}'s`,
        hint: 'rename the deployment (its name is the cluster name), or delete the other cluster',
        subject,
      });
    }
    if (cluster.status === 'DELETING') {
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the EKS cluster ${clusterName} is still being deleted`,
        hint: 'wait until the deletion finishes (about 10 minutes), then run `hubfleet up` again',
        subject,
      });
    }
  }

  /**
   * Creates the cluster, or adopts ours. Either way the network is reconciled first, on every call:
   * a subnet or route table deleted behind hubfleet's back is made again even when the cluster
   * stands, and a converged network is only read.
   */
  async function create(): Promise<void> {
    const existing = await describe();
    if (existing !== undefined) {
      checkAdoptable(existing);
      await network.reconcile();
      return;
    }
    const { subnets } = await network.reconcile();
    const { clusterRoleArn } = await identity.ensure();
    const request = createClusterRequest(
      aws.config,
      clusterName,
      clusterRoleArn,
      subnets.map((subnet) => subnet.subnetId),
    );
    try {
      await aws.call('eks:CreateCluster', subject, (options) =>
        aws.clients.eks.send(new CreateClusterCommand(request), options),
      );
    } catch (error) {
      if (!isAwsError(error, 'ResourceInUseException')) throw error;
      const raced = await describe();
      if (raced === undefined) throw error;
      checkAdoptable(raced);
    }
  }

  /** Tags first (cheap, allowed while UPDATING), then one minor version up when the config asks. */
  async function update(observed: ObservedClusterV1): Promise<ProviderWarningV1[]> {
    const wanted = ownershipTags(deployment, 'cluster');
    const missing = Object.entries(wanted).some(([key, value]) => observed.tags[key] !== value);
    if (missing) {
      const cluster = await describe();
      if (cluster?.arn !== undefined) {
        const resourceArn = cluster.arn;
        await aws.call('eks:TagResource', subject, (options) =>
          aws.clients.eks.send(new TagResourceCommand({ resourceArn, tags: wanted }), options),
        );
      }
    }
    if (isUpgradeDue(aws, observed.kubernetesVersion)) await upgradeControlPlane(aws);
    return [];
  }

  async function remove(): Promise<void> {
    const existing = await describe();
    if (existing === undefined) {
      await network.delete();
      await identity.delete();
      return;
    }
    if (!isOwnedBy(existing.tags, deployment, 'cluster')) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the EKS cluster ${clusterName} is not tagged as deployment ${deployment}'s; hubfleet does not delete it`,
        hint: 'delete it in the EKS console if it really is to go',
        subject,
      });
    }
    if (existing.status === 'DELETING') return;
    await unlessNotFound(
      aws.call('eks:DeleteCluster', subject, (options) =>
        aws.clients.eks.send(new DeleteClusterCommand({ name: clusterName }), options),
      ),
    );
  }

  async function kubeconfig(): Promise<string> {
    const cluster = await describe();
    if (cluster === undefined) {
      throw new HubfleetError({
        kind: 'not-found',
        message: `the EKS cluster ${clusterName} does not exist`,
        hint: 'run `hubfleet up` first',
        subject,
      });
    }
    const notReady = () =>
      new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the EKS cluster ${clusterName} has no API endpoint yet (status ${cluster.status ?? 'unknown'})`,
        hint: 'wait until the cluster is active',
        subject,
      });
    if (cluster.endpoint === undefined) throw notReady();
    const server = aws.clients.simulatedKubernetes ?? cluster.endpoint;
    const authority = cluster.certificateAuthority?.data;
    const plainHttp = server.startsWith('http:');
    if (authority === undefined && !plainHttp) throw notReady();
    return renderTokenKubeconfig({
      name: clusterName,
      server,
      ...(plainHttp || authority === undefined ? {} : { certificateAuthorityData: authority }),
      token: await tokens.token(),
    });
  }

  return {
    observe: async () => {
      const cluster = await describe();
      return cluster === undefined ? undefined : observedCluster(cluster);
    },
    create,
    update,
    delete: remove,
    baseResources: () => awsBaseResources(aws),
    kubeconfig,
    credentialHelper: () =>
      awsCliCredentialHelper({
        clusterName,
        region: aws.clients.region,
        ...(aws.config.provider.profile === undefined ? {} : { profile: aws.config.provider.profile }),
        simulated: aws.clients.simulatedKubernetes !== undefined,
      }),
  };
}
