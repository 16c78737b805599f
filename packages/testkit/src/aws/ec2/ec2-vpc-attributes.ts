import { invalidParameterCombination, invalidParameterValue, missingParameter } from './ec2-errors.js';
import { settle } from './ec2-lifecycle.js';
import { requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { optionalBoolean, requiredString } from './ec2-params.js';
import type { VpcRecord } from './ec2-state.js';

/**
 * A VPC's DNS attributes (ModifyVpcAttribute / DescribeVpcAttribute). A VPC that is not the default
 * one starts with DNS support on and DNS host names off
 * (https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html#vpc-dns-support).
 * The ModifyVpcAttribute API reference: "You cannot modify the DNS resolution and DNS hostnames
 * attributes in the same request. Use separate requests for each attribute. You can only enable DNS
 * hostnames if you've enabled DNS support." The error codes for breaking either rule are not
 * documented; InvalidParameterCombination is assumed.
 */
type DnsAttribute = 'enableDnsSupport' | 'enableDnsHostnames';

const DEFAULTS: Readonly<Record<DnsAttribute, boolean>> = {
  enableDnsSupport: true,
  enableDnsHostnames: false,
};

/** The attribute's value; records saved before attributes were modelled have the defaults. */
export function vpcAttribute(vpc: VpcRecord, attribute: DnsAttribute): boolean {
  return vpc[attribute] ?? DEFAULTS[attribute];
}

const PARAMETERS: Readonly<Record<string, DnsAttribute>> = {
  'EnableDnsSupport.Value': 'enableDnsSupport',
  'EnableDnsHostnames.Value': 'enableDnsHostnames',
};

export const VPC_ATTRIBUTE_OPERATIONS: Ec2OperationTable = {
  ModifyVpcAttribute: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const vpc = requireVpc(context.state, requiredString(params, 'VpcId', 'vpcId'));
    const changes = Object.entries(PARAMETERS).flatMap(([parameter, attribute]) => {
      const value = optionalBoolean(params, parameter);
      return value === undefined ? [] : [{ attribute, value }];
    });
    const [change, ...more] = changes;
    if (change === undefined) throw missingParameter('attribute');
    if (more.length > 0) {
      throw invalidParameterCombination('Only one attribute can be modified at a time.');
    }
    const support =
      change.attribute === 'enableDnsSupport' ? change.value : vpcAttribute(vpc, 'enableDnsSupport');
    const hostnames =
      change.attribute === 'enableDnsHostnames' ? change.value : vpcAttribute(vpc, 'enableDnsHostnames');
    if (hostnames && !support) {
      throw invalidParameterCombination('DNS hostnames can only be enabled while DNS support is enabled.');
    }
    vpc[change.attribute] = change.value;
    return RETURN_TRUE;
  }),

  DescribeVpcAttribute: read((params, context) => {
    settle(context.state, context.clock.now());
    const vpc = requireVpc(context.state, requiredString(params, 'VpcId', 'vpcId'));
    const attribute = requiredString(params, 'Attribute', 'attribute');
    if (attribute !== 'enableDnsSupport' && attribute !== 'enableDnsHostnames') {
      throw invalidParameterValue(
        `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`,
      );
    }
    return { vpcId: vpc.vpcId, [attribute]: { value: vpcAttribute(vpc, attribute) } };
  }),
};
