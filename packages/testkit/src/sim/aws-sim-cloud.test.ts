import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVolumeCommand, DescribeAvailabilityZonesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DescribeClusterCommand,
  EKSClient,
} from '@aws-sdk/client-eks';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AwsSimCloud,
  awsSimCloudFactory,
  findSimCloudFactory,
  gkeSimCloudFactory,
  SIM_CREDENTIALS,
  type SimCloud,
  simCloudFactories,
  startAwsSimCloud,
} from './index.js';

class Sha256 {
  private readonly hash;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** An EKS bearer token as `aws eks get-token` makes it: a presigned STS GetCallerIdentity URL. */
async function eksToken(
  clusterName: string,
  secretAccessKey: string = SIM_CREDENTIALS.secretAccessKey,
): Promise<string> {
  const host = 'sts.us-west-2.amazonaws.com';
  const signer = new SignatureV4({
    service: 'sts',
    region: 'us-west-2',
    credentials: { ...SIM_CREDENTIALS, secretAccessKey },
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, 'x-k8s-aws-id': clusterName },
    },
    { expiresIn: 60 },
  );
  const url = `https://${host}/?${new URLSearchParams(signed.query as Record<string, string>).toString()}`;
  return `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;
}

function kubernetes(server: string, token: string): CoreV1Api {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'sim', server, skipTLSVerify: true }],
    users: [{ name: 'sim', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return config.makeApiClient(CoreV1Api);
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached after 200 polls');
}

describe('the simulated AWS cloud', () => {
  const running: AwsSimCloud[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((cloud) => cloud.close()));
  });

  it('runs EKS whose nodegroups become Kubernetes nodes, behind real EKS token checks, and persists across restarts', async () => {
    const stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-sim-'));
    const speed = 20_000;
    const cloud = await startAwsSimCloud({
      stateDirectory,
      speed,
      capacityOf: (type) => (type === 't3a.large' ? { cpu: 2, memoryGiB: 8 } : undefined),
    });
    running.push(cloud);
    const eks = new EKSClient({
      endpoint: cloud.endpoints.eks,
      region: cloud.region,
      credentials: cloud.credentials,
    });
    await eks.send(
      new CreateClusterCommand({
        name: 'demo',
        roleArn: 'arn:aws:iam::111122223333:role/c',
        resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] },
      }),
    );
    await until(async () =>
      (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status === 'ACTIVE'
        ? true
        : undefined,
    );
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: 'demo',
        nodegroupName: 'users',
        nodeRole: 'arn:aws:iam::111122223333:role/n',
        subnets: ['subnet-1'],
        instanceTypes: ['t3a.large'],
        scalingConfig: { minSize: 0, maxSize: 4, desiredSize: 2 },
        labels: { 'hub.jupyter.org/node-purpose': 'user' },
        taints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' }],
      }),
    );

    const api = kubernetes(cloud.endpoints.kubernetes, await eksToken('demo'));
    const nodes = await until(async () => {
      const list = await api.listNode();
      return list.items.length === 2 ? list.items : undefined;
    });
    expect(nodes[0]?.metadata?.labels).toMatchObject({
      'eks.amazonaws.com/nodegroup': 'users',
      'hub.jupyter.org/node-purpose': 'user',
      'node.kubernetes.io/instance-type': 't3a.large',
    });
    expect(nodes[0]?.spec?.taints).toEqual([
      { key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' },
    ]);
    expect(nodes[0]?.status?.capacity).toMatchObject({ cpu: '2', memory: '8Gi' });

    for (const token of [
      await eksToken('other-cluster'),
      await eksToken('demo', 'wrong-secret'),
      'plain-token',
    ]) {
      await expect(kubernetes(cloud.endpoints.kubernetes, token).listNode()).rejects.toMatchObject({
        code: 401,
      });
    }

    const calls = readFileSync(cloud.callLogFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(calls.filter((call) => call.mutating).map((call) => call.operation)).toEqual([
      'CreateCluster',
      'CreateNodegroup',
    ]);

    await cloud.close();
    running.length = 0;
    const again = await startAwsSimCloud({ stateDirectory, speed });
    running.push(again);
    const described = await new EKSClient({
      endpoint: again.endpoints.eks,
      region: again.region,
      credentials: again.credentials,
    }).send(new DescribeClusterCommand({ name: 'demo' }));
    expect(described.cluster?.status).toBe('ACTIVE');
    expect(
      (await kubernetes(again.endpoints.kubernetes, await eksToken('demo')).listNode()).items,
    ).toHaveLength(2);
  });

  it('gives a re-created cluster an empty Kubernetes API, as a new cluster has', async () => {
    const cloud = await startAwsSimCloud({
      stateDirectory: mkdtempSync(join(tmpdir(), 'hubfleet-sim-')),
      speed: 20_000,
    });
    running.push(cloud);
    const eks = new EKSClient({
      endpoint: cloud.endpoints.eks,
      region: cloud.region,
      credentials: cloud.credentials,
    });
    const create = () =>
      eks.send(
        new CreateClusterCommand({
          name: 'demo',
          roleArn: 'arn:aws:iam::111122223333:role/c',
          resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] },
        }),
      );
    const status = async () => {
      try {
        return (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status;
      } catch {
        return 'GONE';
      }
    };
    await create();
    await until(async () => ((await status()) === 'ACTIVE' ? true : undefined));
    const names = async () =>
      (await kubernetes(cloud.endpoints.kubernetes, await eksToken('demo')).listNamespace()).items.map(
        (item) => item.metadata?.name,
      );
    await kubernetes(cloud.endpoints.kubernetes, await eksToken('demo')).createNamespace({
      body: { metadata: { name: 'left-behind' } },
    });
    expect(await names()).toContain('left-behind');

    await eks.send(new DeleteClusterCommand({ name: 'demo' }));
    await until(async () => ((await status()) === 'GONE' ? true : undefined));
    await create();
    await until(async () => ((await status()) === 'ACTIVE' ? true : undefined));
    const fresh = await names();
    expect(fresh).toContain('default');
    expect(fresh).not.toContain('left-behind');
  });
});

describe('the registry of simulated clouds', () => {
  const running: SimCloud[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((cloud) => cloud.close()));
  });

  it('finds a factory by provider kind, and none for a provider without a simulated cloud', () => {
    expect(findSimCloudFactory('aws')).toBe(awsSimCloudFactory);
    expect(findSimCloudFactory('gke')).toBe(gkeSimCloudFactory);
    expect(findSimCloudFactory('azure')).toBeUndefined();
    expect(new Set(simCloudFactories.map((factory) => factory.provider)).size).toBe(simCloudFactories.length);
  });

  it("aws: starts in the config's region (ARNs, endpoints, zones) and reports a provider-neutral inventory", async () => {
    const factory = findSimCloudFactory('aws');
    if (factory === undefined) throw new Error('aws has no factory');
    const cloud = await factory.start({
      stateDirectory: mkdtempSync(join(tmpdir(), 'hubfleet-sim-')),
      speed: 20_000,
      settings: { kind: 'aws', region: 'eu-central-1' } as { kind: string },
      capacityOf: () => ({ cpu: 4, memoryGiB: 16 }),
    });
    running.push(cloud);
    expect(cloud).toMatchObject({ provider: 'aws', region: 'eu-central-1' });
    const client = { region: cloud.region, credentials: SIM_CREDENTIALS };
    const eks = new EKSClient({ ...client, endpoint: cloud.endpoints.eks });
    const ec2 = new EC2Client({ ...client, endpoint: cloud.endpoints.ec2 });
    const owned = { 'hubfleet.io/deployment': 'demo' };
    await eks.send(
      new CreateClusterCommand({
        name: 'demo',
        roleArn: 'arn:aws:iam::111122223333:role/c',
        resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] },
        tags: owned,
      }),
    );
    const cluster = await until(async () => {
      const found = (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster;
      return found?.status === 'ACTIVE' ? found : undefined;
    });
    expect(cluster.arn).toBe('arn:aws:eks:eu-central-1:111122223333:cluster/demo');
    expect(cluster.endpoint).toMatch(/\.eu-central-1\.eks\.amazonaws\.com$/);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: 'demo',
        nodegroupName: 'demo-users',
        nodeRole: 'arn:aws:iam::111122223333:role/n',
        subnets: ['subnet-1'],
        instanceTypes: ['m5.xlarge'],
        scalingConfig: { minSize: 0, maxSize: 4, desiredSize: 2 },
        tags: { ...owned, 'hubfleet.io/nodegroup': 'users' },
      }),
    );
    const zones = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
    expect(zones.map((zone) => zone.ZoneName)).toContain('eu-central-1a');
    const volume = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'eu-central-1a',
        Size: 10,
        TagSpecifications: [
          {
            ResourceType: 'volume',
            Tags: [
              { Key: 'hubfleet.io/hub', Value: 'lab' },
              { Key: 'hubfleet.io/deployment', Value: 'demo' },
            ],
          },
        ],
      }),
    );
    const api = kubernetes(cloud.endpoints.kubernetes, await eksToken('demo'));
    await api.createNamespacedService({
      namespace: 'default',
      body: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } },
    });
    await until(async () => {
      const service = await api.readNamespacedService({ namespace: 'default', name: 'web' });
      return service.status?.loadBalancer?.ingress?.[0]?.hostname;
    });

    const inventory = await until(async () => {
      const now = await cloud.inventory();
      return now.nodeGroups[0]?.readyNodes === 2 ? now : undefined;
    });
    expect(inventory).toMatchObject({
      provider: 'aws',
      region: 'eu-central-1',
      clusters: [{ name: 'demo', status: 'active', kubernetesVersion: cluster.version, deployment: 'demo' }],
      nodeGroups: [
        {
          cluster: 'demo',
          name: 'demo-users',
          nodeGroup: 'users',
          status: 'active',
          machineType: 'm5.xlarge',
          desiredNodes: 2,
          readyNodes: 2,
          deployment: 'demo',
        },
      ],
      volumes: [{ id: volume.VolumeId, hub: 'lab', sizeGiB: 10, zone: 'eu-central-1a', deployment: 'demo' }],
      loadBalancers: [{ service: 'default/web', hostname: expect.stringMatching(/\.lb\.hubfleet\.test$/) }],
      addresses: [],
    });
    const calls = cloud.calls();
    expect(inventory.calls).toEqual({
      total: calls.length,
      mutating: calls.filter((call) => call.mutating).length,
      failed: 0,
    });
    expect(inventory.calls.mutating).toBeGreaterThanOrEqual(4);
    // Reading the inventory is not a call to the cloud.
    expect((await cloud.inventory()).calls.total).toBe(cloud.calls().length);
  });
});
