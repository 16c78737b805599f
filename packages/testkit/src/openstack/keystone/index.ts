export type { KeystoneFake, RunningKeystoneFake, StartKeystoneFakeOptions } from './keystone-fake.js';
export { createKeystoneFake, startKeystoneFake } from './keystone-fake.js';
export type { KeystoneCatalogEntry, KeystoneFakeOptions, KeystoneSettings } from './keystone-settings.js';
export type {
  KeystoneApplicationCredential,
  KeystoneDomain,
  KeystoneIssuedToken,
  KeystoneProject,
  KeystoneState,
  KeystoneUser,
} from './keystone-state.js';
export { createKeystoneState, DEFAULT_KEYSTONE_IDENTITY } from './keystone-state.js';
