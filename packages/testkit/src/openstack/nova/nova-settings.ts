import type { Clock } from '../../framework/clock.js';
import type { PortBackend } from '../shared/port-backend.js';
import type { FlavorRecord, NovaState, ServerRecord } from './nova-state.js';

/** How a server's build ends: ACTIVE, ERROR (with a fault), or BUILD forever (a hung boot). */
export type BuildOutcome = 'active' | 'error' | 'stuck';

/** What Nova asks Cinder when it attaches a volume (the sim cloud wires the Cinder fake in). */
export interface NovaVolumeBackend {
  /** Reserve the volume for the server: it goes attaching → in-use. */
  attach(volumeId: string, serverId: string, device: string): 'ok' | 'not-found' | { invalid: string };
  /** The volume goes detaching → available. */
  detach(volumeId: string, serverId: string): void;
  /**
   * The server was deleted and the volume was attached with `delete_on_termination`: Nova deletes
   * it after detaching. A data volume attached that way is lost with its server.
   */
  remove?(volumeId: string): void;
}

export interface NovaQuotas {
  /** @default 10 */
  instances: number;
  /** @default 20 */
  cores: number;
  /** MiB. @default 51200 */
  ram: number;
  /** @default 100 */
  keyPairs: number;
  /** @default 128 */
  metadataItems: number;
}

export interface NovaDurations {
  /** BUILD → ACTIVE. @default 60 s */
  build: number;
  /** A delete until the server is gone. @default 5 s */
  delete: number;
  /** ACTIVE until cloud-init has printed the host keys to the console. @default 30 s */
  cloudInit: number;
}

export interface NovaFakeOptions {
  clock: Clock;
  state?: NovaState;
  /** @default DEFAULT_NOVA_FLAVORS */
  flavors?: FlavorRecord[];
  /** @default ['nova'] */
  availabilityZones?: string[];
  quotas?: Partial<NovaQuotas>;
  durations?: Partial<NovaDurations>;
  /** Nova's `[api] max_limit`: the most items one list page holds. @default 1000 */
  maxLimit?: number;
  /** @default '2.1' */
  minMicroversion?: string;
  /** @default '2.96' (2024.1 Caracal) */
  maxMicroversion?: string;
  /** Builds end in these outcomes, in creation order; after them, `buildErrorRate` decides. */
  buildOutcomes?: BuildOutcome[];
  /** Chance (0..1, seeded) that a build ends in ERROR. @default 0 */
  buildErrorRate?: number;
  /** @default 1 */
  seed?: number;
  /** A server's host keys (OpenSSH public key lines), e.g. a real sshd's for a NeCTAR sim. */
  hostKeysFor?: (server: { id: string; name: string }) => string[] | undefined;
  /** Whether an image id exists (the sim cloud asks Glance); without it every imageRef is accepted. */
  imageExists?: (imageId: string) => boolean;
  ports?: PortBackend;
  volumes?: NovaVolumeBackend;
  /**
   * The address a server gets when it has no Neutron port (`networks: auto`, NeCTAR's classic
   * networking): network name → IPv4. The NeCTAR VM sim hands out its VMs' loopback addresses
   * here. @default `{ private: 10.0.0.N }`
   */
  ownAddressFor?: (server: ServerRecord) => Record<string, string>;
  /**
   * Whether the machine behind a server has started: a build does not end ACTIVE until it says so
   * (the NeCTAR VM sim boots a real sshd then). Asked each time Nova settles a due build.
   */
  machineReady?: (server: ServerRecord) => boolean;
  /** Token validation (Keystone's); without it any non-empty X-Auth-Token passes. */
  validToken?: (token: string) => boolean;
  /** @default 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' */
  projectId?: string;
  /** @default 'f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5' */
  userId?: string;
}

export interface NovaSettings
  extends Required<
    Pick<NovaFakeOptions, 'clock' | 'availabilityZones' | 'buildErrorRate' | 'seed' | 'projectId' | 'userId'>
  > {
  quotas: NovaQuotas;
  durations: NovaDurations;
  maxLimit: number;
  minMicroversion: string;
  maxMicroversion: string;
  buildOutcomes: BuildOutcome[];
  hostKeysFor?: NovaFakeOptions['hostKeysFor'];
  imageExists?: NovaFakeOptions['imageExists'];
  ports?: PortBackend;
  volumes?: NovaVolumeBackend;
  ownAddressFor?: NovaFakeOptions['ownAddressFor'];
  machineReady?: NovaFakeOptions['machineReady'];
  validToken?: NovaFakeOptions['validToken'];
}

const GIB = 1024;

function flavor(
  id: string,
  name: string,
  vcpus: number,
  ramGib: number,
  disk: number,
  ephemeral = 0,
): FlavorRecord {
  return { id, name, vcpus, ram: ramGib * GIB, disk, ephemeral, swap: 0, isPublic: true, extraSpecs: {} };
}

/** A small generic catalog; the sim clouds pass STFC's or NeCTAR's own. */
export const DEFAULT_NOVA_FLAVORS: readonly FlavorRecord[] = [
  flavor('1', 'm1.small', 1, 2, 20),
  flavor('2', 'm1.medium', 2, 4, 40),
  flavor('3', 'm1.large', 4, 8, 80),
  flavor('4', 'm1.xlarge', 8, 16, 160),
  flavor('5', 'r1.large', 4, 16, 30, 60),
];

export const DEFAULT_NOVA_QUOTAS: NovaQuotas = {
  instances: 10,
  cores: 20,
  ram: 51200,
  keyPairs: 100,
  metadataItems: 128,
};

const SECOND = 1000;

export function resolveNovaSettings(options: NovaFakeOptions): NovaSettings {
  return {
    clock: options.clock,
    availabilityZones: options.availabilityZones ?? ['nova'],
    quotas: { ...DEFAULT_NOVA_QUOTAS, ...options.quotas },
    durations: { build: 60 * SECOND, delete: 5 * SECOND, cloudInit: 30 * SECOND, ...options.durations },
    maxLimit: options.maxLimit ?? 1000,
    minMicroversion: options.minMicroversion ?? '2.1',
    maxMicroversion: options.maxMicroversion ?? '2.96',
    buildOutcomes: options.buildOutcomes ?? [],
    buildErrorRate: options.buildErrorRate ?? 0,
    seed: options.seed ?? 1,
    hostKeysFor: options.hostKeysFor,
    imageExists: options.imageExists,
    ports: options.ports,
    volumes: options.volumes,
    ownAddressFor: options.ownAddressFor,
    machineReady: options.machineReady,
    validToken: options.validToken,
    projectId: options.projectId ?? 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
    userId: options.userId ?? 'f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5',
  };
}
