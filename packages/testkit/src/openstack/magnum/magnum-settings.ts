import type { Clock } from '../../framework/clock.js';
import type { CertificateAndKey } from '../../framework/pki.js';
import { DEFAULT_KEYSTONE_IDENTITY } from '../keystone/keystone-state.js';
import type { Microversion } from '../shared/microversion.js';
import type { TokenCheck } from '../shared/openstack-http.js';
import type { ClusterRecord, MagnumState } from './magnum-state.js';

const MINUTE = 60_000;

/** Modelled durations (STFC reports ≈ 14 minutes for one master and one worker on the Heat driver). */
export interface MagnumDurations {
  createCluster: number;
  updateCluster: number;
  deleteCluster: number;
  createNodegroup: number;
  updateNodegroup: number;
  deleteNodegroup: number;
}

export const DEFAULT_MAGNUM_DURATIONS: MagnumDurations = {
  createCluster: 14 * MINUTE,
  updateCluster: 4 * MINUTE,
  deleteCluster: 5 * MINUTE,
  createNodegroup: 8 * MINUTE,
  updateNodegroup: 1 * MINUTE,
  deleteNodegroup: 3 * MINUTE,
};

export interface MagnumQuotas {
  /** Magnum's [quotas] max_clusters_per_project. @default 20 */
  clustersPerProject: number;
}

export type MagnumFailure =
  | 'create-cluster'
  | 'update-cluster'
  | 'delete-cluster'
  | 'create-nodegroup'
  | 'delete-nodegroup';

export interface MagnumFakeOptions {
  clock: Clock;
  state?: MagnumState;
  durations?: Partial<MagnumDurations>;
  quotas?: Partial<MagnumQuotas>;
  /** Lowest microversion served. @default '1.1' */
  minMicroversion?: string;
  /** Highest microversion served; 1.10 models a cloud without nodegroup labels. @default '1.14' */
  maxMicroversion?: string;
  /** keystonemiddleware's check; without it any non-empty token passes. */
  validToken?: TokenCheck;
  /** The project resources are created in. @default the Keystone fake's default project */
  projectId?: string;
  userId?: string;
  /** `api_address` once a cluster is CREATE_COMPLETE, e.g. a Kubernetes fake's URL. */
  apiAddressFor?: (cluster: ClusterRecord) => string;
  /** Whether a Nova keypair exists (the sim cloud asks Nova); without it every keypair passes. */
  keypairExists?: (name: string) => boolean;
  /** @default 'v1.29.2' */
  coeVersion?: string;
  /** Magnum's [api] max_limit: the most items one list page holds. @default 1000 */
  maxLimit?: number;
  /** Persists the state (sim mode) after a change a read made: a CA made on first use. */
  save?: () => void;
  /**
   * One CA for every cluster instead of one each: the sim serves a single Kubernetes API whose TLS
   * must trust the certificates Magnum signs.
   */
  certificateAuthority?: CertificateAndKey;
}

export interface MagnumSettings {
  clock: Clock;
  durations: MagnumDurations;
  quotas: MagnumQuotas;
  minMicroversion: string;
  maxMicroversion: string;
  validToken: TokenCheck | undefined;
  projectId: string;
  userId: string;
  apiAddressFor: ((cluster: ClusterRecord) => string) | undefined;
  keypairExists: ((name: string) => boolean) | undefined;
  coeVersion: string;
  maxLimit: number;
  save: () => void;
  certificateAuthority: CertificateAndKey | undefined;
  /** Failures scripted for the next accepted operations of a kind (tests: CREATE_FAILED, DELETE_FAILED). */
  failures: Array<{ operation: MagnumFailure; reason: string }>;
}

export function resolveMagnumSettings(options: MagnumFakeOptions): MagnumSettings {
  return {
    clock: options.clock,
    durations: { ...DEFAULT_MAGNUM_DURATIONS, ...options.durations },
    quotas: { clustersPerProject: 20, ...options.quotas },
    minMicroversion: options.minMicroversion ?? '1.1',
    maxMicroversion: options.maxMicroversion ?? '1.14',
    validToken: options.validToken,
    projectId: options.projectId ?? DEFAULT_KEYSTONE_IDENTITY.project.id,
    userId: options.userId ?? DEFAULT_KEYSTONE_IDENTITY.user.id,
    apiAddressFor: options.apiAddressFor,
    keypairExists: options.keypairExists,
    coeVersion: options.coeVersion ?? 'v1.29.2',
    maxLimit: options.maxLimit ?? 1000,
    save: options.save ?? (() => {}),
    certificateAuthority: options.certificateAuthority,
    failures: [],
  };
}

/** What every handler gets: state, settings, the time, and the negotiated microversion. */
export interface MagnumContext {
  state: MagnumState;
  settings: MagnumSettings;
  now: number;
  version: Microversion;
  /** Headers every /v1 answer carries (OpenStack-API-Version, -Minimum-, -Maximum-). */
  versionHeaders: Record<string, string>;
  /** `http://host:port`, for links. */
  baseUrl: string;
}

/** When an operation of `durationMs` modelled time accepted now completes. */
export function dueAt(context: MagnumContext, durationMs: number): number {
  return context.now + context.settings.clock.scaled(durationMs);
}

/** The scripted failure for this operation, if any (consumed). */
export function takeFailure(settings: MagnumSettings, operation: MagnumFailure): string | undefined {
  const index = settings.failures.findIndex((failure) => failure.operation === operation);
  if (index < 0) return undefined;
  const [failure] = settings.failures.splice(index, 1);
  return failure?.reason;
}
