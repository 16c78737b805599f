import { stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import { labelFingerprint, numericId, rfc3339 } from '../google-ids.js';
import type { GoogleRequest } from '../google-protocol.js';
import { checkComputeLabels, checkComputeName } from './compute-disks.js';
import {
  computeAlreadyExists,
  computeNotFound,
  fingerprintMismatch,
  resourceInUse,
} from './compute-errors.js';
import { addressPath, computeLink } from './compute-links.js';
import { listAnswer } from './compute-list.js';
import { startComputeOperation } from './compute-operations.js';
import type { ComputeContext } from './compute-settings.js';
import type { AddressRecord } from './compute-state.js';

function usersOf(context: ComputeContext, address: AddressRecord): string[] {
  return [...new Set([...address.users, ...(context.options.addressUsers?.(address.address) ?? [])])];
}

/** RESERVED turns IN_USE while a forwarding rule holds the address. */
export function renderAddress(context: ComputeContext, address: AddressRecord): Record<string, unknown> {
  const users = usersOf(context, address);
  const status = address.status === 'RESERVED' && users.length > 0 ? 'IN_USE' : address.status;
  return {
    kind: 'compute#address',
    id: address.id,
    name: address.name,
    address: address.address,
    addressType: address.addressType,
    networkTier: address.networkTier,
    status,
    region: computeLink(`projects/${address.project}/regions/${address.region}`),
    labels: address.labels,
    labelFingerprint: address.labelFingerprint,
    creationTimestamp: rfc3339(address.creationTimestamp),
    selfLink: computeLink(addressPath(address.project, address.region, address.name)),
    ...(address.description === undefined ? {} : { description: address.description }),
    ...(users.length === 0 ? {} : { users }),
  };
}

function addressOf(context: ComputeContext, labels: Record<string, string>, name: string): AddressRecord {
  const address = context.state.addresses[`${labels.project}/${labels.region}/${name}`];
  if (!address) throw computeNotFound(addressPath(labels.project ?? '', labels.region ?? '', name));
  return address;
}

export function insertAddress(context: ComputeContext, request: GoogleRequest): unknown {
  const { project = '', region = '' } = request.labels;
  const name = checkComputeName(stringField(request.body, 'name'));
  const key = `${project}/${region}/${name}`;
  if (context.state.addresses[key]) throw computeAlreadyExists(addressPath(project, region, name));
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  const issued = context.state.addressesIssued++;
  const address: AddressRecord = {
    id: numericId(),
    name,
    project,
    region,
    address:
      stringField(request.body, 'address') ??
      `35.225.${189 + Math.floor(issued / 250)}.${2 + (issued % 250)}`,
    addressType: stringField(request.body, 'addressType') ?? 'EXTERNAL',
    networkTier: stringField(request.body, 'networkTier') ?? 'PREMIUM',
    labels,
    labelFingerprint: labelFingerprint(labels),
    users: [],
    status: 'RESERVING',
    creationTimestamp: context.now,
    ...(stringField(request.body, 'description')
      ? { description: stringField(request.body, 'description') }
      : {}),
  };
  const duration = context.duration('compute.InsertAddress');
  scheduleTransition(address, 'RESERVED', context.now, duration);
  context.state.addresses[key] = address;
  return startComputeOperation(
    context,
    project,
    `regions/${region}`,
    'insert',
    { path: addressPath(project, region, name), id: address.id },
    duration,
  );
}

export function getAddress(context: ComputeContext, request: GoogleRequest): unknown {
  return renderAddress(context, addressOf(context, request.labels, request.labels.address ?? ''));
}

export function listAddresses(context: ComputeContext, request: GoogleRequest): unknown {
  const { project, region } = request.labels;
  const addresses = Object.values(context.state.addresses)
    .filter((address) => address.project === project && address.region === region)
    .map((address) => renderAddress(context, address));
  return listAnswer(
    'compute#addressList',
    computeLink(`projects/${project}/regions/${region}/addresses`),
    addresses,
    request.query,
  );
}

/** Refused while a forwarding rule holds the address: the ingress Service must go first. */
export function deleteAddress(context: ComputeContext, request: GoogleRequest): unknown {
  const address = addressOf(context, request.labels, request.labels.address ?? '');
  const path = addressPath(address.project, address.region, address.name);
  const users = usersOf(context, address);
  if (users[0] !== undefined) throw resourceInUse('address', path, users[0]);
  const duration = context.duration('compute.DeleteAddress');
  scheduleTransition(address, null, context.now, duration);
  return startComputeOperation(
    context,
    address.project,
    `regions/${address.region}`,
    'delete',
    { path, id: address.id },
    duration,
  );
}

export function setAddressLabels(context: ComputeContext, request: GoogleRequest): unknown {
  const address = addressOf(context, request.labels, request.labels.resource ?? '');
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  if (stringField(request.body, 'labelFingerprint') !== address.labelFingerprint) throw fingerprintMismatch();
  address.labels = labels;
  address.labelFingerprint = labelFingerprint(labels);
  return startComputeOperation(
    context,
    address.project,
    `regions/${address.region}`,
    'setLabels',
    { path: addressPath(address.project, address.region, address.name), id: address.id },
    context.duration('compute.SetLabels'),
  );
}
