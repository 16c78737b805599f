import { numberField, objectField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  afterUpdate,
  loadBalancerOf,
  markUpdating,
  newRecord,
  type OctaviaContext,
  reply,
  requireMutable,
  standardView,
} from './octavia-context.js';
import { notFound, octaviaError, validationError } from './octavia-errors.js';
import type { ListenerRecord, LoadBalancerRecord, PoolRecord } from './octavia-state.js';

/**
 * Listeners and pools, enough for cascade delete and for the cloud controller's Services: each
 * create or delete puts the load balancer into PENDING_UPDATE, so a second change right after is 409
 * until it is ACTIVE again (callers serialise and poll).
 */
const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TERMINATED_HTTPS', 'PROXY', 'SCTP']);
const ALGORITHMS = new Set(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP', 'SOURCE_IP_PORT']);

function listenerView(context: OctaviaContext, listener: ListenerRecord) {
  return {
    ...standardView(context, listener),
    operating_status: listener.status === 'ACTIVE' ? 'ONLINE' : 'OFFLINE',
    protocol: listener.protocol,
    protocol_port: listener.protocolPort,
    default_pool_id: listener.defaultPoolId,
    loadbalancers: [{ id: listener.loadbalancerId }],
  };
}

function poolView(context: OctaviaContext, pool: PoolRecord) {
  return {
    ...standardView(context, pool),
    operating_status: pool.status === 'ACTIVE' ? 'ONLINE' : 'OFFLINE',
    protocol: pool.protocol,
    lb_algorithm: pool.lbAlgorithm,
    loadbalancers: [{ id: pool.loadbalancerId }],
    listeners: pool.listenerId ? [{ id: pool.listenerId }] : [],
    members: [],
    healthmonitor_id: null,
  };
}

function parentOf(context: OctaviaContext, id: string | undefined): LoadBalancerRecord {
  const lb = loadBalancerOf(context, id);
  requireMutable(lb);
  return lb;
}

export function createListener(context: OctaviaContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'listener') ?? {};
  const protocol = stringField(body, 'protocol') ?? '';
  const port = numberField(body, 'protocol_port');
  if (!PROTOCOLS.has(protocol))
    throw octaviaError(400, `Invalid input for field/attribute protocol. Value: '${protocol}'.`);
  if (port === undefined || port < 1 || port > 65535)
    throw octaviaError(400, `Invalid input for field/attribute protocol_port. Value: '${port}'.`);
  const lb = parentOf(context, stringField(body, 'loadbalancer_id'));
  const taken = Object.values(context.state.listeners).some(
    (listener) => listener.loadbalancerId === lb.id && listener.protocolPort === port,
  );
  if (taken)
    throw octaviaError(409, `Another Listener on this Load Balancer is already using protocol_port ${port}`);
  const listener: ListenerRecord = {
    ...newRecord(context, body, 'PENDING_CREATE'),
    loadbalancerId: lb.id,
    protocol,
    protocolPort: port,
    defaultPoolId: null,
    transition: { to: 'ACTIVE', at: afterUpdate(context) },
  };
  context.state.listeners[listener.id] = listener;
  markUpdating(context, lb);
  return reply(201, { listener: listenerView(context, listener) });
}

export function createPool(context: OctaviaContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'pool') ?? {};
  const protocol = stringField(body, 'protocol') ?? '';
  const algorithm = stringField(body, 'lb_algorithm') ?? '';
  if (!PROTOCOLS.has(protocol))
    throw octaviaError(400, `Invalid input for field/attribute protocol. Value: '${protocol}'.`);
  if (!ALGORITHMS.has(algorithm))
    throw octaviaError(400, `Invalid input for field/attribute lb_algorithm. Value: '${algorithm}'.`);
  const listenerId = stringField(body, 'listener_id');
  const listener = listenerId ? context.state.listeners[listenerId] : undefined;
  if (listenerId && !listener) throw notFound('Listener', listenerId);
  const lbId = listener?.loadbalancerId ?? stringField(body, 'loadbalancer_id');
  if (!lbId) throw validationError('loadbalancer_id or listener_id must be specified.');
  const lb = parentOf(context, lbId);
  const pool: PoolRecord = {
    ...newRecord(context, body, 'PENDING_CREATE'),
    loadbalancerId: lb.id,
    listenerId: listener?.id ?? null,
    protocol,
    lbAlgorithm: algorithm,
    transition: { to: 'ACTIVE', at: afterUpdate(context) },
  };
  context.state.pools[pool.id] = pool;
  if (listener) listener.defaultPoolId = pool.id;
  markUpdating(context, lb);
  return reply(201, { pool: poolView(context, pool) });
}

function childOf<T extends ListenerRecord | PoolRecord>(
  table: Record<string, T>,
  resource: string,
  id: string | undefined,
): T {
  const child = id === undefined ? undefined : table[id];
  if (!child) throw notFound(resource, id ?? '');
  return child;
}

export const listListeners = (context: OctaviaContext) =>
  reply(200, {
    listeners: Object.values(context.state.listeners).map((item) => listenerView(context, item)),
    listeners_links: [],
  });

export const listPools = (context: OctaviaContext) =>
  reply(200, {
    pools: Object.values(context.state.pools).map((item) => poolView(context, item)),
    pools_links: [],
  });

export const getListener = (context: OctaviaContext, request: OpenStackRequest) =>
  reply(200, {
    listener: listenerView(context, childOf(context.state.listeners, 'Listener', request.labels.id)),
  });

export const getPool = (context: OctaviaContext, request: OpenStackRequest) =>
  reply(200, { pool: poolView(context, childOf(context.state.pools, 'Pool', request.labels.id)) });

function deleteChild(
  context: OctaviaContext,
  table: Record<string, ListenerRecord | PoolRecord>,
  resource: string,
  id: string | undefined,
) {
  const child = childOf(table, resource, id);
  const lb = parentOf(context, child.loadbalancerId);
  child.status = 'PENDING_DELETE';
  child.transition = { to: null, at: afterUpdate(context) };
  for (const listener of Object.values(context.state.listeners))
    if (listener.defaultPoolId === child.id) listener.defaultPoolId = null;
  markUpdating(context, lb);
  return reply(204);
}

export const deleteListener = (context: OctaviaContext, request: OpenStackRequest) =>
  deleteChild(context, context.state.listeners, 'Listener', request.labels.id);

export const deletePool = (context: OctaviaContext, request: OpenStackRequest) =>
  deleteChild(context, context.state.pools, 'Pool', request.labels.id);
