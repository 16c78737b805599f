import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  InvalidParameterException,
  InvalidRequestException,
  ResourceInUseException,
  UpdateClusterVersionCommand,
  UpdateNodegroupVersionCommand,
} from '@aws-sdk/client-eks';
import { afterEach, describe, expect, it } from 'vitest';
import { startEksFakeWithClient } from './eks-test-client.js';
import type { RunningEksFake } from './index.js';

const MINUTE = 60_000;
const running: RunningEksFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** An ACTIVE 1.33 cluster `demo` with an ACTIVE nodegroup `users`. */
async function upgradeWorld() {
  const { client, clock } = await startEksFakeWithClient(running);
  await client.send(
    new CreateClusterCommand({
      name: 'demo',
      version: '1.33',
      roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
      resourcesVpcConfig: { subnetIds: ['subnet-a', 'subnet-b'] },
    }),
  );
  clock.advance(12 * MINUTE);
  await client.send(
    new CreateNodegroupCommand({
      clusterName: 'demo',
      nodegroupName: 'users',
      subnets: ['subnet-a'],
      nodeRole: 'arn:aws:iam::123456789012:role/eks-node',
      scalingConfig: { minSize: 0, maxSize: 2, desiredSize: 1 },
    }),
  );
  clock.advance(4 * MINUTE);
  return { client, clock };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((error: unknown) => error);

describe('EKS fake: Kubernetes version updates', () => {
  it('upgrades the control plane one minor version: UPDATING, then ACTIVE on the new version', async () => {
    const { client, clock } = await upgradeWorld();
    const { update } = await client.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.34' }));
    expect(update).toMatchObject({ type: 'VersionUpdate', status: 'InProgress' });
    expect(update?.params).toContainEqual({ type: 'Version', value: '1.34' });
    const during = (await client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster;
    expect(during).toMatchObject({ status: 'UPDATING', version: '1.33' });

    const again = await failureOf(
      client.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.34' })),
    );
    expect(again).toBeInstanceOf(ResourceInUseException);
    const nodesMeanwhile = await failureOf(
      client.send(new UpdateNodegroupVersionCommand({ clusterName: 'demo', nodegroupName: 'users' })),
    );
    expect(nodesMeanwhile).toBeInstanceOf(InvalidRequestException);

    clock.advance(10 * MINUTE);
    const after = (await client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster;
    expect(after).toMatchObject({ status: 'ACTIVE', version: '1.34' });
    const described = await client.send(new DescribeUpdateCommand({ name: 'demo', updateId: update?.id }));
    expect(described.update?.status).toBe('Successful');
  });

  it('refuses a skipped minor version, a downgrade and the same version with EKS’s message', async () => {
    const { client } = await upgradeWorld();
    for (const version of ['1.35', '1.32', '1.33']) {
      const refused = await failureOf(
        client.send(new UpdateClusterVersionCommand({ name: 'demo', version })),
      );
      expect(refused).toBeInstanceOf(InvalidParameterException);
      expect((refused as Error).message).toBe(
        `Unsupported Kubernetes minor version update from 1.33 to ${version}`,
      );
    }
    const status = (await client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status;
    expect(status).toBe('ACTIVE');
  });

  it('rolls a nodegroup to the control plane’s version, never past it', async () => {
    const { client, clock } = await upgradeWorld();
    const ahead = await failureOf(
      client.send(
        new UpdateNodegroupVersionCommand({ clusterName: 'demo', nodegroupName: 'users', version: '1.34' }),
      ),
    );
    expect(ahead).toBeInstanceOf(InvalidParameterException);

    await client.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.34' }));
    clock.advance(10 * MINUTE);
    const { update } = await client.send(
      new UpdateNodegroupVersionCommand({ clusterName: 'demo', nodegroupName: 'users', version: '1.34' }),
    );
    expect(update?.params).toContainEqual({ type: 'ReleaseVersion', value: '1.34.0-20250101' });
    const during = (
      await client.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }))
    ).nodegroup;
    expect(during).toMatchObject({ status: 'UPDATING', version: '1.33' });
    const busy = await failureOf(
      client.send(
        new UpdateNodegroupVersionCommand({ clusterName: 'demo', nodegroupName: 'users', version: '1.34' }),
      ),
    );
    expect(busy).toBeInstanceOf(ResourceInUseException);

    clock.advance(8 * MINUTE);
    const after = (
      await client.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }))
    ).nodegroup;
    expect(after).toMatchObject({ status: 'ACTIVE', version: '1.34', releaseVersion: '1.34.0-20250101' });
    const back = await failureOf(
      client.send(
        new UpdateNodegroupVersionCommand({ clusterName: 'demo', nodegroupName: 'users', version: '1.33' }),
      ),
    );
    expect(back).toBeInstanceOf(InvalidParameterException);
  });
});
