import {
  type ConfigIssue,
  checkVolumeSizes,
  didYouMean,
  error,
  type HubfleetConfig,
  type NodeGroupConfig,
  quantityToGiB,
  type ValidationContextV1,
  type VolumeSizeLimits,
  warning,
} from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import { checkEksKubernetesVersion } from './aws-kubernetes-versions.js';
import { checkAwsNetwork } from './aws-network-rules.js';

/** Commercial, GovCloud and China regions as known to the authors on 2026-11-21. */
const AWS_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'mx-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'us-gov-west-1',
  'us-gov-east-1',
  'cn-north-1',
  'cn-northwest-1',
];

const REGION_FORMAT = /^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role\/[\w+=,.@/-]+$/;

/** EKS nodegroup names are at most 63 characters; hubfleet names them `<deployment>-<nodegroup>`. */
const MAX_NODEGROUP_NAME = 63;
/** EKS node AMIs ship a 20 GiB root snapshot; gp3 volumes stop at 16 TiB. */
const MIN_DISK_GIB = 20;
const MAX_DISK_GIB = 16_384;
/** User images reach 12 GB (000 step 03) and a node keeps several. */
const MIN_USER_DISK_GIB = 50;

function checkRegion(region: string): ConfigIssue[] {
  const path = ['provider', 'region'];
  const suggestion = didYouMean(region, AWS_REGIONS);
  if (!REGION_FORMAT.test(region)) {
    return [
      error(
        path,
        `"${region}" is not an AWS region code`,
        suggestion ? `did you mean "${suggestion}"?` : 'write a region code such as us-west-2',
      ),
    ];
  }
  if (!AWS_REGIONS.includes(region)) {
    return [
      warning(
        path,
        `"${region}" is not an AWS region hubfleet knows; it is checked against AWS before anything is created`,
        suggestion ? `did you mean "${suggestion}"?` : 'check the region code in the AWS console',
      ),
    ];
  }
  return [];
}

function checkRoles(roles: AwsProviderSettings['roles']): ConfigIssue[] {
  if (!roles) return [];
  const issues: ConfigIssue[] = [];
  for (const field of ['clusterRoleArn', 'nodeRoleArn'] as const) {
    const arn = roles[field];
    if (arn !== undefined && !ROLE_ARN.test(arn)) {
      issues.push(
        error(
          ['provider', 'roles', field],
          `"${arn}" is not an IAM role ARN`,
          'write the role ARN from the IAM console, e.g. arn:aws:iam::123456789012:role/eks-node (not an instance profile or a role name)',
        ),
      );
    }
  }
  return issues;
}

function checkNodeGroup(deployment: string, group: NodeGroupConfig, index: number): ConfigIssue[] {
  const path = ['cluster', 'nodeGroups', index];
  const issues: ConfigIssue[] = [];
  const cloudName = `${deployment}-${group.name}`;
  if (cloudName.length > MAX_NODEGROUP_NAME) {
    issues.push(
      error(
        [...path, 'name'],
        `the EKS nodegroup name "${cloudName}" is ${cloudName.length} characters; EKS allows ${MAX_NODEGROUP_NAME}`,
        `shorten the nodegroup or deployment name by ${cloudName.length - MAX_NODEGROUP_NAME} characters`,
      ),
    );
  }
  if (group.diskSize === undefined) return issues;
  const diskGiB = quantityToGiB(group.diskSize);
  if (diskGiB < MIN_DISK_GIB || diskGiB > MAX_DISK_GIB) {
    issues.push(
      error(
        [...path, 'diskSize'],
        `a ${diskGiB} GiB root disk is ${diskGiB < MIN_DISK_GIB ? 'smaller than the EKS node image (20 GiB)' : 'larger than an EBS volume can be (16 TiB)'}`,
        'use 20Gi to 16Ti; 100Gi suits user nodes',
      ),
    );
  } else if ((group.role === 'users' || group.role === 'gpu') && diskGiB < MIN_USER_DISK_GIB) {
    issues.push(
      warning(
        [...path, 'diskSize'],
        `${diskGiB} GiB is tight for user nodes: user images reach 12 GB and each node caches several (000 step 03)`,
        'use diskSize: 100Gi',
      ),
    );
  }
  return issues;
}

/** Hub volumes are EBS gp3 (aws-volumes.ts): 1 GiB to 16 TiB (EBS user guide, "Amazon EBS volume types"). */
const EBS_GP3: VolumeSizeLimits = { volumeType: 'EBS gp3 volume', minGiB: 1, maxGiB: 16_384, wholeGiB: true };

/** AWS-specific offline checks, run after the schema and core's cross-field rules. */
export function validateAwsConfig(
  config: HubfleetConfig<AwsProviderSettings>,
  context: ValidationContextV1,
): ConfigIssue[] {
  const { provider } = config;
  return [
    ...checkRegion(provider.region),
    ...checkAwsNetwork(provider.network),
    ...checkRoles(provider.roles),
    ...checkEksKubernetesVersion(config.cluster.kubernetesVersion, context.today),
    ...config.cluster.nodeGroups.flatMap((group, index) => checkNodeGroup(config.name, group, index)),
    ...checkVolumeSizes(config, EBS_GP3),
  ];
}
