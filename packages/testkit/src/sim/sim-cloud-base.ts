import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CallLog, createCallLog, readCallLog, SIM_CALL_LOG } from '../framework/call-log.js';
import { type Clock, createClock } from '../framework/clock.js';
import { createFaultInjector, type FaultInjector, type FaultPlan } from '../framework/faults.js';
import { type RunningService, startService } from '../framework/http-service.js';
import { createStateStore, type StateStore } from '../framework/state-store.js';
import {
  createKubernetesFake,
  emptyKubernetesState,
  type KubernetesFakeOptions,
  type KubernetesState,
} from '../kubernetes/index.js';
import { type TiedKubernetes, tieKubernetesToCloud } from './cluster-incarnation.js';
import type { SimCloud, SimCloudStartOptions } from './sim-cloud.js';
import { faultPlanOf } from './sim-options.js';

/** What every simulated cloud's services share: one state directory, clock, fault injector and call log. */
export interface SimCloudBase {
  directory: string;
  clock: Clock;
  faults: FaultInjector;
  callLog: CallLog;
  callLogFile: string;
  /** What each fake's `start*Fake` takes besides its own settings. */
  common: { clock: Clock; faults: FaultInjector; callLog: CallLog };
  /** `<directory>/<name>.json`: one state file per service. */
  stateFile(name: string): string;
}

export function simCloudBase(options: SimCloudStartOptions & { faults?: FaultPlan }): SimCloudBase {
  const directory = options.stateDirectory;
  mkdirSync(directory, { recursive: true });
  const clock = createClock(options.speed ?? 1);
  const faults = createFaultInjector(faultPlanOf(options));
  const callLogFile = join(directory, SIM_CALL_LOG);
  const callLog = createCallLog(callLogFile);
  return {
    directory,
    clock,
    faults,
    callLog,
    callLogFile,
    common: { clock, faults, callLog },
    stateFile: (name) => join(directory, `${name}.json`),
  };
}

/** The simulated cluster's Kubernetes API, served. */
export interface SimKubernetes {
  service: RunningService;
  /** Forget the objects of a cluster that no longer exists (before reading the state directly). */
  sync(): void;
}

/**
 * The Kubernetes API's state, persisted in the sim's directory: made before the cloud's fakes, which
 * may read it (the pods that mount a disk, the Services that use an address).
 */
export function simKubernetesStore(base: SimCloudBase): StateStore<KubernetesState> {
  return createStateStore<KubernetesState>(emptyKubernetesState, base.stateFile('kubernetes'));
}

/**
 * The Kubernetes API of the cloud's cluster: its state saved after every change, and tied to the
 * cloud's clusters (`incarnation` names those that exist now: a deleted or re-created cluster's API
 * starts empty, as a real new cluster's does).
 */
export async function startSimKubernetes(
  base: SimCloudBase,
  store: StateStore<KubernetesState>,
  options: Omit<KubernetesFakeOptions, 'clock' | 'state' | 'onStateChange'>,
  incarnation: () => string,
): Promise<SimKubernetes> {
  const fake = createKubernetesFake({
    ...options,
    clock: base.clock,
    state: store.state,
    onStateChange: () => store.save(),
  });
  store.save();
  const tied: TiedKubernetes = tieKubernetesToCloud(
    fake.protocol,
    fake,
    incarnation,
    base.stateFile('kubernetes-incarnation'),
  );
  const service = await startService(tied.protocol, base.common);
  return { service, sync: tied.sync };
}

/** The members of a `SimCloud` that come from its base and its services. */
export function simCloudRecord(
  base: SimCloudBase,
  services: readonly RunningService[],
): Pick<SimCloud, 'stateDirectory' | 'callLogFile' | 'faults' | 'calls' | 'close'> {
  return {
    stateDirectory: base.directory,
    callLogFile: base.callLogFile,
    faults: base.faults,
    calls: () => readCallLog(base.callLogFile),
    close: async () => {
      await Promise.all(services.map((service) => service.close()));
    },
  };
}
