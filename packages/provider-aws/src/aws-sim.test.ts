import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateVolumeCommand,
  DeleteSubnetCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  DescribeAddonCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import {
  GetBucketEncryptionCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  type HubConfig,
  HubfleetError,
  type NodeGroupConfig,
  nodeGroupLabels,
  OwnershipTag,
} from '@hubfleet/core';
import { type AwsSimCloud, startAwsSimCloud } from '@hubfleet/testkit';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AwsConfig, quickstartConfig as quickstart } from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';
import type { AwsProviderSession } from './aws-session.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const MINUTE = 60_000;

const GPU_GROUP: NodeGroupConfig = {
  name: 'gpu',
  role: 'gpu',
  instanceType: 'g4dn.xlarge',
  min: 0,
  max: 2,
  diskSize: '100Gi',
  gpu: { count: 1 },
};

interface Calls {
  service: string;
  operation: string;
  mutating: boolean;
  status: number;
}

/**
 * The simulated account on the test's clock: `Date` is faked before the sim starts, so the fakes,
 * the SDK and the EKS token all read the same time, and `advance` moves it (a manual clock).
 */
describe('the AWS provider on the simulated cloud', () => {
  let cloud: AwsSimCloud;
  let directory: string;
  const sessions: AwsProviderSession[] = [];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    directory = mkdtempSync(join(tmpdir(), 'hubfleet-aws-sim-'));
    cloud = await startAwsSimCloud({ stateDirectory: directory });
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    await cloud.close();
    vi.useRealTimers();
    rmSync(directory, { recursive: true, force: true });
  });

  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
  /** Long enough for any modelled operation to finish. */
  const settle = () => advance(60 * MINUTE);
  const clientOptions = () => ({ endpoint: '', region: cloud.region, credentials: cloud.credentials });
  const eks = () => new EKSClient({ ...clientOptions(), endpoint: cloud.endpoints.eks });
  const ec2 = () => new EC2Client({ ...clientOptions(), endpoint: cloud.endpoints.ec2 });
  const iam = () => new IAMClient({ ...clientOptions(), endpoint: cloud.endpoints.iam });
  const s3 = () => new S3Client({ ...clientOptions(), endpoint: cloud.endpoints.s3, forcePathStyle: true });

  async function connect(config: AwsConfig): Promise<AwsProviderSession> {
    const session = await connectAws(
      config,
      {
        configDirectory: directory,
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { retryStrategy: new ConfiguredRetryStrategy(3, 1) },
    );
    sessions.push(session);
    return session;
  }

  function calls(): Calls[] {
    return readFileSync(cloud.callLogFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Calls);
  }
  const mutatingCalls = () => calls().filter((call) => call.mutating);
  const networkOf = (deployment: string) => [
    { Name: `tag:${OwnershipTag.deployment}`, Values: [deployment] },
    { Name: `tag:${OwnershipTag.component}`, Values: ['network'] },
  ];

  async function deploy(config: AwsConfig): Promise<AwsProviderSession> {
    const session = await connect(config);
    await session.cluster.create();
    settle();
    for (const group of config.cluster.nodeGroups) await session.nodeGroups.create(group);
    settle();
    return session;
  }

  function kubernetes(kubeconfig: string): CoreV1Api {
    const config = new KubeConfig();
    config.loadFromString(kubeconfig);
    return config.makeApiClient(CoreV1Api);
  }

  it('gives a kubeconfig whose EKS token the cluster accepts, renews it after 14 minutes, and the old one is refused after 15', async () => {
    const config = quickstart('kube');
    const session = await deploy(config);
    const first = await session.cluster.kubeconfig();
    const nodes = await kubernetes(first).listNode();
    const core = config.cluster.nodeGroups.find((group) => group.role === 'core') as NodeGroupConfig;
    expect(nodes.items.map((node) => node.metadata?.labels?.['eks.amazonaws.com/nodegroup']).sort()).toEqual([
      'kube-core',
      'kube-tools',
    ]);
    expect(
      nodes.items.find((node) => node.metadata?.labels?.['hubfleet.io/nodegroup'] === 'core')?.metadata
        ?.labels,
    ).toMatchObject(nodeGroupLabels(core));

    advance(10 * MINUTE);
    expect(await session.cluster.kubeconfig(), 'a 10-minute-old token is reused').toBe(first);
    await expect(kubernetes(first).listNode()).resolves.toBeDefined();

    advance(5 * MINUTE + 1000);
    await expect(kubernetes(first).listNode()).rejects.toMatchObject({ code: 401 });
    const renewed = await session.cluster.kubeconfig();
    expect(renewed).not.toBe(first);
    expect((await kubernetes(renewed).listNode()).items).toHaveLength(2);
  });

  it('writes the token for the regional STS host and the cluster name, and the simulated API server as server', async () => {
    const session = await deploy(quickstart('token'));
    const kubeconfig = await session.cluster.kubeconfig();
    expect(kubeconfig).toContain(`server: "${cloud.endpoints.kubernetes}"`);
    const token = /token: "k8s-aws-v1\.([A-Za-z0-9_-]+)"/.exec(kubeconfig)?.[1] ?? '';
    const url = new URL(Buffer.from(token, 'base64url').toString('utf8'));
    expect(url.host).toBe(`sts.${cloud.region}.amazonaws.com`);
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
  });

  it('creates nodegroups with core labels and taints, autoscaler node-template tags, and the core group in one zone', async () => {
    const config = quickstart('groups');
    config.cluster.nodeGroups.push(GPU_GROUP);
    await deploy(config);
    const describe = async (name: string) =>
      (
        await eks().send(
          new DescribeNodegroupCommand({ clusterName: 'groups', nodegroupName: `groups-${name}` }),
        )
      ).nodegroup;

    const users = await describe('users');
    expect(users?.labels).toEqual({
      'hub.jupyter.org/node-purpose': 'user',
      'hubfleet.io/nodegroup': 'users',
    });
    expect(users?.taints).toEqual([
      { key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' },
    ]);
    expect(users?.scalingConfig).toEqual({ minSize: 0, maxSize: 3, desiredSize: 0 });
    expect(users?.amiType).toBe('AL2023_x86_64_STANDARD');
    expect(users?.subnets).toHaveLength(2);
    expect(users?.tags).toMatchObject({
      [OwnershipTag.deployment]: 'groups',
      [OwnershipTag.component]: 'nodegroup',
      [OwnershipTag.nodeGroup]: 'users',
      'k8s.io/cluster-autoscaler/enabled': 'true',
      'k8s.io/cluster-autoscaler/groups': 'owned',
      'k8s.io/cluster-autoscaler/node-template/label/hub.jupyter.org/node-purpose': 'user',
      'k8s.io/cluster-autoscaler/node-template/label/hubfleet.io/nodegroup': 'users',
      'k8s.io/cluster-autoscaler/node-template/taint/hub.jupyter.org/dedicated': 'user:NoSchedule',
    });

    const gpu = await describe('gpu');
    expect(gpu?.amiType).toBe('AL2023_x86_64_NVIDIA');
    expect(gpu?.diskSize).toBe(100);
    expect(gpu?.taints).toContainEqual({ key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' });
    expect(gpu?.tags).toMatchObject({
      'k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu': 'present:NoSchedule',
      'k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu': '1',
    });

    const core = await describe('core');
    expect(core?.subnets).toHaveLength(1);
    expect(core?.labels).toMatchObject({ 'hub.jupyter.org/node-purpose': 'core' });
    expect(core?.taints ?? []).toEqual([]);
  });

  it('creates a public VPC across distinct zones, with DNS host names, tagged', async () => {
    const config = quickstart('net');
    const first = await connect(config);
    await first.cluster.create();
    expect(mutatingCalls().map((call) => call.operation)).toEqual(
      expect.arrayContaining([
        'CreateVpc',
        'ModifyVpcAttribute',
        'CreateSubnet',
        'CreateInternetGateway',
        'CreateRouteTable',
        'CreateRoute',
        'CreateRole',
        'CreateCluster',
      ]),
    );

    const { Vpcs = [] } = await ec2().send(new DescribeVpcsCommand({ Filters: networkOf('net') }));
    expect(Vpcs.map((vpc) => vpc.CidrBlock)).toEqual(['10.40.0.0/16']);
    const VpcId = Vpcs[0]?.VpcId;
    const hostnames = await ec2().send(
      new DescribeVpcAttributeCommand({ VpcId, Attribute: 'enableDnsHostnames' }),
    );
    expect(hostnames.EnableDnsHostnames?.Value).toBe(true);
    const support = await ec2().send(
      new DescribeVpcAttributeCommand({ VpcId, Attribute: 'enableDnsSupport' }),
    );
    expect(support.EnableDnsSupport?.Value).toBe(true);
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ Filters: networkOf('net') }));
    expect(new Set(Subnets.map((subnet) => subnet.AvailabilityZone)).size).toBe(2);
    for (const subnet of Subnets) {
      expect(subnet.MapPublicIpOnLaunch).toBe(true);
      expect(subnet.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'kubernetes.io/role/elb', Value: '1' },
          { Key: 'kubernetes.io/cluster/net', Value: 'shared' },
        ]),
      );
    }
    const { InternetGateways = [] } = await ec2().send(
      new DescribeInternetGatewaysCommand({ Filters: networkOf('net') }),
    );
    expect(InternetGateways[0]?.Attachments?.[0]?.VpcId).toBe(VpcId);
    const { RouteTables = [] } = await ec2().send(
      new DescribeRouteTablesCommand({ Filters: networkOf('net') }),
    );
    expect(RouteTables[0]?.Routes).toContainEqual(
      expect.objectContaining({
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: InternetGateways[0]?.InternetGatewayId,
      }),
    );
    expect(RouteTables[0]?.Associations?.map((association) => association.SubnetId).sort()).toEqual(
      Subnets.map((subnet) => subnet.SubnetId).sort(),
    );
  });

  it('checks the network on every create while the cluster stands: re-creates only a deleted subnet, and a converged run only reads', async () => {
    const config = quickstart('repair');
    await (await connect(config)).cluster.create();
    settle();
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ Filters: networkOf('repair') }));
    const zones = Subnets.map((subnet) => subnet.AvailabilityZone).sort();
    const since = (index: number) => calls().slice(index);
    const session = await connect(config);

    let mark = calls().length;
    await session.cluster.create();
    expect(
      since(mark).filter((call) => call.mutating),
      'a converged create',
    ).toEqual([]);
    expect(
      since(mark).map((call) => call.operation),
      'which still looks at the network',
    ).toEqual(
      expect.arrayContaining(['DescribeCluster', 'DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables']),
    );

    await ec2().send(new DeleteSubnetCommand({ SubnetId: Subnets[0]?.SubnetId }));
    mark = calls().length;
    await session.cluster.create();
    expect(
      since(mark)
        .filter((call) => call.mutating)
        .map((call) => call.operation),
      'the same session repairs just the missing piece',
    ).toEqual(['CreateSubnet', 'ModifySubnetAttribute', 'AssociateRouteTable']);
    const { Subnets: after = [] } = await ec2().send(
      new DescribeSubnetsCommand({ Filters: networkOf('repair') }),
    );
    expect(after.map((subnet) => subnet.AvailabilityZone).sort()).toEqual(zones);
    const { RouteTables = [] } = await ec2().send(
      new DescribeRouteTablesCommand({ Filters: networkOf('repair') }),
    );
    expect(RouteTables[0]?.Associations?.map((association) => association.SubnetId).sort()).toEqual(
      after.map((subnet) => subnet.SubnetId).sort(),
    );

    mark = calls().length;
    await session.cluster.create();
    expect(
      since(mark).filter((call) => call.mutating),
      'converged again',
    ).toEqual([]);
  });

  it('the delete after the cluster is gone removes every owned network piece and the roles', async () => {
    const config = quickstart('teardown');
    const session = await deploy(config);
    for (const group of await session.nodeGroups.list()) await session.nodeGroups.delete(group.name);
    settle();
    await session.cluster.delete();
    settle();
    expect(await session.cluster.observe()).toBeUndefined();
    await session.cluster.delete();
    const ownedBy = [{ Name: `tag:${OwnershipTag.deployment}`, Values: ['teardown'] }];
    expect((await ec2().send(new DescribeVpcsCommand({ Filters: ownedBy }))).Vpcs).toEqual([]);
    expect((await ec2().send(new DescribeSubnetsCommand({ Filters: ownedBy }))).Subnets).toEqual([]);
    expect(
      (await ec2().send(new DescribeInternetGatewaysCommand({ Filters: ownedBy }))).InternetGateways,
    ).toEqual([]);
    expect((await ec2().send(new DescribeRouteTablesCommand({ Filters: ownedBy }))).RouteTables).toEqual([]);
    await expect(
      iam().send(new GetRoleCommand({ RoleName: 'hubfleet-teardown-cluster' })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
    expect(calls().filter((call) => call.operation === 'DeleteVpc' && call.status === 200)).toHaveLength(1);
  });

  it("creates a hub's volume as encrypted gp3 in the core nodegroup's zone, once", async () => {
    const config = quickstart('vol');
    const session = await deploy(config);
    const hub = config.hubs[0] as HubConfig;
    const volume = await session.volumes.create(hub);
    const core = (
      await eks().send(new DescribeNodegroupCommand({ clusterName: 'vol', nodegroupName: 'vol-core' }))
    ).nodegroup;
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ SubnetIds: core?.subnets }));
    expect(volume.zone).toBe(Subnets[0]?.AvailabilityZone);
    expect(volume).toMatchObject({ hub: 'demo', sizeGiB: 10 });
    expect(session.volumes.attachment(volume)).toEqual({
      csiDriver: 'ebs.csi.aws.com',
      volumeHandle: volume.id,
      zone: volume.zone,
    });
    settle();
    expect((await session.volumes.create(hub)).id, 'a second create finds the same volume').toBe(volume.id);
    expect(calls().filter((call) => call.operation === 'CreateVolume')).toHaveLength(1);
  });

  it('adopts an existing volume by tagging it, and refuses one in another zone or owned by another deployment', async () => {
    const config = quickstart('adopt');
    const session = await deploy(config);
    const hub = config.hubs[0] as HubConfig;
    const core = (
      await eks().send(new DescribeNodegroupCommand({ clusterName: 'adopt', nodegroupName: 'adopt-core' }))
    ).nodegroup;
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ SubnetIds: core?.subnets }));
    const coreZone = Subnets[0]?.AvailabilityZone ?? '';
    const makeVolume = async (zone: string, tags: { Key: string; Value: string }[] = []) =>
      (
        await ec2().send(
          new CreateVolumeCommand({
            AvailabilityZone: zone,
            Size: 50,
            VolumeType: 'gp3',
            ...(tags.length === 0 ? {} : { TagSpecifications: [{ ResourceType: 'volume', Tags: tags }] }),
          }),
        )
      ).VolumeId ?? '';
    const retained = await makeVolume(coreZone);
    const withVolume = (id: string): HubConfig => ({ ...hub, storage: { ...hub.storage, adoptVolume: id } });

    const adopted = await session.volumes.create(withVolume(retained));
    expect(adopted).toMatchObject({ id: retained, hub: 'demo', sizeGiB: 50, zone: coreZone });
    expect((await session.volumes.list()).map((volume) => volume.id)).toEqual([retained]);
    const tagged = calls().filter((call) => call.operation === 'CreateTags').length;
    await session.volumes.create(withVolume(retained));
    expect(
      calls().filter((call) => call.operation === 'CreateTags'),
      'adopting again tags nothing',
    ).toHaveLength(tagged);
    expect(calls().filter((call) => call.operation === 'CreateVolume')).toHaveLength(1);

    const elsewhere = await makeVolume(
      coreZone === `${cloud.region}a` ? `${cloud.region}b` : `${cloud.region}a`,
    );
    await expect(session.volumes.create(withVolume(elsewhere))).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('core nodegroup'),
    });
    const foreign = await makeVolume(coreZone, [{ Key: OwnershipTag.deployment, Value: 'someone-else' }]);
    await expect(session.volumes.create(withVolume(foreign))).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('belongs to deployment someone-else'),
    });
  });

  it('installs the Pod Identity agent and the EBS CSI driver bound to its own role, idempotently', async () => {
    const session = await deploy(quickstart('addons'));
    await session.eksAddons.ensure();
    const driver = (
      await eks().send(new DescribeAddonCommand({ clusterName: 'addons', addonName: 'aws-ebs-csi-driver' }))
    ).addon;
    expect(driver?.podIdentityAssociations).toHaveLength(1);
    expect(driver?.tags).toMatchObject({
      [OwnershipTag.deployment]: 'addons',
      [OwnershipTag.component]: 'addon',
    });
    const role = (await iam().send(new GetRoleCommand({ RoleName: 'hubfleet-addons-ebs-csi' }))).Role;
    expect(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')).toContain('pods.eks.amazonaws.com');
    const policies = await iam().send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'hubfleet-addons-ebs-csi' }),
    );
    expect(policies.AttachedPolicies?.map((policy) => policy.PolicyArn)).toEqual([
      'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    ]);
    settle();
    expect((await session.eksAddons.observe()).map(({ name, status }) => ({ name, status }))).toEqual([
      { name: 'eks-pod-identity-agent', status: 'active' },
      { name: 'aws-ebs-csi-driver', status: 'active' },
    ]);
    const before = mutatingCalls().length;
    await session.eksAddons.ensure();
    expect(mutatingCalls()).toHaveLength(before);
  });

  it('gives cluster-autoscaler and velero their own least-privilege roles through Pod Identity, idempotently, and removes them with the cluster', async () => {
    const config = quickstart('tools');
    config.tools.backups = {
      enabled: true,
      bucket: 'tools-velero-backups',
      schedule: '0 3 * * *',
      retain: '720h',
    };
    const session = await deploy(config);
    await session.eksAddons.ensure();
    // velero's bucket is a provider resource of its own (aws-velero-bucket-resource.ts).
    const bucketStep = session.resources?.().find((resource) => resource.kind === 'bucket');
    await bucketStep?.apply('create', {
      kubernetes: async () => undefined,
      facts: async () => ({}),
      signal: new AbortController().signal,
    });
    const associations = (await eks().send(new ListPodIdentityAssociationsCommand({ clusterName: 'tools' })))
      .associations;
    expect(
      associations?.map(({ namespace, serviceAccount }) => `${namespace}/${serviceAccount}`).sort(),
    ).toEqual([
      'kube-system/cluster-autoscaler',
      'kube-system/ebs-csi-controller-sa',
      'velero/velero-server',
    ]);
    for (const role of ['hubfleet-tools-cluster-autoscaler', 'hubfleet-tools-velero']) {
      const policy = await iam().send(new GetRolePolicyCommand({ RoleName: role, PolicyName: 'hubfleet' }));
      expect(JSON.parse(decodeURIComponent(policy.PolicyDocument ?? '')).Version).toBe('2012-10-17');
    }
    const bucket = { Bucket: 'tools-velero-backups' };
    expect((await s3().send(new GetBucketVersioningCommand(bucket))).Status).toBe('Enabled');
    expect(
      (await s3().send(new GetBucketEncryptionCommand(bucket))).ServerSideEncryptionConfiguration?.Rules?.[0]
        ?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    expect((await s3().send(new GetPublicAccessBlockCommand(bucket))).PublicAccessBlockConfiguration).toEqual(
      {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    );
    expect((await s3().send(new GetBucketTaggingCommand(bucket))).TagSet).toContainEqual({
      Key: OwnershipTag.deployment,
      Value: 'tools',
    });
    const velero = await iam().send(
      new GetRolePolicyCommand({ RoleName: 'hubfleet-tools-velero', PolicyName: 'hubfleet' }),
    );
    expect(decodeURIComponent(velero.PolicyDocument ?? '')).toContain('arn:aws:s3:::tools-velero-backups/*');
    const before = mutatingCalls().length;
    await session.eksAddons.ensure();
    expect(mutatingCalls()).toHaveLength(before);

    for (const group of config.cluster.nodeGroups) await session.nodeGroups.delete(group.name);
    settle();
    await session.cluster.delete();
    settle();
    await session.cluster.delete();
    const left = await iam()
      .send(new GetRoleCommand({ RoleName: 'hubfleet-tools-velero' }))
      .catch((error: unknown) => error);
    expect(left).toMatchObject({ name: 'NoSuchEntityException' });
    // Backups outlive the cluster: the bucket stays.
    expect((await s3().send(new HeadBucketCommand(bucket))).$metadata.httpStatusCode).toBe(200);
  });

  it('refuses to adopt a cluster of its name that is not tagged as its own', async () => {
    await eks().send(
      new CreateClusterCommand({
        name: 'taken',
        roleArn: 'arn:aws:iam::111122223333:role/other',
        resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] },
      }),
    );
    const session = await connect(quickstart('taken'));
    const error = await session.cluster.create().catch((caught: unknown) => caught);
    expect(HubfleetError.is(error) && error.kind).toBe('conflict');
    await expect(session.cluster.delete()).rejects.toMatchObject({ kind: 'refused' });
  });

  it('says which configured subnet does not exist', async () => {
    const config = quickstart('given');
    config.provider = {
      ...config.provider,
      network: { subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] },
    };
    const session = await connect(config);
    await expect(session.cluster.create()).rejects.toMatchObject({
      kind: 'invalid-config',
      subject: 'provider.network.subnetIds',
    });
  });
});
