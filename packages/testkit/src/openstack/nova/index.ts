export type { NovaFake, RunningNovaFake, StartNovaFakeOptions } from './nova-fake.js';
export { createNovaFake, startNovaFake } from './nova-fake.js';
export type {
  BuildOutcome,
  NovaDurations,
  NovaFakeOptions,
  NovaQuotas,
  NovaSettings,
  NovaVolumeBackend,
} from './nova-settings.js';
export { DEFAULT_NOVA_FLAVORS, DEFAULT_NOVA_QUOTAS } from './nova-settings.js';
export type {
  FlavorRecord as NovaFlavorRecord,
  KeypairRecord as NovaKeypairRecord,
  NovaState,
  ServerRecord as NovaServerRecord,
  ServerStatus as NovaServerStatus,
} from './nova-state.js';
export { createNovaState } from './nova-state.js';
export { fingerprintLine, generateHostKey } from './ssh-host-key.js';
