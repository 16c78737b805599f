import type { RestRoute } from '../../framework/rest-router.js';
import { type GoogleOperation, googleRoute } from '../google-protocol.js';
import {
  deleteAddress,
  getAddress,
  insertAddress,
  listAddresses,
  setAddressLabels,
} from './compute-addresses.js';
import {
  aggregatedListDisks,
  deleteDisk,
  getDisk,
  insertDisk,
  listDisks,
  setDiskLabels,
} from './compute-disks.js';
import { getMachineType, listMachineTypes } from './compute-machine-types.js';
import { getComputeOperation } from './compute-operations.js';
import type { ComputeContext } from './compute-settings.js';
import {
  createSnapshot,
  deleteSnapshot,
  getSnapshot,
  listSnapshots,
  setSnapshotLabels,
} from './compute-snapshots.js';

const PROJECT = '/compute/v1/projects/{project}';
const ZONE = `${PROJECT}/zones/{zone}`;
const REGION = `${PROJECT}/regions/{region}`;
type Route = RestRoute<GoogleOperation<ComputeContext>>;

const operation = (context: ComputeContext, request: { labels: Record<string, string> }) =>
  getComputeOperation(context, request.labels);

/** The compute v1 REST paths (discovery document) the fake serves. */
export const COMPUTE_ROUTES: readonly Route[] = [
  googleRoute('POST', `${ZONE}/disks`, 'InsertDisk', 'compute.disks.create', insertDisk),
  googleRoute('GET', `${ZONE}/disks`, 'ListDisks', 'compute.disks.list', listDisks),
  googleRoute(
    'GET',
    `${PROJECT}/aggregated/disks`,
    'AggregatedListDisks',
    'compute.disks.list',
    aggregatedListDisks,
  ),
  googleRoute('GET', `${ZONE}/disks/{disk}`, 'GetDisk', 'compute.disks.get', getDisk),
  googleRoute('DELETE', `${ZONE}/disks/{disk}`, 'DeleteDisk', 'compute.disks.delete', deleteDisk),
  googleRoute(
    'POST',
    `${ZONE}/disks/{resource}/setLabels`,
    'SetDiskLabels',
    'compute.disks.setLabels',
    setDiskLabels,
  ),
  googleRoute(
    'POST',
    `${ZONE}/disks/{disk}/createSnapshot`,
    'CreateSnapshot',
    'compute.disks.createSnapshot',
    createSnapshot,
  ),
  googleRoute('GET', `${PROJECT}/global/snapshots`, 'ListSnapshots', 'compute.snapshots.list', listSnapshots),
  googleRoute(
    'GET',
    `${PROJECT}/global/snapshots/{snapshot}`,
    'GetSnapshot',
    'compute.snapshots.get',
    getSnapshot,
  ),
  googleRoute(
    'DELETE',
    `${PROJECT}/global/snapshots/{snapshot}`,
    'DeleteSnapshot',
    'compute.snapshots.delete',
    deleteSnapshot,
  ),
  googleRoute(
    'POST',
    `${PROJECT}/global/snapshots/{resource}/setLabels`,
    'SetSnapshotLabels',
    'compute.snapshots.setLabels',
    setSnapshotLabels,
  ),
  googleRoute('POST', `${REGION}/addresses`, 'InsertAddress', 'compute.addresses.create', insertAddress),
  googleRoute('GET', `${REGION}/addresses`, 'ListAddresses', 'compute.addresses.list', listAddresses),
  googleRoute('GET', `${REGION}/addresses/{address}`, 'GetAddress', 'compute.addresses.get', getAddress),
  googleRoute(
    'DELETE',
    `${REGION}/addresses/{address}`,
    'DeleteAddress',
    'compute.addresses.delete',
    deleteAddress,
  ),
  googleRoute(
    'POST',
    `${REGION}/addresses/{resource}/setLabels`,
    'SetAddressLabels',
    'compute.addresses.setLabels',
    setAddressLabels,
  ),
  googleRoute(
    'GET',
    `${ZONE}/machineTypes`,
    'ListMachineTypes',
    'compute.machineTypes.list',
    listMachineTypes,
  ),
  googleRoute(
    'GET',
    `${ZONE}/machineTypes/{machineType}`,
    'GetMachineType',
    'compute.machineTypes.get',
    getMachineType,
  ),
  googleRoute(
    'GET',
    `${ZONE}/operations/{operation}`,
    'GetZoneOperation',
    'compute.zoneOperations.get',
    operation,
  ),
  googleRoute(
    'POST',
    `${ZONE}/operations/{operation}/wait`,
    'WaitZoneOperation',
    'compute.zoneOperations.get',
    operation,
  ),
  googleRoute(
    'GET',
    `${REGION}/operations/{operation}`,
    'GetRegionOperation',
    'compute.regionOperations.get',
    operation,
  ),
  googleRoute(
    'POST',
    `${REGION}/operations/{operation}/wait`,
    'WaitRegionOperation',
    'compute.regionOperations.get',
    operation,
  ),
  googleRoute(
    'GET',
    `${PROJECT}/global/operations/{operation}`,
    'GetGlobalOperation',
    'compute.globalOperations.get',
    operation,
  ),
];
