import { HubfleetError } from '@hubfleet/core';

/** The ways the AWS SDK's default chain finds credentials, in the order it tries them. */
export const AWS_CREDENTIAL_SOURCES =
  'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys); or name a profile from ~/.aws/credentials or ~/.aws/config with provider.profile or AWS_PROFILE (`aws configure`, or `aws sso login --profile NAME` for IAM Identity Center); or run where a role applies (EC2 instance profile, ECS task role, EKS Pod Identity). To rehearse without an account, add --sim';

/**
 * The SDK found no credentials at all (`CredentialsProviderError` from the default chain, or a
 * profile that does not exist): invalid input (exit 2), saying every way to provide them, instead
 * of an unrecognised AWS error.
 */
export function credentialsError(error: unknown, name: string, message: string): HubfleetError | undefined {
  if (name !== 'CredentialsProviderError') return undefined;
  return new HubfleetError({
    kind: 'invalid-config',
    retryable: false,
    message: `no AWS credentials found (${message})`,
    hint: AWS_CREDENTIAL_SOURCES,
    subject: 'AWS credentials',
    cause: error,
  });
}
