export type { MagnumFake, RunningMagnumFake, StartMagnumFakeOptions } from './magnum-fake.js';
export { createMagnumFake, startMagnumFake } from './magnum-fake.js';
export type {
  MagnumDurations,
  MagnumFailure,
  MagnumFakeOptions,
  MagnumQuotas,
  MagnumSettings,
} from './magnum-settings.js';
export { DEFAULT_MAGNUM_DURATIONS } from './magnum-settings.js';
export type {
  ClusterRecord as MagnumClusterRecord,
  ClusterTemplateRecord as MagnumClusterTemplateRecord,
  MagnumState,
  MagnumStatus,
  NodegroupRecord as MagnumNodegroupRecord,
} from './magnum-state.js';
export { createMagnumState } from './magnum-state.js';
