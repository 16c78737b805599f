/** One machine type (AWS instance type, GCE machine type, OpenStack flavor) a nodegroup can use. */
export interface MachineTypeV1 {
  /** The provider's own name, exactly as its API takes it, e.g. `t3a.large`, `n1-standard-4`, `m3.medium`. */
  name: string;
  /** Virtual CPUs. */
  cpu: number;
  /** Memory in GiB. */
  memoryGiB: number;
  /** Accelerators attached to every machine of this type; absent for CPU-only types. */
  gpu?: { count: number; model: string };
  /** Estimated on-demand price per hour in `MachineCatalogV1.currency`; absent where the cloud does not bill per hour. */
  hourlyPrice?: number;
}

export interface MachineCatalogV1 {
  /**
   * True when the list covers the types the cloud offers in the regions hubfleet supports, so an unknown
   * name is an error (or, with `namePattern`, a warning when it is well formed). False where flavors differ per cloud or project (OpenStack, NeCTAR): an unknown name is
   * a warning offline and the provider checks it against the cloud before creating anything.
   */
  exhaustive: boolean;
  /** Where the prices came from and when (e.g. `AWS on-demand pricing, us-west-2, 2026-11-01`). */
  priceSource: string;
  /**
   * The region the prices are for (e.g. `us-west-2`): prices differ between regions, so estimates
   * say which one they assume. Absent where the cloud does not price per region.
   */
  priceRegion?: string;
  /**
   * What a well-formed name of this cloud looks like (a regular expression's source, e.g.
   * `^[a-z][a-z0-9-]*\.(nano|micro|small|medium|large|\d*xlarge|metal)$`). With it, an exhaustive
   * catalog's unknown but well-formed name is only a warning offline (the cloud may offer a type
   * newer than the list: `plan` asks it, through `session.machineTypes`); a malformed one stays an error.
   */
  namePattern?: string;
  /** ISO date on which the prices were read. */
  priceDate: string;
  /** @default 'USD' */
  currency: string;
  machines: readonly MachineTypeV1[];
}
