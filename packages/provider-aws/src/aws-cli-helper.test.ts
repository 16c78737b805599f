import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsCliCredentialHelper } from './aws-cli-helper.js';

/** A directory holding an executable `aws` (what an installed AWS CLI looks like on PATH). */
function directoryWithAws(): string {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-aws-cli-'));
  writeFileSync(join(directory, 'aws'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(directory, 'aws'), 0o755);
  return directory;
}

describe("the AWS CLI as the kubeconfig's exec helper", () => {
  const empty = mkdtempSync(join(tmpdir(), 'hubfleet-no-aws-'));

  it('is `aws eks get-token` for the cluster, region and profile when aws is on PATH', () => {
    const path = [empty, directoryWithAws()].join(delimiter);
    expect(
      awsCliCredentialHelper({
        clusterName: 'prod-green',
        region: 'us-west-2',
        profile: 'ops',
        simulated: false,
        path,
      }),
    ).toEqual({
      command: 'aws',
      args: [
        'eks',
        'get-token',
        '--cluster-name',
        'prod-green',
        '--region',
        'us-west-2',
        '--profile',
        'ops',
        '--output',
        'json',
      ],
    });
  });

  it('is not offered when aws is not installed, nor for a simulated cloud', () => {
    expect(
      awsCliCredentialHelper({ clusterName: 'c', region: 'us-west-2', simulated: false, path: empty }),
    ).toBeUndefined();
    const notExecutable = mkdtempSync(join(tmpdir(), 'hubfleet-aws-plain-'));
    writeFileSync(join(notExecutable, 'aws'), 'not a program');
    chmodSync(join(notExecutable, 'aws'), 0o644);
    expect(
      awsCliCredentialHelper({
        clusterName: 'c',
        region: 'us-west-2',
        simulated: false,
        path: notExecutable,
      }),
    ).toBeUndefined();
    expect(
      awsCliCredentialHelper({
        clusterName: 'c',
        region: 'us-west-2',
        simulated: true,
        path: directoryWithAws(),
      }),
    ).toBeUndefined();
  });
});
