import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  DescribeInternetGatewaysCommand,
  type InternetGateway,
} from '@aws-sdk/client-ec2';
import { HubfleetError } from '@hubfleet/core';
import { unlessAlreadyOurs } from './aws-already-ours.js';
import type { AwsDeployment } from './aws-deployment.js';
import { createUnlessFound, retryWhileNotYetVisible } from './aws-retry.js';
import { ownershipFilters } from './aws-tags.js';
import { networkTags } from './aws-vpc.js';

async function ownedGateways(aws: AwsDeployment): Promise<InternetGateway[]> {
  const { InternetGateways = [] } = await aws.call('ec2:DescribeInternetGateways', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeInternetGatewaysCommand({ Filters: ownershipFilters(aws.deployment, 'network') }),
      options,
    ),
  );
  return InternetGateways;
}

/** The one gateway to use: the one attached to the VPC, else the only one; several unattached is a conflict. */
function chooseGateway(
  aws: AwsDeployment,
  vpcId: string,
  gateways: InternetGateway[],
): InternetGateway | undefined {
  const attached = gateways.find((gateway) =>
    (gateway.Attachments ?? []).some((attachment) => attachment.VpcId === vpcId),
  );
  if (attached !== undefined || gateways.length <= 1) return attached ?? gateways[0];
  const ids = gateways.map((gateway) => gateway.InternetGatewayId).join(', ');
  throw new HubfleetError({
    kind: 'conflict',
    message: `deployment ${aws.deployment} owns ${gateways.length} internet gateways (${ids}) and none is attached to ${vpcId}`,
    hint: '`hubfleet down` deletes every gateway tagged as this deployment’s; or delete the extra ones in the VPC console',
    subject: 'network',
  });
}

async function createGateway(aws: AwsDeployment, vpcId: string): Promise<InternetGateway | undefined> {
  return createUnlessFound(aws.backoff, {
    create: async () =>
      (
        await aws.call('ec2:CreateInternetGateway', 'network', (options) =>
          aws.clients.ec2Once.send(
            new CreateInternetGatewayCommand({
              TagSpecifications: [
                { ResourceType: 'internet-gateway', Tags: networkTags(aws.deployment, aws.deployment) },
              ],
            }),
            options,
          ),
        )
      ).InternetGateway,
    find: async () => chooseGateway(aws, vpcId, await ownedGateways(aws)),
  });
}

/** The VPC's internet gateway, found by tag or created, and attached. */
export async function ensureInternetGateway(aws: AwsDeployment, vpcId: string): Promise<string> {
  const gateway = chooseGateway(aws, vpcId, await ownedGateways(aws)) ?? (await createGateway(aws, vpcId));
  const gatewayId = gateway?.InternetGatewayId;
  if (gatewayId === undefined) {
    throw new HubfleetError({ kind: 'internal', message: 'CreateInternetGateway returned no id' });
  }
  if (!(gateway?.Attachments ?? []).some((attachment) => attachment.VpcId === vpcId)) {
    const attach = () =>
      aws.call('ec2:AttachInternetGateway', 'network', (options) =>
        aws.clients.ec2.send(
          new AttachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: vpcId }),
          options,
        ),
      );
    // Already attached to this deployment's VPC (an attach whose reply was lost): done.
    const attachedHere = async () =>
      (await ownedGateways(aws)).some(
        (owned) =>
          owned.InternetGatewayId === gatewayId &&
          (owned.Attachments ?? []).some((attachment) => attachment.VpcId === vpcId),
      );
    await retryWhileNotYetVisible(aws.backoff, () =>
      unlessAlreadyOurs(attach, ['Resource.AlreadyAssociated'], attachedHere),
    );
  }
  return gatewayId;
}
