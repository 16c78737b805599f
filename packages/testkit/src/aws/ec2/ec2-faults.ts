import type { AwsServiceError } from '../shared/aws-errors.js';
import { type AwsFaultTable, faultError, type RenderedFaultKind } from '../shared/aws-faults.js';
import { ec2Error } from './ec2-errors.js';

/**
 * Injected faults in EC2's words. Throttling is RequestLimitExceeded with HTTP 503 (as observed from
 * EC2, e.g. "Request limit exceeded. (Service: AmazonEC2; Status Code: 503)"), which the SDK retries.
 */
const EC2_FAULTS: AwsFaultTable = {
  throttle: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
  'server-error': { code: 'InternalError', status: 500, message: 'An internal error has occurred.' },
  unavailable: {
    code: 'Unavailable',
    status: 503,
    message: "The server is overloaded and can't handle the request.",
  },
  quota: {
    code: 'ResourceLimitExceeded',
    status: 400,
    message: 'You have exceeded an Amazon EC2 resource limit.',
  },
};

/** The limit error each create names when its quota is exhausted (not retryable). */
const QUOTA_ERRORS: Readonly<Record<string, { code: string; message: string }>> = {
  CreateVolume: {
    code: 'VolumeLimitExceeded',
    message:
      'You have exceeded your maximum gp3 storage limit of 50 TiB in this region. Please contact AWS Support to request an Elastic Block Store service limit increase.',
  },
  AttachVolume: {
    code: 'AttachmentLimitExceeded',
    message: 'The maximum number of volume attachments has been reached for the instance.',
  },
  CreateSnapshot: {
    code: 'SnapshotLimitExceeded',
    message: 'The maximum number of snapshots has been reached.',
  },
  CreateVpc: { code: 'VpcLimitExceeded', message: 'The maximum number of VPCs has been reached.' },
  CreateSubnet: { code: 'SubnetLimitExceeded', message: 'The maximum number of subnets has been reached.' },
  CreateInternetGateway: {
    code: 'InternetGatewayLimitExceeded',
    message: 'The maximum number of internet gateways has been reached.',
  },
  CreateRouteTable: {
    code: 'RouteTableLimitExceeded',
    message: 'The maximum number of route tables has been reached.',
  },
  CreateRoute: { code: 'RouteLimitExceeded', message: 'The maximum number of routes has been reached.' },
  CreateSecurityGroup: {
    code: 'SecurityGroupLimitExceeded',
    message: 'The maximum number of security groups has been reached.',
  },
  AuthorizeSecurityGroupIngress: {
    code: 'RulesPerSecurityGroupLimitExceeded',
    message: 'The maximum number of rules per security group has been reached.',
  },
  CreateTags: {
    code: 'TagLimitExceeded',
    message: 'The maximum number of tags per resource (50) has been reached.',
  },
};

export function ec2FaultError(kind: RenderedFaultKind, operation: string): AwsServiceError {
  const quota = kind === 'quota' ? QUOTA_ERRORS[operation] : undefined;
  return quota ? ec2Error(quota.code, quota.message) : faultError(EC2_FAULTS, kind);
}
