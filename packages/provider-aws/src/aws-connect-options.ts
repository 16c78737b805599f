import type { EKSClientConfig } from '@aws-sdk/client-eks';

/** Static AWS credentials, e.g. the simulated account's. */
export interface AwsStaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * What tests and the CLI's `--sim` wiring may set beyond the config. Real runs leave it empty: the
 * region and profile come from the config and credentials from the default AWS chain.
 */
export interface AwsConnectOverrides {
  /** Credentials for every client and for the EKS token; in a simulation they win over `simulation.credentials`. */
  credentials?: AwsStaticCredentials;
  /** The SDK retry strategy, e.g. `new ConfiguredRetryStrategy(4, 1)` so fault tests take milliseconds. */
  retryStrategy?: EKSClientConfig['retryStrategy'];
  /**
   * The first wait, in milliseconds, of hubfleet's own retries inside a call (looking again after a
   * create whose reply was lost, waiting for an id EC2 has not yet propagated); doubled each time.
   * @default 500
   */
  retryDelayMs?: number;
}
