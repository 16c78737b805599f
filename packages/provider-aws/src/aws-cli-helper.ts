import { type CredentialHelperV1, isOnPath } from '@hubfleet/core';

/**
 * `aws eks get-token` for the cluster when the AWS CLI is installed: AWS's own exec helper, which
 * reads the same credential chain (environment, profile, SSO) that kubectl's environment has. Not
 * for a simulated cloud: the AWS CLI would sign for the real STS.
 */
export function awsCliCredentialHelper(options: {
  clusterName: string;
  region: string;
  /** `provider.profile`: the AWS CLI signs with the same profile hubfleet does. */
  profile?: string;
  simulated: boolean;
  path?: string;
}): CredentialHelperV1 | undefined {
  if (options.simulated || !isOnPath('aws', options.path)) return undefined;
  return {
    command: 'aws',
    args: [
      'eks',
      'get-token',
      '--cluster-name',
      options.clusterName,
      '--region',
      options.region,
      ...(options.profile === undefined ? [] : ['--profile', options.profile]),
      '--output',
      'json',
    ],
  };
}
