import { HubfleetError, type HubfleetErrorKind } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { awsErrorCode, isAwsError, mapAwsError } from './aws-errors.js';

/** An error shaped as the AWS SDK throws it: `name` is the AWS code, `$metadata` the HTTP status. */
function sdkError(name: string, status: number, message = 'message', retryable?: { throttling?: boolean }) {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    ...(retryable === undefined ? {} : { $retryable: retryable }),
  });
}

interface Row {
  name: string;
  status: number;
  message?: string;
  kind: HubfleetErrorKind;
  retryable: boolean;
}

const TABLE: Row[] = [
  { name: 'ThrottlingException', status: 429, kind: 'throttled', retryable: true },
  { name: 'Throttling', status: 400, kind: 'throttled', retryable: true },
  { name: 'RequestLimitExceeded', status: 503, kind: 'throttled', retryable: true },
  { name: 'TooManyRequestsException', status: 429, kind: 'throttled', retryable: true },
  { name: 'ServerException', status: 500, kind: 'unavailable', retryable: true },
  { name: 'ServiceUnavailableException', status: 503, kind: 'unavailable', retryable: true },
  { name: 'InternalError', status: 500, kind: 'unavailable', retryable: true },
  { name: 'ServiceFailure', status: 500, kind: 'unavailable', retryable: true },
  { name: 'ResourcePropagationDelayException', status: 428, kind: 'unavailable', retryable: true },
  {
    name: 'ResourceInUseException',
    status: 409,
    message: 'Cluster already exists with name: x',
    kind: 'conflict',
    retryable: false,
  },
  {
    name: 'ResourceInUseException',
    status: 409,
    message: 'Nodegroup has update abc in progress',
    kind: 'conflict',
    retryable: true,
  },
  { name: 'VolumeInUse', status: 400, kind: 'conflict', retryable: true },
  { name: 'DependencyViolation', status: 400, kind: 'conflict', retryable: true },
  { name: 'DeleteConflict', status: 409, kind: 'conflict', retryable: true },
  { name: 'EntityAlreadyExists', status: 409, kind: 'conflict', retryable: false },
  { name: 'EntityAlreadyExistsException', status: 409, kind: 'conflict', retryable: false },
  { name: 'DeleteConflictException', status: 409, kind: 'conflict', retryable: true },
  { name: 'NoSuchEntityException', status: 404, kind: 'not-found', retryable: false },
  { name: 'LimitExceededException', status: 409, kind: 'quota', retryable: false },
  {
    name: 'InvalidRequestException',
    status: 400,
    message: "Cluster 'x' is not in ACTIVE status",
    kind: 'conflict',
    retryable: true,
  },
  { name: 'ResourceNotFoundException', status: 404, kind: 'not-found', retryable: false },
  { name: 'NoSuchEntity', status: 404, kind: 'not-found', retryable: false },
  { name: 'InvalidVolume.NotFound', status: 400, kind: 'not-found', retryable: false },
  { name: 'InvalidSubnetID.NotFound', status: 400, kind: 'not-found', retryable: false },
  { name: 'ResourceLimitExceededException', status: 400, kind: 'quota', retryable: false },
  { name: 'VolumeLimitExceeded', status: 400, kind: 'quota', retryable: false },
  { name: 'VpcLimitExceeded', status: 400, kind: 'quota', retryable: false },
  { name: 'LimitExceeded', status: 409, kind: 'quota', retryable: false },
  { name: 'AccessDeniedException', status: 403, kind: 'permission', retryable: false },
  { name: 'AccessDenied', status: 403, kind: 'permission', retryable: false },
  { name: 'UnauthorizedOperation', status: 403, kind: 'permission', retryable: false },
  { name: 'InvalidClientTokenId', status: 403, kind: 'permission', retryable: false },
  { name: 'InvalidParameterException', status: 400, kind: 'invalid-config', retryable: false },
  { name: 'InvalidParameterValue', status: 400, kind: 'invalid-config', retryable: false },
  { name: 'ValidationError', status: 400, kind: 'invalid-config', retryable: false },
  { name: 'InvalidVolumeID.Malformed', status: 400, kind: 'invalid-config', retryable: false },
  {
    name: 'InvalidParameterException',
    status: 400,
    message:
      'Role with arn: arn:aws:iam::1:role/x, could not be assumed because it does not exist or the trusted entity is not correct',
    kind: 'unavailable',
    retryable: true,
  },
  { name: 'SomethingNew', status: 503, kind: 'unavailable', retryable: true },
  { name: 'SomethingNew', status: 404, kind: 'not-found', retryable: false },
  { name: 'SomethingNew', status: 418, kind: 'internal', retryable: false },
];

