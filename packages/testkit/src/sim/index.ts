export type { AwsSimCloud, AwsSimCloudOptions } from './aws-sim-cloud.js';
export { DEFAULT_SIM_AWS_REGION, startAwsSimCloud } from './aws-sim-cloud.js';
export { nodeGroupsFromGke } from './gke-node-pools.js';
export type { GkeSimCloud, GkeSimCloudOptions } from './gke-sim-cloud.js';
export { GKE_SIM_PROJECT, GKE_SIM_SERVICE_ACCOUNT, startGkeSimCloud } from './gke-sim-cloud.js';
export { magnumSystemObjects } from './magnum-system-objects.js';
export type { NectarVmNetwork } from './nectar-vm-network.js';
export type { NectarVmSim, NectarVmSimOptions } from './nectar-vm-sim.js';
export { startNectarVmSim } from './nectar-vm-sim.js';
export type { OpenStackSimCloud, OpenStackSimCloudOptions } from './openstack-sim-cloud.js';
export { startNectarSimCloud, startOpenStackSimCloud } from './openstack-sim-cloud.js';
export type { OpenStackSimCredentials, SimKeystoneToken } from './openstack-sim-credentials.js';
export {
  SIM_OPENSTACK_APPLICATION_CREDENTIAL,
  simCloudsYaml,
  simKeystoneToken,
} from './openstack-sim-credentials.js';
export { magnumStatus, openstackSimInventory } from './openstack-sim-inventory.js';
export type { OpenStackSimProfile } from './openstack-sim-profiles.js';
export { NECTAR_PROFILE, STFC_PROFILE } from './openstack-sim-profiles.js';
export type {
  SimAddress,
  SimCallCounts,
  SimCloud,
  SimCloudFactory,
  SimCloudStartOptions,
  SimCluster,
  SimClusterAddon,
  SimGateway,
  SimIdentity,
  SimInventory,
  SimLoadBalancer,
  SimNetwork,
  SimNodeGroup,
  SimOwned,
  SimSubnet,
  SimVolume,
} from './sim-cloud.js';
export {
  awsSimCloudFactory,
  findSimCloudFactory,
  gkeSimCloudFactory,
  nectarSimCloudFactory,
  openstackSimCloudFactory,
  simCloudFactories,
} from './sim-cloud-registry.js';
export { SIM_ACCOUNT_ID, SIM_CREDENTIALS, SIM_PRINCIPAL_ARN } from './sim-credentials.js';
export { callCounts, loadBalancersOf, neutralStatus } from './sim-inventory-parts.js';
export type { CapacityOf, MachineCapacity } from './sim-node-groups.js';
export { nodeGroupsFromEks } from './sim-node-groups.js';
