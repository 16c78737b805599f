import {
  CreateNodegroupCommand,
  DeleteNodegroupCommand,
  DescribeNodegroupCommand,
  ListNodegroupsCommand,
  type Nodegroup,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateNodegroupConfigCommand,
} from '@aws-sdk/client-eks';
import {
  HubfleetError,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  type ObservedNodeGroupV1,
  type ProviderWarningV1,
} from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { isAwsError } from './aws-errors.js';
import type { AwsIdentityApi } from './aws-identity.js';
import { eksNodegroupName, requestToken } from './aws-names.js';
import type { AwsNetworkApi } from './aws-network.js';
import { coreSubnet } from './aws-network-types.js';
import { isOwnedBy } from './aws-tags.js';
import { isUpgradeDue, upgradeNodegroup } from './aws-version-upgrade.js';
import {
  type AwsObservedNodeGroup,
  createNodegroupRequest,
  nodeGroupTags,
  observedNodeGroup,
  requiresReplacement,
} from './map-nodegroup.js';
import { nodegroupConfigChange, nodegroupTagChange } from './map-nodegroup-update.js';

/**
 * The deployment's EKS managed nodegroups, named `<deployment>-<nodegroup>` and found by their
 * ownership tags. Waiting for a change to finish is the engine's job: every method returns once
 * EKS has accepted the request.
 */
export function awsNodeGroups(
  aws: AwsDeployment,
  network: AwsNetworkApi,
  identity: AwsIdentityApi,
): NodeGroupApiV1 {
  const { clusterName, deployment } = aws;
  const subjectOf = (name: string) => `nodegroup/${name}`;

  async function describe(eksName: string, subject: string): Promise<Nodegroup | undefined> {
    const answer = await unlessNotFound(
      aws.call('eks:DescribeNodegroup', subject, (options) =>
        aws.clients.eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName: eksName }), options),
      ),
    );
    return answer?.nodegroup;
  }

  async function listNames(): Promise<string[] | undefined> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await unlessNotFound(
        aws.call('eks:ListNodegroups', `cluster/${clusterName}`, (options) =>
          aws.clients.eks.send(new ListNodegroupsCommand({ clusterName, nextToken }), options),
        ),
      );
      if (page === undefined) return undefined;
      names.push(...(page.nodegroups ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return names;
  }

  async function list(): Promise<ObservedNodeGroupV1[]> {
    const names = (await listNames()) ?? [];
    // One list serves every nodegroup step (the read cache shares it): a failure in it names the
    // list, never one nodegroup, so no step reports another group as its own.
    const listing = `nodegroups of ${aws.deployment}`;
    const described = await Promise.all(names.map((eksName) => describe(eksName, listing)));
    return described.flatMap((nodegroup) =>
      nodegroup === undefined ? [] : (observedNodeGroup(nodegroup, deployment) ?? []),
    );
  }

  function checkOurs(nodegroup: Nodegroup, group: string): void {
    if (isOwnedBy(nodegroup.tags, deployment, 'nodegroup')) return;
    throw new HubfleetError({
      kind: 'conflict',
      message: `the EKS nodegroup ${nodegroup.nodegroupName} exists in cluster ${clusterName} but is not tagged as deployment ${deployment}'s`,
      hint: `rename nodegroup ${group} in the config, or delete the other nodegroup`,
      subject: subjectOf(group),
    });
  }

  async function create(group: NodeGroupConfig): Promise<void> {
    const subject = subjectOf(group.name);
    const eksName = eksNodegroupName(deployment, group.name);
    const existing = await describe(eksName, subject);
    if (existing !== undefined) return checkOurs(existing, group.name);
    const currentNetwork = await network.ensure();
    const { nodeRoleArn } = await identity.ensure();
    const subnets = group.role === 'core' ? [coreSubnet(currentNetwork)] : currentNetwork.subnets;
    const request = createNodegroupRequest(group, {
      deployment,
      clusterName,
      eksName,
      nodeRoleArn,
      subnetIds: subnets.map((subnet) => subnet.subnetId),
    });
    try {
      await aws.call('eks:CreateNodegroup', subject, (options) =>
        aws.clients.eks.send(new CreateNodegroupCommand(request), options),
      );
    } catch (error) {
      if (!isAwsError(error, 'ResourceInUseException')) throw error;
      const raced = await describe(eksName, subject);
      if (raced === undefined) throw error;
      checkOurs(raced, group.name);
    }
  }

  async function syncTags(
    group: NodeGroupConfig,
    observed: AwsObservedNodeGroup,
    subject: string,
  ): Promise<void> {
    const { set, remove } = nodegroupTagChange(nodeGroupTags(deployment, clusterName, group), observed.tags);
    if (Object.keys(set).length === 0 && remove.length === 0) return;
    const resourceArn = observed.arn ?? (await describe(observed.eksName, subject))?.nodegroupArn;
    if (resourceArn === undefined) return;
    if (Object.keys(set).length > 0) {
      await aws.call('eks:TagResource', subject, (options) =>
        aws.clients.eks.send(new TagResourceCommand({ resourceArn, tags: set }), options),
      );
    }
    if (remove.length > 0) {
      await aws.call('eks:UntagResource', subject, (options) =>
        aws.clients.eks.send(new UntagResourceCommand({ resourceArn, tagKeys: remove }), options),
      );
    }
  }

  async function update(group: NodeGroupConfig, observed: ObservedNodeGroupV1): Promise<ProviderWarningV1[]> {
    const subject = subjectOf(group.name);
    const current: AwsObservedNodeGroup = {
      eksName: eksNodegroupName(deployment, group.name),
      ...observed,
    };
    // One update at a time per nodegroup: the version first; core calls again for the rest.
    if (isUpgradeDue(aws, current.kubernetesVersion)) {
      await upgradeNodegroup(aws, current);
      return [];
    }
    const change = nodegroupConfigChange(group, current);
    if (change !== undefined) {
      const clientRequestToken = requestToken(
        'eks:UpdateNodegroupConfig',
        clusterName,
        current.eksName,
        String(current.modifiedAt ?? ''),
        JSON.stringify(change),
      );
      await aws.call('eks:UpdateNodegroupConfig', subject, (options) =>
        aws.clients.eks.send(
          new UpdateNodegroupConfigCommand({
            clusterName,
            nodegroupName: current.eksName,
            ...change,
            clientRequestToken,
          }),
          options,
        ),
      );
    }
    await syncTags(group, current, subject);
    return [];
  }

  async function remove(name: string): Promise<void> {
    const subject = subjectOf(name);
    const eksName = eksNodegroupName(deployment, name);
    const existing = await describe(eksName, subject);
    if (existing === undefined || existing.status === 'DELETING') return;
    if (!isOwnedBy(existing.tags, deployment, 'nodegroup')) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the EKS nodegroup ${eksName} is not tagged as deployment ${deployment}'s; hubfleet does not delete it`,
        subject,
      });
    }
    await unlessNotFound(
      aws.call('eks:DeleteNodegroup', subject, (options) =>
        aws.clients.eks.send(new DeleteNodegroupCommand({ clusterName, nodegroupName: eksName }), options),
      ),
    );
  }

  return { list, create, update, delete: remove, requiresReplacement };
}
