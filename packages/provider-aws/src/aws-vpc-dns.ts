import { DescribeVpcAttributeCommand, ModifyVpcAttributeCommand } from '@aws-sdk/client-ec2';
import type { AwsDeployment } from './aws-deployment.js';
import { retryWhileNotYetVisible } from './aws-retry.js';

/** In this order: EC2 turns DNS host names on only while DNS support is on. */
const ATTRIBUTES = ['enableDnsSupport', 'enableDnsHostnames'] as const;
type DnsAttribute = (typeof ATTRIBUTES)[number];

async function isOn(aws: AwsDeployment, vpcId: string, attribute: DnsAttribute): Promise<boolean> {
  const answer = await retryWhileNotYetVisible(aws.backoff, () =>
    aws.call('ec2:DescribeVpcAttribute', 'network', (options) =>
      aws.clients.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }), options),
    ),
  );
  const value = attribute === 'enableDnsSupport' ? answer.EnableDnsSupport : answer.EnableDnsHostnames;
  return value?.Value === true;
}

/**
 * DNS support and DNS host names on: EKS nodes register with the cluster under their DNS host names,
 * which a new VPC does not give by default. Read first, so a converged VPC is only read; EC2 changes
 * one attribute per ModifyVpcAttribute request.
 */
export async function ensureVpcDns(aws: AwsDeployment, vpcId: string): Promise<void> {
  for (const attribute of ATTRIBUTES) {
    if (await isOn(aws, vpcId, attribute)) continue;
    const change =
      attribute === 'enableDnsSupport'
        ? { EnableDnsSupport: { Value: true } }
        : { EnableDnsHostnames: { Value: true } };
    await retryWhileNotYetVisible(aws.backoff, () =>
      aws.call('ec2:ModifyVpcAttribute', 'network', (options) =>
        aws.clients.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, ...change }), options),
      ),
    );
  }
}
