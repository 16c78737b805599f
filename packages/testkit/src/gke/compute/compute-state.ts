import type { Transitioning } from '../../framework/lifecycle.js';

/** Compute Engine fake state (plain JSON). Keys: `project/zone/name`, `project/region/name`, `project/name`. */
export type DiskStatus = 'CREATING' | 'READY' | 'DELETING' | 'FAILED' | 'RESTORING';
export type SnapshotStatus = 'CREATING' | 'UPLOADING' | 'READY' | 'DELETING' | 'FAILED';
export type AddressStatus = 'RESERVING' | 'RESERVED' | 'IN_USE';

interface Labelled {
  labels: Record<string, string>;
  labelFingerprint: string;
}

export interface DiskRecord extends Transitioning<DiskStatus>, Labelled {
  id: string;
  name: string;
  project: string;
  zone: string;
  sizeGb: number;
  /** The disk type's name, e.g. `pd-balanced`. */
  type: string;
  description?: string;
  sourceSnapshot?: string;
  /** Instances the disk is attached to (self links). */
  users: string[];
  creationTimestamp: number;
}

export interface SnapshotRecord extends Transitioning<SnapshotStatus>, Labelled {
  id: string;
  name: string;
  project: string;
  sourceDisk: string;
  sourceDiskId: string;
  diskSizeGb: number;
  description?: string;
  creationTimestamp: number;
  /** CREATING turns UPLOADING at this time (then READY by the transition). */
  uploadingAt: number;
}

export interface AddressRecord extends Transitioning<AddressStatus>, Labelled {
  id: string;
  name: string;
  project: string;
  region: string;
  address: string;
  addressType: string;
  networkTier: string;
  description?: string;
  users: string[];
  creationTimestamp: number;
}

/** Where an operation lives: `zones/z`, `regions/r` or `global`. */
export type OperationScope = string;

export interface ComputeOperationRecord {
  id: string;
  name: string;
  project: string;
  scope: OperationScope;
  operationType: string;
  targetLink: string;
  targetId: string;
  insertTime: number;
  runningAt: number;
  doneAt: number;
  error?: { code: string; message: string };
  httpErrorStatusCode?: number;
}

export interface ComputeState {
  disks: Record<string, DiskRecord>;
  snapshots: Record<string, SnapshotRecord>;
  addresses: Record<string, AddressRecord>;
  operations: Record<string, ComputeOperationRecord>;
  /** Counts addresses handed out, so each gets its own IP. */
  addressesIssued: number;
}

export function createComputeState(): ComputeState {
  return { disks: {}, snapshots: {}, addresses: {}, operations: {}, addressesIssued: 0 };
}
