export type { AwsSimCloud, AwsSimCloudOptions } from './aws-sim-cloud.js';
export { startAwsSimCloud } from './aws-sim-cloud.js';
export { nodeGroupsFromGke } from './gke-node-pools.js';
export type { GkeSimCloud, GkeSimCloudOptions } from './gke-sim-cloud.js';
export { GKE_SIM_PROJECT, GKE_SIM_SERVICE_ACCOUNT, startGkeSimCloud } from './gke-sim-cloud.js';
export { SIM_ACCOUNT_ID, SIM_CREDENTIALS, SIM_PRINCIPAL_ARN } from './sim-credentials.js';
export type { CapacityOf, MachineCapacity } from './sim-node-groups.js';
export { nodeGroupsFromEks } from './sim-node-groups.js';
