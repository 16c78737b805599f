import type { AwsDeployment } from './aws-deployment.js';
import { ensureInternetGateway } from './aws-internet-gateway.js';
import { deleteOwnedNetwork } from './aws-network-delete.js';
import type { AwsNetwork } from './aws-network-types.js';
import { ensurePublicRouteTable } from './aws-route-table.js';
import { describeGivenSubnets, ensurePublicSubnets } from './aws-subnets.js';
import { ensureVpc } from './aws-vpc.js';
import { memo } from './memo.js';

/** The deployment's network: existing subnets from the config, or a VPC hubfleet creates and owns. */
export interface AwsNetworkApi {
  /**
   * The network, created where missing. Idempotent: on a converged network it only reads (a handful
   * of Describe calls, once per session).
   */
  ensure(): Promise<AwsNetwork>;
  /**
   * Looks at the whole network again, whatever this session saw before, and re-creates what is
   * missing (a deleted subnet or route table); on a converged network it only reads.
   * `cluster.create()` runs it on every call. While a look is already in flight (another step's
   * `ensure`), it joins that one: the same gateway is never attached twice at once.
   */
  reconcile(): Promise<AwsNetwork>;
  /** Deletes what hubfleet created (nothing for existing subnets); call once the cluster is gone. */
  delete(): Promise<void>;
}

async function createdNetwork(aws: AwsDeployment, cidr: string, zones: number): Promise<AwsNetwork> {
  const vpcId = await ensureVpc(aws, cidr);
  const gatewayId = await ensureInternetGateway(aws, vpcId);
  const subnets = await ensurePublicSubnets(aws, vpcId, cidr, zones);
  await ensurePublicRouteTable(aws, vpcId, gatewayId, subnets);
  return { vpcId, subnets };
}

export function awsNetwork(aws: AwsDeployment): AwsNetworkApi {
  const { network } = aws.config.provider;
  const ensured = memo(async (): Promise<AwsNetwork> => {
    if (network.create !== undefined) return createdNetwork(aws, network.create.cidr, network.create.zones);
    return { subnets: await describeGivenSubnets(aws, network.subnetIds ?? []) };
  });
  return {
    ensure: () => ensured.get(),
    // Joins a reconcile already running (another step's ensure): one per moment, never two at once.
    reconcile: () => ensured.refresh(),
    async delete() {
      ensured.clear();
      if (network.create !== undefined) await deleteOwnedNetwork(aws);
    },
  };
}
