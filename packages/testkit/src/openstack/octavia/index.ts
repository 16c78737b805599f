export type { OctaviaFake, RunningOctaviaFake, StartOctaviaFakeOptions } from './octavia-fake.js';
export { createOctaviaFake, startOctaviaFake } from './octavia-fake.js';
export type {
  ServiceLoadBalancerOptions,
  ServiceLoadBalancers,
  ServiceRef as OctaviaServiceRef,
} from './octavia-service-load-balancers.js';
export { serviceLoadBalancerName, serviceLoadBalancers } from './octavia-service-load-balancers.js';
export type { OctaviaDurations, OctaviaFakeOptions } from './octavia-settings.js';
export type {
  LoadBalancerRecord as OctaviaLoadBalancerRecord,
  OctaviaState,
  ProvisioningStatus as OctaviaProvisioningStatus,
} from './octavia-state.js';
export { createOctaviaState } from './octavia-state.js';
