export type { CallLog, CallRecord } from './call-log.js';
export { createCallLog } from './call-log.js';
export type { Clock } from './clock.js';
export { createClock, createManualClock } from './clock.js';
export type { Durations } from './durations.js';
export { DEFAULT_DURATIONS, durationOf } from './durations.js';
export type { FaultInjector, FaultKind, FaultPlan, ScriptedFault, ScriptedFaultKind } from './faults.js';
export { createFaultInjector } from './faults.js';
export type {
  FakeRequest,
  FakeResponse,
  ResolvedOperation,
  RunningService,
  ServiceContext,
  ServiceProtocol,
} from './http-service.js';
export { startService } from './http-service.js';
export type { StateStore } from './state-store.js';
export { createStateStore } from './state-store.js';
