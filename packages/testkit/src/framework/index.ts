export type { CallLog, CallRecord } from './call-log.js';
export { createCallLog, readCallLog, SIM_CALL_LOG } from './call-log.js';
export { clientIdentity } from './client-identity.js';
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
  ServingTls,
} from './http-service.js';
export { startService } from './http-service.js';
export type { JsonObject } from './json-body.js';
export {
  booleanField,
  numberField,
  objectArrayField,
  objectField,
  parseJsonObject,
  stringArrayField,
  stringField,
  stringMapField,
} from './json-body.js';
export type { Transition, Transitioning } from './lifecycle.js';
export { applyTransition, scheduleTransition, settleAll } from './lifecycle.js';
export type { Page } from './pagination.js';
export { paginate } from './pagination.js';
// Certificates (`pki.ts`, @peculiar/x509: hundreds of modules) are exported by the package root, not
// here: the fakes import this index, and only those that make certificates load `pki.ts`, when they do.
export type { CertificateAndKey, SubjectName } from './pki.js';
export type { RestMatch, RestRoute } from './rest-router.js';
export { matchRestRoute } from './rest-router.js';
export type { RunningFake, StartFakeOptions } from './start-fake.js';
export { startFake } from './start-fake.js';
export type { StateStore } from './state-store.js';
export { createStateStore } from './state-store.js';