describe('mapAwsError', () => {
  it.each(TABLE)(
    '$name ($status) → $kind, retryable $retryable',
    ({ name, status, message, kind, retryable }) => {
      const mapped = mapAwsError(sdkError(name, status, message), {
        operation: 'eks:CreateCluster',
        subject: 'cluster/x',
      });
      expect(mapped).toBeInstanceOf(HubfleetError);
      expect({ kind: mapped.kind, retryable: mapped.retryable }).toEqual({ kind, retryable });
      expect(mapped.message).toContain(`AWS eks:CreateCluster failed for cluster/x: ${awsErrorCode(mapped)}`);
      expect(mapped.subject).toBe('cluster/x');
      expect(mapped.hint, 'every mapped error says what to do').toBeTruthy();
      expect(name.startsWith(awsErrorCode(mapped) ?? '-')).toBe(true);
    },
  );

  it('treats what the SDK marked retryable as throttling or unavailable', () => {
    expect(mapAwsError(sdkError('Odd', 400, 'x', { throttling: true })).kind).toBe('throttled');
    expect(mapAwsError(sdkError('Odd', 400, 'x', {}))).toMatchObject({
      kind: 'unavailable',
      retryable: true,
    });
  });

  it('maps dropped connections and aborts', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(mapAwsError(reset)).toMatchObject({ kind: 'unavailable', retryable: true });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(mapAwsError(abort).kind).toBe('interrupted');
  });

  it('passes a HubfleetError through unchanged', () => {
    const original = new HubfleetError({ kind: 'refused', message: 'no' });
    expect(mapAwsError(original)).toBe(original);
  });

  it('names the Service Quotas quota to raise, and the region', () => {
    const context = { region: 'us-west-2' };
    expect(
      mapAwsError(sdkError('ResourceLimitExceededException', 400), {
        ...context,
        operation: 'eks:CreateCluster',
      }).hint,
    ).toContain('"Amazon Elastic Kubernetes Service (Amazon EKS) › Clusters" in us-west-2');
    expect(
      mapAwsError(sdkError('ResourceLimitExceededException', 400, 'Cannot create node group x'), {
        operation: 'eks:CreateNodegroup',
      }).hint,
    ).toContain('Managed node groups per cluster');
    expect(
      mapAwsError(sdkError('VolumeLimitExceeded', 400), { operation: 'ec2:CreateVolume' }).hint,
    ).toContain('Storage for General Purpose SSD (gp3) volumes, in TiB');
    expect(mapAwsError(sdkError('VpcLimitExceeded', 400)).hint).toContain('VPCs per Region');
    expect(
      mapAwsError(sdkError('LimitExceeded', 409, 'Cannot exceed quota for RolesPerAccount: 1000'), {
        operation: 'iam:CreateRole',
      }).hint,
    ).toContain('IAM) › Roles per account');
    expect(mapAwsError(sdkError('TagLimitExceeded', 400)).hint).toContain('50 tags');
  });

  it('names the IAM action from the message, else the operation', () => {
    const denied = sdkError(
      'AccessDeniedException',
      403,
      'User: arn:aws:iam::1:user/a is not authorized to perform: eks:CreateNodegroup on resource: arn:aws:eks:…',
    );
    expect(mapAwsError(denied, { operation: 'eks:CreateCluster' }).hint).toContain(
      'grant eks:CreateNodegroup',
    );
    expect(
      mapAwsError(
        sdkError('UnauthorizedOperation', 403, 'You are not authorized to perform this operation.'),
        { operation: 'ec2:CreateVpc' },
      ).hint,
    ).toContain('grant ec2:CreateVpc');
    expect(mapAwsError(sdkError('ExpiredToken', 403)).hint).toContain('sign in again');
  });

  it('names the field an invalid parameter message points at', () => {
    const cidr = sdkError(
      'InvalidParameterValue',
      400,
      'Value (10.0.0.0) for parameter cidrBlock is invalid.',
    );
    expect(mapAwsError(cidr, { subject: 'network' }).hint).toContain('"cidrBlock" for network');
    const member = sdkError(
      'ValidationError',
      400,
      "1 validation error detected: Value '1' at 'maxSessionDuration' failed",
    );
    expect(mapAwsError(member).hint).toContain('"maxSessionDuration"');
    expect(mapAwsError(sdkError('InvalidParameterException', 400, 'subnets is required.')).hint).toContain(
      '"subnets"',
    );
  });

  it('tells AWS codes apart through a mapped error, whichever spelling the SDK used', () => {
    const mapped = mapAwsError(sdkError('EntityAlreadyExistsException', 409));
    expect(isAwsError(mapped, 'EntityAlreadyExists', 'Other')).toBe(true);
    expect(isAwsError(mapped, 'NoSuchEntity')).toBe(false);
    expect(isAwsError(sdkError('NoSuchEntity', 404), 'NoSuchEntity')).toBe(true);
    expect(awsErrorCode(sdkError('ResourceNotFoundException', 404))).toBe('ResourceNotFoundException');
  });
});
