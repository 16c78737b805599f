import type { HubfleetConfig, ProviderSessionV1 } from '@hubfleet/core';
import type { CallLog } from '../framework/call-log.js';
import { type Clock, createManualClock } from '../framework/clock.js';
import type { Durations } from '../framework/durations.js';
import type { FaultInjector } from '../framework/faults.js';
import { IN_MEMORY_DURATIONS, InMemoryCloud } from './in-memory-cloud.js';
import { inMemoryClusterApi } from './in-memory-cluster.js';
import { inMemoryNodeGroupApi } from './in-memory-node-groups.js';
import { createInMemoryCloudState, type InMemoryCloudState } from './in-memory-state.js';
import { inMemoryVolumeApi } from './in-memory-volumes.js';

export interface InMemorySessionOptions {
  /** The deployment: its name names the cluster and tags everything. */
  config: HubfleetConfig;
  /** Time in the cloud; operations finish when it passes their modelled duration. @default a manual clock */
  clock?: Clock;
  /** @default IN_MEMORY_DURATIONS */
  durations?: Durations;
  /** Consulted before every call as `memory.<Operation>`; quota and transient faults are mapped to HubfleetErrors. */
  faults?: FaultInjector;
  callLog?: CallLog;
  /** The cloud's state, to share one cloud between sessions or to seed it. @default an empty cloud */
  state?: InMemoryCloudState;
  /**
   * The kubeconfig of a Kubernetes fake tied to the cluster (e.g. `running.kubeconfig(...)` of a
   * started fake): `cluster.kubeconfig()` returns it once the cluster is active. Without it the
   * kubeconfig names an unreachable `*.memory.hubfleet.test` server.
   */
  kubeconfig?: () => Promise<string>;
}

/** A session on the in-memory cloud, with the cloud's state and clock for tests to read and move. */
export interface InMemorySession extends ProviderSessionV1 {
  readonly state: InMemoryCloudState;
  readonly clock: Clock;
}

/**
 * A small in-memory `ProviderSessionV1`: operations take modelled time on its clock (advance a
 * manual clock to let them finish), everything carries ownership tags, a busy or foreign resource is
 * a `conflict` and a missing one `not-found`, creates of owned resources and deletes of absent ones
 * are idempotent, deleting the cluster keeps the volumes, and faults from `faults` surface mapped.
 * It is the reference the conformance suite is proven against, and a session for engine tests.
 */
export function createInMemorySession(options: InMemorySessionOptions): InMemorySession {
  const clock = options.clock ?? createManualClock();
  const state = options.state ?? createInMemoryCloudState();
  const cloud = new InMemoryCloud(
    state,
    clock,
    options.durations ?? IN_MEMORY_DURATIONS,
    options.faults,
    options.callLog,
  );
  return {
    state,
    clock,
    cluster: inMemoryClusterApi(cloud, options.config, options.kubeconfig),
    nodeGroups: inMemoryNodeGroupApi(cloud, options.config),
    volumes: inMemoryVolumeApi(cloud, options.config),
    addons: () => [],
    close: async () => {},
  };
}
