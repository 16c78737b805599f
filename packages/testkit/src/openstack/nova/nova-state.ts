import type { Transitioning } from '../../framework/lifecycle.js';

/** Nova's `status` (with the vm_state behind it) for what the fake models. */
export type ServerStatus = 'BUILD' | 'ACTIVE' | 'ERROR' | 'SHUTOFF';

export interface ServerFault {
  code: number;
  message: string;
  created: string;
}

export interface VolumeAttachmentRecord {
  volumeId: string;
  device: string;
  tag?: string;
  deleteOnTermination: boolean;
}

export interface ServerRecord extends Transitioning<ServerStatus> {
  id: string;
  name: string;
  flavorId: string;
  /** '' when booted from a volume. */
  imageId: string;
  keyName: string | null;
  availabilityZone: string;
  metadata: Record<string, string>;
  tags: string[];
  securityGroups: string[];
  userData?: string;
  description: string | null;
  created: number;
  updated: number;
  launchedAt?: number;
  fault?: ServerFault;
  /** Set while a delete runs (status stays as it was, as Nova shows it). */
  taskState: 'deleting' | 'spawning' | null;
  attachments: VolumeAttachmentRecord[];
  /** OpenSSH public host keys cloud-init prints to the console once the server has booted. */
  hostKeys: string[];
  /** Addresses the fake made up when no Neutron is wired: network name → IPv4. */
  ownAddresses?: Record<string, string>;
  /** The server got ports from Neutron (release them on delete). */
  neutronPorts: boolean;
}

export interface FlavorRecord {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  isPublic: boolean;
  description?: string;
  extraSpecs: Record<string, string>;
}

export interface KeypairRecord {
  name: string;
  publicKey: string;
  fingerprint: string;
  type: 'ssh' | 'x509';
  created: number;
}

export interface NovaState {
  servers: Record<string, ServerRecord>;
  keypairs: Record<string, KeypairRecord>;
  flavors: Record<string, FlavorRecord>;
  /** Counter for the made-up addresses of servers without Neutron. */
  nextAddress: number;
  /** How many servers were created, to pick scripted build outcomes in order. */
  builds: number;
}

export function createNovaState(): NovaState {
  return { servers: {}, keypairs: {}, flavors: {}, nextAddress: 10, builds: 0 };
}
