import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { type ConnectContextV1, HubfleetError, type SimulationV1, simulationOf } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import type { AwsConnectOverrides, AwsStaticCredentials } from './aws-connect-options.js';

/** Attempts per call before an error reaches hubfleet's own retries (the SDK default is 3). */
const MAX_ATTEMPTS = 5;

/** The SDK clients of one session, and what else talking to AWS needs. */
export interface AwsClients {
  eks: EKSClient;
  ec2: EC2Client;
  /**
   * EC2 without the SDK's retries, for creates that take no idempotency token (CreateVpc,
   * CreateSubnet, CreateInternetGateway): the SDK would send one again after a lost reply and make a
   * second. The caller looks again by tag before it creates again (`createUnlessFound`).
   */
  ec2Once: EC2Client;
  iam: IAMClient;
  sts: STSClient;
  /** Made on first use: only backups need S3, and a simulated cloud may serve no S3. */
  s3(): S3Client;
  region: string;
  /** True when the clients talk to the simulated cloud. */
  simulated: boolean;
  /** The simulated Kubernetes API, which stands in for the cluster's endpoint in sim mode. */
  simulatedKubernetes?: string;
  /** The credentials the clients sign with, resolved (and refreshed) by the SDK's provider chain. */
  credentials(): Promise<AwsStaticCredentials>;
  /** Close every client's connections. */
  destroy(): void;
}

/** The services a session talks to; `kubernetes` is the simulated cluster API. */
const SIMULATED_SERVICES = ['eks', 'ec2', 'iam', 'sts', 's3'] as const;
type Service = (typeof SIMULATED_SERVICES)[number];

/** The simulated account's credentials: the overrides', else the simulation's own. */
function simulatedCredentials(
  simulation: SimulationV1,
  overrides: AwsConnectOverrides,
): AwsStaticCredentials {
  if (overrides.credentials !== undefined) return overrides.credentials;
  const { accessKeyId, secretAccessKey, sessionToken } = simulation.credentials;
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
  }
  throw new HubfleetError({
    kind: 'internal',
    message: 'the simulated AWS cloud was given no credentials',
    hint: "pass the simulated account's credentials: simulation.credentials { accessKeyId, secretAccessKey } in the connect context (startAwsSimCloud gives them), or connectAws(config, context, { credentials })",
  });
}

function simulatedEndpoint(endpoints: Readonly<Record<string, string>>, service: Service): string {
  const endpoint = endpoints[service];
  if (endpoint === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `the simulated AWS cloud has no ${service} endpoint`,
      hint: `simulation.endpoints needs ${SIMULATED_SERVICES.join(', ')} (startAwsSimCloud gives them all)`,
    });
  }
  return endpoint;
}

interface CommonClientConfig {
  region: string;
  maxAttempts: number;
  profile?: string;
  credentials?: AwsStaticCredentials;
  retryStrategy?: AwsConnectOverrides['retryStrategy'];
}

function commonConfig(
  settings: AwsProviderSettings,
  simulated: AwsStaticCredentials | undefined,
  overrides: AwsConnectOverrides,
): CommonClientConfig {
  const config: CommonClientConfig = { region: settings.region, maxAttempts: MAX_ATTEMPTS };
  const credentials = simulated ?? overrides.credentials;
  if (credentials !== undefined) config.credentials = credentials;
  else if (settings.profile !== undefined) config.profile = settings.profile;
  if (overrides.retryStrategy !== undefined) config.retryStrategy = overrides.retryStrategy;
  return config;
}

/**
 * Clients for a real account (region and profile from the config, credentials from the default
 * chain) or, with `context.simulation`, for the simulated cloud at its endpoints, signed with its
 * credentials (never the default chain's: a `--sim` run must not need or read a real credential).
 */
export function createAwsClients(
  settings: AwsProviderSettings,
  context: ConnectContextV1,
  overrides: AwsConnectOverrides = {},
): AwsClients {
  const simulation = simulationOf(context);
  const endpoints = simulation?.endpoints;
  const simulated = simulation === undefined ? undefined : simulatedCredentials(simulation, overrides);
  const common = commonConfig(settings, simulated, overrides);
  const at = (service: Service) =>
    endpoints === undefined ? {} : { endpoint: simulatedEndpoint(endpoints, service) };
  const eks = new EKSClient({ ...common, ...at('eks') });
  const ec2 = new EC2Client({ ...common, ...at('ec2') });
  const { retryStrategy: _retries, ...withoutRetries } = common;
  const ec2Once = new EC2Client({ ...withoutRetries, maxAttempts: 1, ...at('ec2') });
  const iam = new IAMClient({ ...common, ...at('iam') });
  const sts = new STSClient({ ...common, ...at('sts') });
  let s3: S3Client | undefined;
  return {
    eks,
    ec2,
    ec2Once,
    iam,
    sts,
    s3: () => {
      // Bucket names are not host names on 127.0.0.1: path-style URLs in sim mode.
      s3 ??= new S3Client({ ...common, ...at('s3'), forcePathStyle: endpoints !== undefined });
      return s3;
    },
    region: settings.region,
    simulated: endpoints !== undefined,
    ...(endpoints?.kubernetes === undefined ? {} : { simulatedKubernetes: endpoints.kubernetes }),
    credentials: async () => {
      const resolved = await sts.config.credentials();
      return {
        accessKeyId: resolved.accessKeyId,
        secretAccessKey: resolved.secretAccessKey,
        ...(resolved.sessionToken === undefined ? {} : { sessionToken: resolved.sessionToken }),
      };
    },
    destroy: () => {
      for (const client of [eks, ec2, ec2Once, iam, sts, s3]) client?.destroy();
    },
  };
}
