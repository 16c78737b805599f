import type { MachineTypeV1 } from './catalog.js';

/** What the cloud says about one machine type for this deployment's account and region. */
export interface MachineTypeOfferV1 {
  /** The name asked about, exactly as the config spells it. */
  name: string;
  /** False when the type does not exist at all (a typo, or a type of another cloud). */
  exists: boolean;
  /** Where the answer holds, in the cloud's words (e.g. the region `us-west-2`). */
  location: string;
  /** Zones of the deployment's region where the account can launch it; empty when the region offers none. */
  zones: string[];
  /** Its size as the cloud reports it, when it exists (prices are not part of the answer). */
  machine?: Omit<MachineTypeV1, 'hourlyPrice'>;
}

/**
 * Optional in v1: machine types checked against the cloud itself, so a type newer than hubfleet's
 * offline catalog is accepted and one the region does not offer is refused before anything is
 * created (`plan` and `up`). AWS answers from EC2 DescribeInstanceTypes and
 * DescribeInstanceTypeOfferings.
 */
export interface MachineTypesApiV1 {
  /** One answer per distinct name, in the order given. */
  check(names: readonly string[]): Promise<MachineTypeOfferV1[]>;
}
