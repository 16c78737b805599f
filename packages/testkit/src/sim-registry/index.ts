/**
 * Only the simulated clouds' registry (`@hubfleet/testkit/sim-registry`): what the CLI's `--sim` and
 * `hubfleet sim serve` load. Each factory imports its own fakes when started, so a run on the AWS sim
 * never loads the GKE, OpenStack or SSH fakes (the package root loads every fake at once).
 */
export type { SimCloud, SimCloudFactory, SimCloudStartOptions } from '../sim/sim-cloud.js';
export { findSimCloudFactory, simCloudFactories } from '../sim/sim-cloud-registry.js';
export type { CapacityOf, MachineCapacity } from '../sim/sim-node-groups.js';
