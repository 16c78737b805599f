/** A subnet the cluster and nodegroups use, with its availability zone. */
export interface AwsSubnet {
  subnetId: string;
  availabilityZone: string;
}

/** Where the deployment runs: its subnets sorted by zone, and the VPC when hubfleet created it. */
export interface AwsNetwork {
  vpcId?: string;
  subnets: AwsSubnet[];
}

/** Orders subnets by zone, then id, so "the first subnet" is the same on every run. */
export function sortSubnets(subnets: readonly AwsSubnet[]): AwsSubnet[] {
  return [...subnets].sort(
    (left, right) =>
      left.availabilityZone.localeCompare(right.availabilityZone) ||
      left.subnetId.localeCompare(right.subnetId),
  );
}

/**
 * The subnet a new core nodegroup is pinned to: one subnet, so one zone, because an EBS volume lives
 * in one zone and the NFS server that mounts a hub's volume runs on a core node. Once the core
 * nodegroup exists, where it runs is observed instead (`aws-core-zone.ts`).
 */
export function coreSubnet(network: AwsNetwork): AwsSubnet {
  const [first] = network.subnets;
  if (first === undefined) throw new Error('a network always has subnets');
  return first;
}
