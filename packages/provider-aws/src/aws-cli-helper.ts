import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CredentialHelperV1 } from '@hubfleet/core';

/** Whether `name` is an executable file in one of `path`'s directories (as a shell would find it). */
function onPath(name: string, path: string): boolean {
  return path
    .split(delimiter)
    .filter((directory) => directory !== '')
    .some((directory) => {
      try {
        accessSync(join(directory, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

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
  if (options.simulated || !onPath('aws', options.path ?? process.env.PATH ?? '')) return undefined;
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
