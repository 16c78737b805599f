export type { CinderFake, RunningCinderFake, StartCinderFakeOptions } from './cinder-fake.js';
export { createCinderFake, startCinderFake } from './cinder-fake.js';
export type {
  CinderDurations,
  CinderFailure,
  CinderFakeOptions,
  CinderQuotas,
  CinderSettings,
} from './cinder-settings.js';
export { DEFAULT_CINDER_DURATIONS } from './cinder-settings.js';
export type {
  BackupRecord as CinderBackupRecord,
  BackupStatus as CinderBackupStatus,
  CinderState,
  SnapshotRecord as CinderSnapshotRecord,
  SnapshotStatus as CinderSnapshotStatus,
  VolumeRecord as CinderVolumeRecord,
  VolumeStatus as CinderVolumeStatus,
} from './cinder-state.js';
export { createCinderState } from './cinder-state.js';
export { cinderVolumeBackend } from './cinder-volume-backend.js';
