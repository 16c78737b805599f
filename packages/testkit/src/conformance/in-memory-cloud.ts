import { HubfleetError, type HubfleetErrorKind } from '@hubfleet/core';
import type { CallLog } from '../framework/call-log.js';
import type { Clock } from '../framework/clock.js';
import { type Durations, durationOf } from '../framework/durations.js';
import type { FaultInjector, FaultKind } from '../framework/faults.js';
import { mappedFault } from './in-memory-errors.js';
import { type InMemoryCloudState, settleInMemoryCloud } from './in-memory-state.js';

const MINUTE = 60_000;

/** How long the in-memory cloud's operations take, in modelled milliseconds, by `memory.<Operation>`. */
export const IN_MEMORY_DURATIONS: Durations = {
  'memory.CreateCluster': 12 * MINUTE,
  'memory.DeleteCluster': 5 * MINUTE,
  'memory.CreateNodegroup': 4 * MINUTE,
  'memory.UpdateNodegroup': 1 * MINUTE,
  'memory.DeleteNodegroup': 3 * MINUTE,
  'memory.CreateVolume': 10_000,
  'memory.DeleteVolume': 5_000,
};

/** The service name the in-memory cloud uses in the call log and for scripted faults (`memory.CreateCluster`). */
export const IN_MEMORY_SERVICE = 'memory';

const FAULT_STATUS: Readonly<Record<FaultKind, number>> = {
  throttle: 429,
  'server-error': 500,
  unavailable: 503,
  drop: 0,
  quota: 400,
};

const ERROR_STATUS: Partial<Record<HubfleetErrorKind, number>> = { 'not-found': 404, conflict: 409 };

/** The in-memory cloud's runtime: state, time, faults and the call log, shared by one session's APIs. */
export class InMemoryCloud {
  constructor(
    readonly state: InMemoryCloudState,
    readonly clock: Clock,
    private readonly durations: Durations,
    private readonly faults?: FaultInjector,
    private readonly callLog?: CallLog,
  ) {}

  /**
   * One call to the cloud: an injected fault fails it (mapped as the provider edge maps it);
   * otherwise operations that are due finish, then `work` runs. Every call is logged with its status.
   */
  call<Result>(operation: string, mutating: boolean, work: () => Result): Result {
    const log = (status: number) =>
      this.callLog?.record({
        service: IN_MEMORY_SERVICE,
        operation,
        mutating,
        status,
        time: this.clock.now(),
      });
    const fault = this.faults?.next(IN_MEMORY_SERVICE, operation);
    if (fault !== undefined) {
      log(FAULT_STATUS[fault]);
      throw mappedFault(fault, operation);
    }
    settleInMemoryCloud(this.state, this.clock.now());
    try {
      const result = work();
      log(200);
      return result;
    } catch (error) {
      log(HubfleetError.is(error) ? (ERROR_STATUS[error.kind] ?? 400) : 500);
      throw error;
    }
  }

  /** When an operation started now finishes, on this cloud's clock. */
  finishesAt(operation: string): number {
    return (
      this.clock.now() + this.clock.scaled(durationOf(this.durations, `${IN_MEMORY_SERVICE}.${operation}`))
    );
  }

  /** A fresh id such as `vol-7`. */
  newId(prefix: string): string {
    const id = `${prefix}-${this.state.nextId}`;
    this.state.nextId += 1;
    return id;
  }
}
