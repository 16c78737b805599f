import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAddonCommand,
  CreateClusterCommand,
  type CreateClusterCommandInput,
  CreateNodegroupCommand,
  type CreateNodegroupCommandInput,
  CreatePodIdentityAssociationCommand,
  DeleteAddonCommand,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  type EKSClient,
  InvalidParameterException,
  InvalidRequestException,
  ListAddonsCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  ResourceInUseException,
  ResourceLimitExceededException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateNodegroupConfigCommand,
} from '@aws-sdk/client-eks';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createClock, createManualClock } from '../../framework/clock.js';
import { createFaultInjector, type FaultInjector } from '../../framework/faults.js';
import { startEksFakeWithClient } from './eks-test-client.js';
import { eksNodeGroups, type RunningEksFake, type StartEksFakeOptions } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const MINUTE = 60_000;
const running: RunningEksFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

const start = (options: Partial<StartEksFakeOptions> = {}) => startEksFakeWithClient(running, options);

const clusterInput = (
  name: string,
  extra: Partial<CreateClusterCommandInput> = {},
): CreateClusterCommandInput => ({
  name,
  roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
  resourcesVpcConfig: { subnetIds: ['subnet-a', 'subnet-b'] },
  tags: { 'hubfleet.io/deployment': 'demo' },
  ...extra,
});

const nodegroupInput = (clusterName: string, nodegroupName: string): CreateNodegroupCommandInput => ({
  clusterName,
  nodegroupName,
  subnets: ['subnet-a', 'subnet-b'],
  nodeRole: 'arn:aws:iam::123456789012:role/eks-node',
  instanceTypes: ['m6i.large'],
  scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
  labels: { 'hub.jupyter.org/node-purpose': 'user' },
  taints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' }],
});

async function activeCluster(client: EKSClient, clock: { advance(ms: number): void }, name = 'demo') {
  await client.send(new CreateClusterCommand(clusterInput(name)));
  clock.advance(12 * MINUTE);
}

