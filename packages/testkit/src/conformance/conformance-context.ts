import type { HubfleetConfig, ProviderCapabilitiesV1, ProviderSessionV1 } from '@hubfleet/core';
import type { CallLog } from '../framework/call-log.js';
import type { FaultInjector } from '../framework/faults.js';
import type {
  ConformanceHandle,
  ConformanceProvider,
  PollOptions,
  ProviderConformanceOptions,
} from './conformance-options.js';

/** What every check works with: the session, what it was asked to build, and the fakes' controls. */
export interface ConformanceContext {
  session: ProviderSessionV1;
  config: HubfleetConfig;
  capabilities: ProviderCapabilitiesV1;
  provider: ConformanceProvider;
  /** The session's kubeconfig reaches a Kubernetes API (`ProviderConformanceOptions.kubernetes`). */
  kubernetes: boolean;
  faults?: FaultInjector;
  callLog?: CallLog;
  /** Let cloud operations in progress finish; a no-op when the setup has no clock to move. */
  settle(): Promise<void>;
  poll: Required<PollOptions>;
}

const DEFAULT_ATTEMPTS = 50;
const INTERVAL_WITHOUT_SETTLE_MS = 100;

/** The context the checks need, from a setup's handle; use it to run single checks in a provider's own tests. */
export function conformanceContext(
  handle: ConformanceHandle,
  options: Pick<ProviderConformanceOptions, 'config' | 'provider' | 'poll' | 'kubernetes'>,
): ConformanceContext {
  const settle = handle.settle?.bind(handle);
  return {
    session: handle.session,
    config: options.config,
    capabilities: options.provider.capabilities,
    provider: options.provider,
    kubernetes: options.kubernetes === true,
    ...(handle.faults === undefined ? {} : { faults: handle.faults }),
    ...(handle.callLog === undefined ? {} : { callLog: handle.callLog }),
    settle: settle ?? (async () => {}),
    poll: {
      attempts: options.poll?.attempts ?? DEFAULT_ATTEMPTS,
      intervalMs: options.poll?.intervalMs ?? (settle === undefined ? INTERVAL_WITHOUT_SETTLE_MS : 0),
    },
  };
}
