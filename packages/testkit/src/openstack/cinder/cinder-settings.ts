import type { Clock } from '../../framework/clock.js';
import { DEFAULT_KEYSTONE_IDENTITY } from '../keystone/keystone-state.js';
import type { Microversion } from '../shared/microversion.js';
import type { TokenCheck } from '../shared/openstack-http.js';
import type { CinderState } from './cinder-state.js';

/** Modelled durations; volumes take seconds on Ceph-backed clouds. */
export interface CinderDurations {
  create: number;
  delete: number;
  attach: number;
  detach: number;
  extend: number;
  createSnapshot: number;
  deleteSnapshot: number;
  /** A full backup copies the whole volume to the backup store (Swift or Ceph): minutes, not seconds. */
  createBackup: number;
  deleteBackup: number;
}

export const DEFAULT_CINDER_DURATIONS: CinderDurations = {
  create: 10_000,
  delete: 5_000,
  attach: 3_000,
  detach: 3_000,
  extend: 5_000,
  createSnapshot: 15_000,
  deleteSnapshot: 5_000,
  createBackup: 60_000,
  deleteBackup: 10_000,
};

/** Cinder's default per-project quotas ([DEFAULT] quota_volumes, quota_gigabytes, quota_snapshots). */
export interface CinderQuotas {
  /** @default 10 */
  volumes: number;
  /** @default 1000 */
  gigabytes: number;
  /** @default 10 */
  snapshots: number;
  /** quota_backups. @default 10 */
  backups: number;
  /** quota_backup_gigabytes. @default 1000 */
  backupGigabytes: number;
}

export type CinderFailure =
  | 'create-volume'
  | 'delete-volume'
  | 'extend-volume'
  | 'create-snapshot'
  | 'create-backup';

export interface CinderFakeOptions {
  clock: Clock;
  state?: CinderState;
  durations?: Partial<CinderDurations>;
  quotas?: Partial<CinderQuotas>;
  validToken?: TokenCheck;
  /** The project in the URL (`/v3/{project_id}`). @default the Keystone fake's default project */
  projectId?: string;
  userId?: string;
  /** @default ['nova'] */
  availabilityZones?: string[];
  /** @default ['__DEFAULT__'] */
  volumeTypes?: string[];
  /** @default '3.0' */
  minMicroversion?: string;
  /** @default '3.71' (2024.1) */
  maxMicroversion?: string;
  /** osapi_max_limit: the most items one list page holds. @default 1000 */
  maxLimit?: number;
  /** Persists the state (sim mode) after a change made outside a Cinder request (a Nova attach). */
  save?: () => void;
  /** Whether a cinder-backup service runs; without one, creating a backup is 503. @default true */
  backupService?: boolean;
}

export interface CinderSettings {
  clock: Clock;
  durations: CinderDurations;
  quotas: CinderQuotas;
  validToken: TokenCheck | undefined;
  projectId: string;
  userId: string;
  availabilityZones: string[];
  volumeTypes: string[];
  minMicroversion: string;
  maxMicroversion: string;
  maxLimit: number;
  save: () => void;
  backupService: boolean;
  failures: Array<{ operation: CinderFailure; reason: string }>;
}

export function resolveCinderSettings(options: CinderFakeOptions): CinderSettings {
  return {
    clock: options.clock,
    durations: { ...DEFAULT_CINDER_DURATIONS, ...options.durations },
    quotas: {
      volumes: 10,
      gigabytes: 1000,
      snapshots: 10,
      backups: 10,
      backupGigabytes: 1000,
      ...options.quotas,
    },
    validToken: options.validToken,
    projectId: options.projectId ?? DEFAULT_KEYSTONE_IDENTITY.project.id,
    userId: options.userId ?? DEFAULT_KEYSTONE_IDENTITY.user.id,
    availabilityZones: options.availabilityZones ?? ['nova'],
    volumeTypes: options.volumeTypes ?? ['__DEFAULT__'],
    minMicroversion: options.minMicroversion ?? '3.0',
    maxMicroversion: options.maxMicroversion ?? '3.71',
    maxLimit: options.maxLimit ?? 1000,
    save: options.save ?? (() => {}),
    backupService: options.backupService ?? true,
    failures: [],
  };
}

export interface CinderContext {
  state: CinderState;
  settings: CinderSettings;
  now: number;
  version: Microversion;
  versionHeaders: Record<string, string>;
  /** `http://host:port/v3/<project>`, for links. */
  baseUrl: string;
  /** `http://host:port`. */
  hostUrl: string;
}

export function dueIn(context: Pick<CinderContext, 'settings'>, modelledMs: number): number {
  return context.settings.clock.scaled(modelledMs);
}

export function takeFailure(settings: CinderSettings, operation: CinderFailure): boolean {
  const index = settings.failures.findIndex((failure) => failure.operation === operation);
  if (index < 0) return false;
  settings.failures.splice(index, 1);
  return true;
}
