import type { HubfleetConfig, ProviderSessionV1, ProviderV1 } from '@hubfleet/core';
import type { CallLog } from '../framework/call-log.js';
import type { FaultInjector } from '../framework/faults.js';

/**
 * What the suite reads of a provider: its name, its declared capabilities and its documented default
 * Service range. Any `ProviderV1` fits.
 */
export type ConformanceProvider = Pick<
  ProviderV1,
  'id' | 'displayName' | 'capabilities' | 'defaultServiceCidr'
>;

/** What `setup()` hands the suite: a session against the provider's fakes, and the fakes' controls. */
export interface ConformanceHandle {
  /** A session from `provider.connect(config, …)` whose clients point at the fakes. */
  session: ProviderSessionV1;
  /** The injector every fake of this setup consults; the retries and error-mapping stages script it. */
  faults?: FaultInjector;
  /** The call log every fake of this setup writes; the retries stage reads it. */
  callLog?: CallLog;
  /** Advance the fakes' clocks so that cloud operations in progress finish (e.g. a manual clock's `advance`). */
  settle?(): Promise<void>;
  /** Stop the fakes. The suite calls `session.close()` first. */
  teardown(): Promise<void>;
}

/** How to make the cloud answer with its quota error, for the error-mapping stage. */
export interface QuotaFaultOptions {
  /** The fake's `service.Operation` to fail once with the service's quota error, e.g. `eks.CreateCluster`. */
  operation: string;
  /**
   * The session call that reaches `operation`. It must start from a deployment with nothing created.
   * @default (session) => session.cluster.create()
   */
  trigger?(session: ProviderSessionV1): Promise<unknown>;
}

/** How patiently the suite waits for cloud operations: a number of settle-and-observe rounds, never a wall time. */
export interface PollOptions {
  /** Settle-and-observe rounds before a wait fails. @default 50 */
  attempts?: number;
  /** Real milliseconds between rounds. @default 0 with `settle`, 100 without */
  intervalMs?: number;
}

/** Everything `runProviderConformance` needs. */
export interface ProviderConformanceOptions {
  /** Shown in the suite's title: `provider conformance: <name>`. */
  name: string;
  provider: ConformanceProvider;
  /** A small valid config for this provider: one `core` and one `users` nodegroup, one `shared-nfs` hub. */
  config: HubfleetConfig;
  /** Start the fakes and connect; called once, before the first stage. */
  setup(): Promise<ConformanceHandle>;
  /** Without it the error-mapping stage is not a test (the suite's title names it). */
  quotaFault?: QuotaFaultOptions;
  /**
   * True when the setup's `session.cluster.kubeconfig()` reaches a Kubernetes API whose Nodes follow
   * the nodegroups (e.g. the sim's Kubernetes fake); without it the stages that read the cluster's
   * API are not tests at all (the suite's title names them), never skipped ones.
   */
  kubernetes?: boolean;
  poll?: PollOptions;
}
