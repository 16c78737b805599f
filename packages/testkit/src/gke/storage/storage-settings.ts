import type { Clock } from '../../framework/clock.js';
import type { StorageState } from './storage-state.js';

export interface StorageFakeOptions {
  clock: Clock;
  /** Accepts an OAuth2 access token; absent: any bearer token. */
  authenticate?: (token: string) => boolean;
  /** Projects the caller may create buckets in; absent: any. */
  projects?: readonly string[];
  /**
   * Whether a service account exists (the sim: the IAM fake's), so a binding naming one that does
   * not is refused as GCS refuses it. Absent: every one exists.
   */
  serviceAccountExists?: (email: string) => boolean;
  state?: StorageState;
}

export interface StorageContext {
  state: StorageState;
  options: StorageFakeOptions;
  now: number;
}
