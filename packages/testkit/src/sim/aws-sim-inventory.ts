import { OwnershipTag } from '@hubfleet/core';
import { settle as settleEc2 } from '../aws/ec2/ec2-lifecycle.js';
import type { Ec2State } from '../aws/ec2/index.js';
import { type EksState, eksNodeGroups, settleEks } from '../aws/eks/index.js';
import type { IamState } from '../aws/iam/index.js';
import type { CallRecord } from '../framework/call-log.js';
import type { KubernetesState } from '../kubernetes/index.js';
import type { SimInventory, SimOwned } from './sim-cloud.js';
import { callCounts, loadBalancersOf, neutralStatus } from './sim-inventory-parts.js';

/** The states an AWS account's inventory is read from. */
export interface AwsSimStates {
  region: string;
  eks: EksState;
  ec2: Ec2State;
  iam: IamState;
  kubernetes: KubernetesState;
  calls: readonly CallRecord[];
  now: number;
}

function owner(tags: Record<string, string> | undefined): SimOwned {
  const deployment = tags?.[OwnershipTag.deployment];
  return deployment === undefined ? {} : { deployment };
}

/**
 * The simulated AWS account in the inventory's terms: EKS clusters, nodegroups and add-ons; EBS
 * volumes; VPCs, subnets and internet gateways; IAM roles; the ELBs of LoadBalancer Services. AWS
 * reserves no addresses for hubfleet (the ingress is an ELB hostname), so `addresses` is empty.
 */
export function awsSimInventory(states: AwsSimStates): SimInventory {
  const { eks, ec2, now } = states;
  settleEks(eks, now);
  settleEc2(ec2, now);
  const clusters = Object.values(eks.clusters);
  const groups = new Map(
    eksNodeGroups(eks).map((view) => [`${view.clusterName}/${view.nodegroupName}`, view]),
  );
  return {
    provider: 'aws',
    region: states.region,
    clusters: clusters.map((cluster) => ({
      name: cluster.name,
      status: neutralStatus(cluster.status),
      kubernetesVersion: cluster.version,
      ...owner(cluster.tags),
    })),
    nodeGroups: clusters.flatMap((cluster) =>
      Object.values(cluster.nodegroups).map((group) => {
        const nodeGroup = group.tags[OwnershipTag.nodeGroup];
        const view = groups.get(`${cluster.name}/${group.nodegroupName}`);
        return {
          cluster: cluster.name,
          name: group.nodegroupName,
          ...(nodeGroup === undefined ? {} : { nodeGroup }),
          status: neutralStatus(group.status),
          machineType: group.instanceTypes[0] ?? '',
          desiredNodes: group.scalingConfig.desiredSize,
          readyNodes: view?.hasNodes === true ? view.desiredSize : 0,
          ...owner(group.tags),
        };
      }),
    ),
    addons: clusters.flatMap((cluster) =>
      Object.values(cluster.addons).map((addon) => ({
        cluster: cluster.name,
        name: addon.addonName,
        status: neutralStatus(addon.status),
        ...owner(addon.tags),
      })),
    ),
    volumes: Object.values(ec2.volumes).flatMap((volume) => {
      if (volume.state === 'deleted') return [];
      const hub = volume.tags[OwnershipTag.hub];
      return [
        {
          id: volume.volumeId,
          ...(hub === undefined ? {} : { hub }),
          sizeGiB: volume.size,
          zone: volume.availabilityZone,
          status: volume.state,
          ...owner(volume.tags),
        },
      ];
    }),
    networks: Object.values(ec2.vpcs).map((vpc) => ({
      id: vpc.vpcId,
      cidr: vpc.cidrBlock,
      ...owner(vpc.tags),
    })),
    subnets: Object.values(ec2.subnets).map((subnet) => ({
      id: subnet.subnetId,
      network: subnet.vpcId,
      cidr: subnet.cidrBlock,
      zone: subnet.availabilityZone,
      ...owner(subnet.tags),
    })),
    gateways: Object.values(ec2.internetGateways).map((gateway) => ({
      id: gateway.internetGatewayId,
      ...(gateway.attachedVpcId === undefined ? {} : { network: gateway.attachedVpcId }),
      ...owner(gateway.tags),
    })),
    identities: Object.values(states.iam.roles).map((role) => ({
      name: role.roleName,
      kind: 'role' as const,
      ...owner(Object.fromEntries(role.tags.map((tag) => [tag.Key, tag.Value]))),
    })),
    // The Kubernetes state is the current cluster's (the caller ties it to EKS first): none, none.
    loadBalancers: clusters.length === 0 ? [] : loadBalancersOf(states.kubernetes),
    addresses: [],
    calls: callCounts(states.calls),
  };
}
