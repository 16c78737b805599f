/**
 * Only the simulated clouds' registry and their call log (`@hubfleet/testkit/sim-registry`): what the
 * CLI's `--sim` and `hubfleet sim serve` load, and what end-to-end tests read a sim's state with. Each
 * factory imports its own fakes when started, so a run on the AWS sim never loads the GKE, OpenStack
 * or SSH fakes (the package root loads every fake at once).
 */
export type { CallRecord } from '../framework/call-log.js';
export { readCallLog, SIM_CALL_LOG } from '../framework/call-log.js';
export type {
  SimCloud,
  SimCloudFactory,
  SimCloudStartOptions,
  SimInventory,
  SimOwned,
} from '../sim/sim-cloud.js';
export { findSimCloudFactory, simCloudFactories } from '../sim/sim-cloud-registry.js';
export type { CapacityOf, MachineCapacity } from '../sim/sim-node-groups.js';
