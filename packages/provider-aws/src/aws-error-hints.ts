/**
 * The "what to do" half of a mapped AWS error: which Service Quotas quota to raise, which IAM action
 * to grant, which config field to fix. Pure string work over the error's code and message.
 */

const SERVICE_QUOTAS_CONSOLE = 'https://console.aws.amazon.com/servicequotas/';

/** Service Quotas names (service › quota) for the limit errors EC2 names after the resource. */
const EC2_QUOTAS: Readonly<Record<string, string>> = {
  VolumeLimitExceeded:
    'Amazon Elastic Block Store (Amazon EBS) › Storage for General Purpose SSD (gp3) volumes, in TiB',
  SnapshotLimitExceeded: 'Amazon Elastic Block Store (Amazon EBS) › Snapshots per Region',
  VpcLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › VPCs per Region',
  SubnetLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › Subnets per VPC',
  InternetGatewayLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › Internet gateways per Region',
  RouteTableLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › Route tables per VPC',
  RouteLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › Routes per route table',
  SecurityGroupLimitExceeded: 'Amazon Virtual Private Cloud (Amazon VPC) › VPC security groups per Region',
  RulesPerSecurityGroupLimitExceeded:
    'Amazon Virtual Private Cloud (Amazon VPC) › Inbound or outbound rules per security group',
  InstanceLimitExceeded:
    'Amazon Elastic Compute Cloud (Amazon EC2) › Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
  VcpuLimitExceeded:
    'Amazon Elastic Compute Cloud (Amazon EC2) › Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
};

/** Limits that are fixed by AWS: no quota to raise, only a smaller request. */
const FIXED_LIMITS: Readonly<Record<string, string>> = {
  TagLimitExceeded: 'AWS allows 50 tags per resource; remove extra nodegroup labels or taints',
  AttachmentLimitExceeded:
    'the instance type limits how many volumes it can attach; use a larger core instance type or fewer hubs per node',
};

function eksQuota(message: string, operation: string | undefined): string {
  const text = `${operation ?? ''} ${message}`.toLowerCase();
  if (text.includes('nodegroup') || text.includes('node group')) {
    return 'Amazon Elastic Kubernetes Service (Amazon EKS) › Managed node groups per cluster';
  }
  if (text.includes('pod identity') || text.includes('podidentity')) {
    return 'Amazon Elastic Kubernetes Service (Amazon EKS) › Pod identity associations per cluster';
  }
  return 'Amazon Elastic Kubernetes Service (Amazon EKS) › Clusters';
}

function iamQuota(message: string): string {
  const named = /quota for (\w+)/i.exec(message)?.[1];
  if (named === 'RolesPerAccount' || named === undefined) {
    return 'AWS Identity and Access Management (IAM) › Roles per account';
  }
  return `AWS Identity and Access Management (IAM) › ${named}`;
}

/** The quota to raise for a limit error, in the words of the Service Quotas console. */
export function quotaName(code: string, message: string, operation: string | undefined): string | undefined {
  if (code in EC2_QUOTAS) return EC2_QUOTAS[code];
  if (code === 'ResourceLimitExceededException') return eksQuota(message, operation);
  if (code === 'LimitExceeded' && (operation === undefined || operation.startsWith('iam:'))) {
    return iamQuota(message);
  }
  return undefined;
}

/** What to do about a quota or fixed limit. */
export function quotaHint(
  code: string,
  message: string,
  operation: string | undefined,
  region: string | undefined,
): string {
  const fixed = FIXED_LIMITS[code];
  if (fixed !== undefined) return fixed;
  const where = region === undefined ? '' : ` in ${region}`;
  const quota = quotaName(code, message, operation);
  if (quota !== undefined) {
    return `raise the quota "${quota}"${where} in Service Quotas (${SERVICE_QUOTAS_CONSOLE}), or remove resources you no longer use`;
  }
  return `an AWS limit was reached${where}; find the quota named in the message in Service Quotas (${SERVICE_QUOTAS_CONSOLE}) and request an increase`;
}

/** The IAM action an access-denied message names (`... is not authorized to perform: eks:CreateCluster on ...`). */
export function deniedAction(message: string): string | undefined {
  return /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

/** What to grant, naming the action from the message, or else the operation that was refused. */
export function permissionHint(code: string, message: string, operation: string | undefined): string {
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException') {
    return 'the AWS session has expired; sign in again (e.g. `aws sso login --profile <profile>`) and re-run';
  }
  if (
    code === 'InvalidClientTokenId' ||
    code === 'UnrecognizedClientException' ||
    code === 'SignatureDoesNotMatch' ||
    code === 'InvalidAccessKeyId' ||
    code === 'AuthFailure'
  ) {
    return 'AWS does not recognise these credentials; check provider.profile, AWS_PROFILE or the access key in use';
  }
  if (code === 'RegionDisabledException' || code === 'OptInRequired') {
    return 'the region is not enabled for this account; enable it under Account settings, or choose another provider.region';
  }
  const action = deniedAction(message) ?? operation;
  return action === undefined
    ? 'grant the AWS identity hubfleet runs as the permission named in the message'
    : `grant ${action} to the AWS identity hubfleet runs as (see docs/provider-aws.md for the full policy)`;
}

/** The parameter an invalid-parameter message names, e.g. `cidrBlock` or `subnets`. */
export function invalidField(message: string): string | undefined {
  return (
    /for parameter (\w[\w.]*)/i.exec(message)?.[1] ??
    /at '([\w.]+)'/.exec(message)?.[1] ??
    /^(\w[\w.]*) is required/i.exec(message)?.[1] ??
    /parameter (\w[\w.]*)/i.exec(message)?.[1]
  );
}

export function invalidHint(message: string, subject: string | undefined): string {
  const field = invalidField(message);
  const about = subject === undefined ? '' : ` for ${subject}`;
  return field === undefined
    ? `AWS refused a value hubfleet sent${about}; check the provider and cluster sections of the config against the message`
    : `AWS refused the value of "${field}"${about}; check the config field it comes from (provider.network, cluster.nodeGroups or hubs[].storage)`;
}
