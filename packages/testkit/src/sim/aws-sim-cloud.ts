import { startEc2Fake } from '../aws/ec2/index.js';
import { settleEks, startEksFake } from '../aws/eks/index.js';
import { startIamFake } from '../aws/iam/index.js';
import { startS3Fake } from '../aws/s3/index.js';
import {
  addStsPrincipal,
  EKS_TOKEN_PREFIX,
  secretsOf,
  startStsFake,
  verifyEksToken,
} from '../aws/sts/index.js';
import { readCallLog } from '../framework/call-log.js';
import type { FaultInjector, FaultPlan } from '../framework/faults.js';
import type { RunningService } from '../framework/http-service.js';
import { DEFAULT_SERVICE_CIDR } from '../kubernetes/service-range.js';
import { awsSimInventory } from './aws-sim-inventory.js';
import { clusterIncarnation } from './cluster-incarnation.js';
import type { SimCloud, SimCloudStartOptions } from './sim-cloud.js';
import { simCloudBase, simCloudRecord, simKubernetesStore, startSimKubernetes } from './sim-cloud-base.js';
import { SIM_ACCOUNT_ID, SIM_CREDENTIALS, SIM_PRINCIPAL_ARN } from './sim-credentials.js';
import { nodeGroupsFromEks } from './sim-node-groups.js';

/** The region a simulated AWS account is in when neither the options nor the config say. */
export const DEFAULT_SIM_AWS_REGION = 'us-west-2';

export interface AwsSimCloudOptions extends SimCloudStartOptions {
  /** Faults to inject, scripted ones included; `faultRate`/`faultSeed` fill its rate and seed when it has none. */
  faults?: FaultPlan;
}

export interface AwsSimCloud extends SimCloud {
  readonly provider: 'aws';
  /** Service name → base URL, e.g. `{ eks: 'http://127.0.0.1:40123', ... }`. */
  readonly endpoints: Record<'eks' | 'ec2' | 'iam' | 'sts' | 's3' | 'kubernetes', string>;
  readonly credentials: typeof SIM_CREDENTIALS;
  readonly faults: FaultInjector;
}

/** The configured region: `options.region`, else the config's `provider.region`, else us-west-2. */
function regionOf(options: AwsSimCloudOptions): string {
  const configured = (options.settings as { region?: unknown } | undefined)?.region;
  return options.region ?? (typeof configured === 'string' ? configured : DEFAULT_SIM_AWS_REGION);
}

/**
 * A whole simulated AWS account on loopback: EKS, EC2, IAM, STS and S3, and the Kubernetes API of
 * its cluster, whose Nodes follow the EKS nodegroups and which accepts only EKS tokens presigned
 * with the simulated credentials — exactly what a real EKS API server checks.
 */
export async function startAwsSimCloud(options: AwsSimCloudOptions): Promise<AwsSimCloud> {
  const base = simCloudBase(options);
  const { clock, common, stateFile } = base;
  const region = regionOf(options);

  const sts = await startStsFake({ ...common, accountId: SIM_ACCOUNT_ID, stateFile: stateFile('sts') });
  addStsPrincipal(sts.state, SIM_CREDENTIALS.accessKeyId, {
    arn: SIM_PRINCIPAL_ARN,
    userId: SIM_CREDENTIALS.accessKeyId,
    secretAccessKey: SIM_CREDENTIALS.secretAccessKey,
  });
  // The examples' VPCs are outside 10.0.0.0/8, where EKS picks 10.100.0.0/16: the range the simulated
  // Kubernetes API allocates Service IPs from.
  const eks = await startEksFake({
    ...common,
    region,
    accountId: SIM_ACCOUNT_ID,
    stateFile: stateFile('eks'),
    defaultServiceIpv4Cidr: DEFAULT_SERVICE_CIDR,
  });
  const ec2 = await startEc2Fake({ ...common, region, stateFile: stateFile('ec2') });
  const iam = await startIamFake({ ...common, accountId: SIM_ACCOUNT_ID, stateFile: stateFile('iam') });
  const services: RunningService[] = [
    sts,
    eks,
    ec2,
    iam,
    // S3 holds the deployment lock: shared by every process on this state, as one real bucket is.
    await startS3Fake({ ...common, region, stateFile: stateFile('s3'), shareState: true }),
  ];
  const capacityOf = options.capacityOf ?? (() => undefined);
  const kubernetesStore = simKubernetesStore(base);
  const kubernetes = await startSimKubernetes(
    base,
    kubernetesStore,
    {
      nodeGroups: () => nodeGroupsFromEks(eks.state, clock.now(), capacityOf),
      serviceCidr: DEFAULT_SERVICE_CIDR,
      authenticate: (token) =>
        token.startsWith(EKS_TOKEN_PREFIX) &&
        verifyEksToken(token, {
          clusterNames: Object.keys(eks.state.clusters),
          secretAccessKeyFor: secretsOf(sts.state),
          now: clock.now(),
        }).ok,
    },
    () => {
      settleEks(eks.state, clock.now());
      return clusterIncarnation(
        Object.values(eks.state.clusters).map(({ name, createdAt }) => ({ name, created: createdAt })),
      );
    },
  );
  services.push(kubernetes.service);
  const endpoint = (name: string) => services.find((service) => service.name === name)?.url ?? '';
  return {
    provider: 'aws',
    endpoints: {
      eks: endpoint('eks'),
      ec2: endpoint('ec2'),
      iam: endpoint('iam'),
      sts: endpoint('sts'),
      s3: endpoint('s3'),
      kubernetes: endpoint('kubernetes'),
    },
    region,
    credentials: SIM_CREDENTIALS,
    ...simCloudRecord(base, services),
    inventory: async () => {
      kubernetes.sync();
      return awsSimInventory({
        region,
        eks: eks.state,
        ec2: ec2.fake.state,
        iam: iam.state,
        kubernetes: kubernetesStore.state,
        calls: readCallLog(base.callLogFile),
        now: clock.now(),
      });
    },
  };
}
