import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import {
  createListener,
  createPool,
  deleteListener,
  deletePool,
  getListener,
  getPool,
  listListeners,
  listPools,
} from './octavia-children.js';
import type { OctaviaContext } from './octavia-context.js';
import {
  createLoadBalancer,
  deleteLoadBalancer,
  getLoadBalancer,
  listLoadBalancers,
  updateLoadBalancer,
} from './octavia-load-balancers.js';

const route = openstackRoute<OctaviaContext>;

/** The load-balancer API v2 paths the fake serves (api-ref load-balancer). */
export const OCTAVIA_ROUTES: readonly RestRoute<OpenStackOperation<OctaviaContext>>[] = [
  route('GET', '/v2/lbaas/loadbalancers', 'ListLoadBalancers', listLoadBalancers),
  route('POST', '/v2/lbaas/loadbalancers', 'CreateLoadBalancer', createLoadBalancer),
  route('GET', '/v2/lbaas/loadbalancers/{id}', 'ShowLoadBalancer', getLoadBalancer),
  route('PUT', '/v2/lbaas/loadbalancers/{id}', 'UpdateLoadBalancer', updateLoadBalancer),
  route('DELETE', '/v2/lbaas/loadbalancers/{id}', 'DeleteLoadBalancer', deleteLoadBalancer),
  route('GET', '/v2/lbaas/listeners', 'ListListeners', listListeners),
  route('POST', '/v2/lbaas/listeners', 'CreateListener', createListener),
  route('GET', '/v2/lbaas/listeners/{id}', 'ShowListener', getListener),
  route('DELETE', '/v2/lbaas/listeners/{id}', 'DeleteListener', deleteListener),
  route('GET', '/v2/lbaas/pools', 'ListPools', listPools),
  route('POST', '/v2/lbaas/pools', 'CreatePool', createPool),
  route('GET', '/v2/lbaas/pools/{id}', 'ShowPool', getPool),
  route('DELETE', '/v2/lbaas/pools/{id}', 'DeletePool', deletePool),
];
