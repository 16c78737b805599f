import { AwsServiceError } from '../shared/aws-errors.js';
import type { AwsFaultTable } from '../shared/aws-faults.js';

/**
 * EKS errors as the service sends them (restJson1: status, `x-amzn-errortype`, `{message, clusterName?,
 * nodegroupName?}`). Messages quoted from real responses where known (issue threads cite them).
 */
export const EKS_FAULTS: AwsFaultTable = {
  throttle: { code: 'ThrottlingException', status: 429, message: 'Rate exceeded' },
  'server-error': { code: 'ServerException', status: 500, message: 'An internal server error occurred.' },
  unavailable: { code: 'ServiceUnavailableException', status: 503, message: 'The service is unavailable.' },
  quota: {
    code: 'ResourceLimitExceededException',
    status: 400,
    message: 'You have exceeded a service limit.',
  },
};

type Fields = Record<string, string>;

export function invalidParameter(message: string, fields: Fields = {}): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', 400, message, fields);
}

export function invalidRequest(message: string, fields: Fields = {}): AwsServiceError {
  return new AwsServiceError('InvalidRequestException', 400, message, fields);
}

export function resourceInUse(message: string, fields: Fields = {}): AwsServiceError {
  return new AwsServiceError('ResourceInUseException', 409, message, fields);
}

export function resourceNotFound(message: string, fields: Fields = {}): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 404, message, fields);
}

export function limitExceeded(message: string, fields: Fields = {}): AwsServiceError {
  return new AwsServiceError('ResourceLimitExceededException', 400, message, fields);
}

export function clusterNotFound(clusterName: string): AwsServiceError {
  return resourceNotFound(`No cluster found for name: ${clusterName}.`, { clusterName });
}

export function nodegroupNotFound(clusterName: string, nodegroupName: string): AwsServiceError {
  return resourceNotFound(`No node group found for name: ${nodegroupName}.`, { clusterName, nodegroupName });
}

export function clusterNotActive(clusterName: string): AwsServiceError {
  return invalidRequest(`Cluster '${clusterName}' is not in ACTIVE status`, { clusterName });
}

/** The tagging operations use their own error names: NotFoundException and BadRequestException. */
export function taggedResourceNotFound(resourceArn: string): AwsServiceError {
  return new AwsServiceError('NotFoundException', 404, `Resource not found: ${resourceArn}`);
}

export function badRequest(message: string): AwsServiceError {
  return new AwsServiceError('BadRequestException', 400, message);
}
