export type { NeutronFake, RunningNeutronFake, StartNeutronFakeOptions } from './neutron-fake.js';
export { createNeutronFake, startNeutronFake } from './neutron-fake.js';
export type { ExternalNetworkSeed, NeutronFakeOptions, NeutronQuotas } from './neutron-settings.js';
export { DEFAULT_NEUTRON_QUOTAS } from './neutron-settings.js';
export type {
  FloatingIpRecord as NeutronFloatingIpRecord,
  NetworkRecord as NeutronNetworkRecord,
  NeutronState,
  PortRecord as NeutronPortRecord,
} from './neutron-state.js';
export { createNeutronState } from './neutron-state.js';
