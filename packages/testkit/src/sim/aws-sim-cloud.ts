import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEc2Fake } from '../aws/ec2/index.js';
import { startEksFake } from '../aws/eks/index.js';
import { startIamFake } from '../aws/iam/index.js';
import { startS3Fake } from '../aws/s3/index.js';
import {
  addStsPrincipal,
  EKS_TOKEN_PREFIX,
  secretsOf,
  startStsFake,
  verifyEksToken,
} from '../aws/sts/index.js';
import { createCallLog } from '../framework/call-log.js';
import { createClock } from '../framework/clock.js';
import { createFaultInjector, type FaultInjector, type FaultPlan } from '../framework/faults.js';
import { type RunningService, startService } from '../framework/http-service.js';
import { createStateStore } from '../framework/state-store.js';
import { createKubernetesFake, emptyKubernetesState, type KubernetesState } from '../kubernetes/index.js';
import { tieKubernetesToEks } from './cluster-incarnation.js';
import { SIM_ACCOUNT_ID, SIM_CREDENTIALS, SIM_PRINCIPAL_ARN } from './sim-credentials.js';
import { type CapacityOf, nodeGroupsFromEks } from './sim-node-groups.js';

export interface AwsSimCloudOptions {
  /** Where every fake keeps its state and the call log lives (`calls.jsonl`). */
  stateDirectory: string;
  /** Modelled durations are divided by this. @default 1 */
  speed?: number;
  region?: string;
  faults?: FaultPlan;
  /** Node capacity per instance type, e.g. from the provider's catalog. */
  capacityOf?: CapacityOf;
}

export interface AwsSimCloud {
  /** Service name → base URL, e.g. `{ eks: 'http://127.0.0.1:40123', ... }`. */
  endpoints: Record<'eks' | 'ec2' | 'iam' | 'sts' | 's3' | 'kubernetes', string>;
  region: string;
  credentials: typeof SIM_CREDENTIALS;
  callLogFile: string;
  /** Script more faults while it runs (tests: throttling, quota). */
  faults: FaultInjector;
  close(): Promise<void>;
}

/**
 * A whole simulated AWS account on loopback: EKS, EC2, IAM, STS and S3, and the Kubernetes API of
 * its cluster, whose Nodes follow the EKS nodegroups and which accepts only EKS tokens presigned
 * with the simulated credentials — exactly what a real EKS API server checks.
 */
export async function startAwsSimCloud(options: AwsSimCloudOptions): Promise<AwsSimCloud> {
  const directory = options.stateDirectory;
  mkdirSync(directory, { recursive: true });
  const clock = createClock(options.speed ?? 1);
  const faults = createFaultInjector(options.faults);
  const callLogFile = join(directory, 'calls.jsonl');
  const callLog = createCallLog(callLogFile);
  const region = options.region ?? 'us-west-2';
  const common = { clock, faults, callLog };
  const stateFile = (name: string) => join(directory, `${name}.json`);

  const sts = await startStsFake({ ...common, accountId: SIM_ACCOUNT_ID, stateFile: stateFile('sts') });
  addStsPrincipal(sts.state, SIM_CREDENTIALS.accessKeyId, {
    arn: SIM_PRINCIPAL_ARN,
    userId: SIM_CREDENTIALS.accessKeyId,
    secretAccessKey: SIM_CREDENTIALS.secretAccessKey,
  });
  const eks = await startEksFake({ ...common, stateFile: stateFile('eks') });
  const services: RunningService[] = [
    sts,
    eks,
    await startEc2Fake({ ...common, region, stateFile: stateFile('ec2') }),
    await startIamFake({ ...common, stateFile: stateFile('iam') }),
    // S3 holds the deployment lock: shared by every process on this state, as one real bucket is.
    await startS3Fake({ ...common, region, stateFile: stateFile('s3'), shareState: true }),
  ];
  const capacityOf = options.capacityOf ?? (() => undefined);
  const kubernetesStore = createStateStore<KubernetesState>(emptyKubernetesState, stateFile('kubernetes'));
  const kubernetesFake = createKubernetesFake({
    clock,
    state: kubernetesStore.state,
    onStateChange: () => kubernetesStore.save(),
    nodeGroups: () => nodeGroupsFromEks(eks.state, clock.now(), capacityOf),
    authenticate: (token) =>
      token.startsWith(EKS_TOKEN_PREFIX) &&
      verifyEksToken(token, {
        clusterNames: Object.keys(eks.state.clusters),
        secretAccessKeyFor: secretsOf(sts.state),
        now: clock.now(),
      }).ok,
  });
  kubernetesStore.save();
  const protocol = tieKubernetesToEks(
    kubernetesFake.protocol,
    kubernetesFake,
    eks.state,
    clock.now,
    stateFile('kubernetes-incarnation'),
  );
  const kubernetes = await startService(protocol, { clock, faults, callLog });
  services.push(kubernetes);
  const endpoint = (name: string) => services.find((service) => service.name === name)?.url ?? '';
  return {
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
    callLogFile,
    faults,
    close: async () => {
      await Promise.all(services.map((service) => service.close()));
    },
  };
}