describe('EKS fake, driven by @aws-sdk/client-eks', () => {
  it('creates a cluster that is CREATING, then ACTIVE with an endpoint after the modelled 12 minutes', async () => {
    const { client, clock } = await start();
    const created = await client.send(new CreateClusterCommand(clusterInput('demo', { version: '1.32' })));
    expect(created.cluster).toMatchObject({ name: 'demo', status: 'CREATING', version: '1.32' });
    expect(created.cluster?.endpoint).toBeUndefined();
    expect(created.cluster?.createdAt).toBeInstanceOf(Date);
    expect(created.cluster?.arn).toBe('arn:aws:eks:us-east-1:123456789012:cluster/demo');

    clock.advance(11 * MINUTE);
    expect((await client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status).toBe(
      'CREATING',
    );
    clock.advance(1 * MINUTE);
    const { cluster } = await client.send(new DescribeClusterCommand({ name: 'demo' }));
    expect(cluster).toMatchObject({ status: 'ACTIVE', tags: { 'hubfleet.io/deployment': 'demo' } });
    expect(cluster?.endpoint).toMatch(/^https:\/\/[A-Z0-9]+\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
    expect(Buffer.from(cluster?.certificateAuthority?.data ?? '', 'base64').toString()).toContain(
      'BEGIN CERTIFICATE',
    );
    expect((await client.send(new ListClustersCommand({}))).clusters).toEqual(['demo']);
  });

  it('rejects a duplicate cluster name with ResourceInUseException, but answers a retry with the same clientRequestToken', async () => {
    const { client } = await start();
    const input = clusterInput('demo', { clientRequestToken: 'hubfleet-demo-create-0001' });
    const first = await client.send(new CreateClusterCommand(input));
    const retried = await client.send(new CreateClusterCommand(input));
    expect(retried.cluster?.arn).toBe(first.cluster?.arn);

    const conflict = await client
      .send(new CreateClusterCommand(clusterInput('demo')))
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ResourceInUseException);
    expect(conflict).toMatchObject({
      message: 'Cluster already exists with name: demo',
      clusterName: 'demo',
    });
    expect((conflict as ResourceInUseException).$metadata.httpStatusCode).toBe(409);
  });

  it('answers typed errors: not found (404), invalid parameters and an inactive cluster (400)', async () => {
    const { client } = await start();
    const missing = await client
      .send(new DescribeClusterCommand({ name: 'nope' }))
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing).toMatchObject({ message: 'No cluster found for name: nope.', clusterName: 'nope' });

    const oneSubnet = clusterInput('demo', { resourcesVpcConfig: { subnetIds: ['subnet-a'] } });
    await expect(client.send(new CreateClusterCommand(oneSubnet))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );

    await client.send(new CreateClusterCommand(clusterInput('demo')));
    const early = await client
      .send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')))
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(InvalidRequestException);
    expect(early).toMatchObject({ message: "Cluster 'demo' is not in ACTIVE status" });
  });

  it('creates nodegroups CREATING → ACTIVE and rejects a scaling config with minSize > maxSize', async () => {
    const { client, clock, fake } = await start();
    await activeCluster(client, clock);
    const created = await client.send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')));
    expect(created.nodegroup).toMatchObject({
      status: 'CREATING',
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
    });
    clock.advance(4 * MINUTE);
    const { nodegroup } = await client.send(
      new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }),
    );
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      instanceTypes: ['m6i.large'],
      taints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' }],
    });
    expect(nodegroup?.resources?.autoScalingGroups?.[0]?.name).toMatch(/^eks-users-/);
    expect((await client.send(new ListNodegroupsCommand({ clusterName: 'demo' }))).nodegroups).toEqual([
      'users',
    ]);

    const invalid = {
      ...nodegroupInput('demo', 'bad'),
      scalingConfig: { minSize: 4, maxSize: 2, desiredSize: 3 },
    };
    const error = await client.send(new CreateNodegroupCommand(invalid)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ nodegroupName: 'bad', clusterName: 'demo' });

    const duplicate = await client
      .send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')))
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({
      name: 'ResourceInUseException',
      message: 'NodeGroup already exists with name users and cluster name demo',
    });

    const [view] = eksNodeGroups(fake.state, { clusterName: 'demo' });
    expect(view).toMatchObject({
      nodegroupName: 'users',
      hasNodes: true,
      desiredSize: 2,
      labels: { 'hub.jupyter.org/node-purpose': 'user' },
      kubernetesTaints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' }],
    });
  });

  it('refuses DeleteCluster while nodegroups exist, then deletes: DELETING, then gone', async () => {
    const { client, clock } = await start();
    await activeCluster(client, clock);
    await client.send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')));
    const refused = await client.send(new DeleteClusterCommand({ name: 'demo' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ResourceInUseException);
    expect(refused).toMatchObject({ message: 'Cluster has nodegroups attached' });

    const deleting = await client.send(
      new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }),
    );
    expect(deleting.nodegroup?.status).toBe('DELETING');
    await expect(client.send(new DeleteClusterCommand({ name: 'demo' }))).rejects.toBeInstanceOf(
      ResourceInUseException,
    );
    clock.advance(3 * MINUTE);
    await expect(
      client.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);

    expect((await client.send(new DeleteClusterCommand({ name: 'demo' }))).cluster?.status).toBe('DELETING');
    clock.advance(5 * MINUTE);
    await expect(client.send(new DescribeClusterCommand({ name: 'demo' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('UpdateNodegroupConfig returns an update that DescribeUpdate follows to Successful, then applies it', async () => {
    const { client, clock, fake } = await start();
    await activeCluster(client, clock);
    await client.send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')));
    clock.advance(4 * MINUTE);

    const { update } = await client.send(
      new UpdateNodegroupConfigCommand({
        clusterName: 'demo',
        nodegroupName: 'users',
        scalingConfig: { desiredSize: 3 },
        labels: { addOrUpdateLabels: { tier: 'gpu' }, removeLabels: ['hub.jupyter.org/node-purpose'] },
        taints: {
          addOrUpdateTaints: [{ key: 'nvidia.com/gpu', effect: 'NO_EXECUTE' }],
          removeTaints: [{ key: 'hub.jupyter.org/dedicated' }],
        },
      }),
    );
    expect(update).toMatchObject({ type: 'ConfigUpdate', status: 'InProgress' });
    expect(update?.params).toContainEqual({ type: 'DesiredSize', value: '3' });
    expect(update?.params).toContainEqual({ type: 'LabelsToAdd', value: '{"tier":"gpu"}' });

    const busy = await client
      .send(
        new UpdateNodegroupConfigCommand({
          clusterName: 'demo',
          nodegroupName: 'users',
          scalingConfig: { desiredSize: 1 },
        }),
      )
      .catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(ResourceInUseException);
    const tooSmall = await client
      .send(
        new UpdateNodegroupConfigCommand({
          clusterName: 'demo',
          nodegroupName: 'users',
          scalingConfig: { maxSize: 0 },
        }),
      )
      .catch((e: unknown) => e);
    expect(tooSmall).toBeInstanceOf(ResourceInUseException);

    const describe = () =>
      client.send(new DescribeUpdateCommand({ name: 'demo', updateId: update?.id, nodegroupName: 'users' }));
    expect((await describe()).update?.status).toBe('InProgress');
    expect(
      (await client.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' })))
        .nodegroup?.status,
    ).toBe('UPDATING');
    clock.advance(1 * MINUTE);
    expect((await describe()).update?.status).toBe('Successful');
    const { nodegroup } = await client.send(
      new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }),
    );
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 3 },
      labels: { tier: 'gpu' },
      taints: [{ key: 'nvidia.com/gpu', effect: 'NO_EXECUTE' }],
    });
    expect(eksNodeGroups(fake.state)[0]?.desiredSize).toBe(3);

    const invalid = await client
      .send(
        new UpdateNodegroupConfigCommand({
          clusterName: 'demo',
          nodegroupName: 'users',
          scalingConfig: { minSize: 4 },
        }),
      )
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidParameterException);
    expect(invalid).toMatchObject({ message: "Minimum capacity 4 can't be greater than maximum size 3" });
    await expect(
      client.send(
        new DescribeUpdateCommand({ name: 'demo', updateId: 'no-such-update', nodegroupName: 'users' }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('enforces quotas with ResourceLimitExceededException, and renders the injected quota fault the same way', async () => {
    const faults = createFaultInjector();
    const { client, clock } = await start({ quotas: { nodegroupsPerCluster: 1 }, faults });
    await activeCluster(client, clock);
    await client.send(new CreateNodegroupCommand(nodegroupInput('demo', 'one')));
    const second = await client
      .send(new CreateNodegroupCommand(nodegroupInput('demo', 'two')))
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ResourceLimitExceededException);
    expect((second as ResourceLimitExceededException).$metadata.httpStatusCode).toBe(400);

    faults.script({ operation: 'eks.CreateCluster', fault: 'quota', times: 1 });
    await expect(client.send(new CreateClusterCommand(clusterInput('other')))).rejects.toBeInstanceOf(
      ResourceLimitExceededException,
    );
  });

  it('keeps a just-created cluster and nodegroup invisible to Describe for the eventual-consistency delay', async () => {
    const { client, clock } = await start({ describeDelay: 2_000 });
    await client.send(new CreateClusterCommand(clusterInput('demo')));
    await expect(client.send(new DescribeClusterCommand({ name: 'demo' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    clock.advance(2_000);
    expect((await client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status).toBe(
      'CREATING',
    );
    clock.advance(12 * MINUTE);
    await client.send(new CreateNodegroupCommand(nodegroupInput('demo', 'users')));
    await expect(
      client.send(new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('manages add-ons and pod identity associations (aws-ebs-csi-driver, cluster-autoscaler, velero)', async () => {
    const { client, clock } = await start();
    await activeCluster(client, clock);
    const role = 'arn:aws:iam::123456789012:role/ebs-csi';
    const { addon } = await client.send(
      new CreateAddonCommand({
        clusterName: 'demo',
        addonName: 'aws-ebs-csi-driver',
        podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: role }],
      }),
    );
    expect(addon).toMatchObject({ addonName: 'aws-ebs-csi-driver', status: 'CREATING' });
    expect(addon?.podIdentityAssociations).toHaveLength(1);
    clock.advance(1 * MINUTE);
    const described = await client.send(
      new DescribeAddonCommand({ clusterName: 'demo', addonName: 'aws-ebs-csi-driver' }),
    );
    expect(described.addon?.status).toBe('ACTIVE');
    expect((await client.send(new ListAddonsCommand({ clusterName: 'demo' }))).addons).toEqual([
      'aws-ebs-csi-driver',
    ]);

    const { association } = await client.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'demo',
        namespace: 'kube-system',
        serviceAccount: 'cluster-autoscaler',
        roleArn: 'arn:aws:iam::123456789012:role/autoscaler',
      }),
    );
    expect(association?.associationId).toMatch(/^a-[a-z0-9]{17}$/);
    const duplicate = await client
      .send(
        new CreatePodIdentityAssociationCommand({
          clusterName: 'demo',
          namespace: 'kube-system',
          serviceAccount: 'cluster-autoscaler',
          roleArn: 'arn:aws:iam::123456789012:role/other',
        }),
      )
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ResourceInUseException);
    const listed = await client.send(
      new ListPodIdentityAssociationsCommand({ clusterName: 'demo', namespace: 'kube-system' }),
    );
    expect(listed.associations?.map((entry) => entry.serviceAccount).sort()).toEqual([
      'cluster-autoscaler',
      'ebs-csi-controller-sa',
    ]);

    await client.send(
      new DeletePodIdentityAssociationCommand({
        clusterName: 'demo',
        associationId: association?.associationId,
      }),
    );
    await client.send(new DeleteAddonCommand({ clusterName: 'demo', addonName: 'aws-ebs-csi-driver' }));
    expect(
      (await client.send(new ListPodIdentityAssociationsCommand({ clusterName: 'demo' }))).associations,
    ).toEqual([]);
    clock.advance(1 * MINUTE);
    await expect(
      client.send(new DescribeAddonCommand({ clusterName: 'demo', addonName: 'aws-ebs-csi-driver' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('tags clusters by ARN and answers NotFoundException for an unknown ARN', async () => {
    const { client } = await start();
    const { cluster } = await client.send(new CreateClusterCommand(clusterInput('demo')));
    const resourceArn = cluster?.arn;
    await client.send(new TagResourceCommand({ resourceArn, tags: { owner: 'hubfleet' } }));
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['hubfleet.io/deployment'] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({
      owner: 'hubfleet',
    });
    await expect(
      client.send(
        new ListTagsForResourceCommand({ resourceArn: 'arn:aws:eks:us-east-1:123456789012:cluster/ghost' }),
      ),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it('survives a 10% fault rate: the SDK retries reads, a small loop retries creates with a clientRequestToken', async () => {
    const faults: FaultInjector = createFaultInjector({ rate: 0.1, seed: 7 });
    const callLog = createCallLog();
    const { client } = await start({ clock: createClock(1_000_000), faults, callLog });
    const createWithRetry = async (name: string) => {
      const input = clusterInput(name, { clientRequestToken: `hubfleet-${name}-token` });
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.send(new CreateClusterCommand(input));
        } catch (error) {
          if (attempt >= 5 || error instanceof ResourceInUseException) throw error;
        }
      }
    };
    for (let index = 0; index < 10; index++) await createWithRetry(`cluster-${index}`);
    for (let round = 0; round < 10; round++) {
      const { clusters } = await client.send(new ListClustersCommand({}));
      expect(clusters).toHaveLength(10);
      await client.send(new DescribeClusterCommand({ name: `cluster-${round}` }));
    }
    const failed = callLog.calls.filter((call) => call.status === 0 || call.status >= 400);
    expect(failed.length).toBeGreaterThan(0);
    expect(callLog.count({ mutating: true, operation: 'CreateCluster' })).toBeGreaterThanOrEqual(10);
    expect(callLog.count({ mutating: false })).toBeGreaterThanOrEqual(20);
    expect(callLog.calls.every((call) => call.mutating === (call.operation === 'CreateCluster'))).toBe(true);
  });

  it('persists its state to a file so a second process sees the same clusters (sim mode)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'eks-fake-'));
    try {
      const stateFile = join(directory, 'eks.json');
      const clock = createManualClock();
      const first = await start({ clock, stateFile });
      await first.client.send(new CreateClusterCommand(clusterInput('demo')));
      const second = await start({ clock, stateFile });
      clock.advance(12 * MINUTE);
      expect((await second.client.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status).toBe(
        'ACTIVE',
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
