/** Nova's server status; the fake and hubfleet act on BUILD, ACTIVE, ERROR, SHUTOFF and DELETED. */
export type ServerStatus =
  | 'BUILD'
  | 'ACTIVE'
  | 'ERROR'
  | 'SHUTOFF'
  | 'DELETED'
  | 'REBOOT'
  | 'HARD_REBOOT'
  | 'RESIZE'
  | 'VERIFY_RESIZE'
  | 'SHELVED'
  | 'SHELVED_OFFLOADED'
  | 'SUSPENDED'
  | 'PAUSED'
  | 'UNKNOWN';

export interface ServerAddress {
  network: string;
  address: string;
  version: number;
  type: 'fixed' | 'floating' | 'unknown';
  macAddress: string | null;
}

export interface Server {
  id: string;
  name: string;
  status: ServerStatus;
  /** `OS-EXT-STS:task_state`, e.g. `deleting`, `spawning`. */
  taskState: string | null;
  /** Why a server is in ERROR (`fault.message`). */
  fault: { code: number; message: string } | null;
  flavorId: string | null;
  flavorName: string | null;
  imageId: string | null;
  keyName: string | null;
  availabilityZone: string | null;
  metadata: Record<string, string>;
  tags: string[];
  addresses: ServerAddress[];
  attachedVolumeIds: string[];
  securityGroups: string[];
  createdAt: number | undefined;
  launchedAt: number | undefined;
}

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  /** MiB. */
  ram: number;
  /** Root disk, GiB (0: the image's size, or boot from volume). */
  disk: number;
  /** The ephemeral disk, GiB (`OS-FLV-EXT-DATA:ephemeral`); NeCTAR mounts it at /mnt. */
  ephemeral: number;
  swap: number;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
}

export interface Keypair {
  name: string;
  publicKey: string;
  fingerprint: string;
  type: string;
}

export interface VolumeAttachment {
  volumeId: string;
  serverId: string;
  /** What Nova says; the guest may disagree (use volumeDevicePath). */
  device: string | null;
  tag: string | null;
  deleteOnTermination: boolean;
}

export interface AvailabilityZone {
  name: string;
  available: boolean;
}
