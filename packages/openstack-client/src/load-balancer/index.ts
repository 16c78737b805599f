export { isLoadBalancerSettled, toLoadBalancer } from './load-balancer-mappers.js';
export type { LoadBalancer, ProvisioningStatus } from './load-balancer-types.js';
export type { LoadBalancerFilter, LoadBalancerInput } from './octavia-load-balancers.js';
export {
  createLoadBalancer,
  deleteLoadBalancer,
  getLoadBalancer,
  listLoadBalancers,
  updateLoadBalancer,
} from './octavia-load-balancers.js';
