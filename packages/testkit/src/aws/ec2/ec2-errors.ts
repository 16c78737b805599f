import { AwsServiceError } from '../shared/aws-errors.js';

/**
 * EC2 errors as the service names them (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 * Client errors are 400; RequestLimitExceeded and Unavailable are 503; InternalError is 500.
 */
export function ec2Error(code: string, message: string, status = 400): AwsServiceError {
  return new AwsServiceError(code, status, message);
}

export function missingParameter(name: string): AwsServiceError {
  return ec2Error('MissingParameter', `The request must contain the parameter ${name}`);
}

export function invalidParameterValue(message: string): AwsServiceError {
  return ec2Error('InvalidParameterValue', message);
}

export function invalidParameterCombination(message: string): AwsServiceError {
  return ec2Error('InvalidParameterCombination', message);
}

export function dependencyViolation(kind: string, id: string): AwsServiceError {
  return ec2Error('DependencyViolation', `The ${kind} '${id}' has dependencies and cannot be deleted.`);
}

export function incorrectState(message: string): AwsServiceError {
  return ec2Error('IncorrectState', message);
}

/** How each resource kind reports an id that does not exist. */
export const NOT_FOUND = {
  volume: (id: string) => ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`),
  snapshot: (id: string) => ec2Error('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`),
  vpc: (id: string) => ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
  subnet: (id: string) => ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  internetGateway: (id: string) =>
    ec2Error('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`),
  routeTable: (id: string) =>
    ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`),
  association: (id: string) =>
    ec2Error('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`),
  securityGroup: (id: string) =>
    ec2Error('InvalidGroup.NotFound', `The security group '${id}' does not exist`),
  gateway: (id: string) => ec2Error('InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`),
  zone: (name: string) => ec2Error('InvalidZone.NotFound', `The zone '${name}' does not exist.`),
} as const;

/** The `Invalid…ID.Malformed` error for an id without its resource prefix. */
export function malformedId(code: string, id: string, prefix: string): AwsServiceError {
  return ec2Error(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);
}

export function invalidAction(action: string): AwsServiceError {
  return ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
}
