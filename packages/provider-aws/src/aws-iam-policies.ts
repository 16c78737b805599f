import type { RolePurpose } from './aws-names.js';
import { partitionOf } from './aws-names.js';

/** What one role hubfleet creates trusts, and the AWS managed policies it carries. */
export interface RoleSpec {
  purpose: RolePurpose;
  description: string;
  /** The AWS service that assumes the role. */
  service: string;
  /** Actions the service is trusted with: EKS Pod Identity also needs `sts:TagSession`. */
  trustActions: string[];
  /** AWS managed policies by path and name (`arn:<partition>:iam::aws:policy/<path/name>`). */
  managedPolicies: string[];
  /** Set for tool roles whose least-privilege policy hubfleet writes itself (one inline policy). */
  inlinePolicy?: boolean;
}

/** The control plane's role (EKS cluster IAM role documentation). */
const CLUSTER: RoleSpec = {
  purpose: 'cluster',
  description: 'hubfleet: the EKS control plane',
  service: 'eks.amazonaws.com',
  trustActions: ['sts:AssumeRole'],
  managedPolicies: ['AmazonEKSClusterPolicy'],
};

/** The nodes' role (EKS node IAM role documentation): join the cluster, run the VPC CNI, pull from ECR. */
const NODE: RoleSpec = {
  purpose: 'node',
  description: 'hubfleet: EKS managed nodegroup nodes',
  service: 'ec2.amazonaws.com',
  trustActions: ['sts:AssumeRole'],
  managedPolicies: [
    'AmazonEKSWorkerNodePolicy',
    'AmazonEKS_CNI_Policy',
    'AmazonEC2ContainerRegistryReadOnly',
  ],
};

/** The EBS CSI controller's role, bound to its service account with an EKS Pod Identity association. */
const EBS_CSI: RoleSpec = {
  purpose: 'ebs-csi',
  description: 'hubfleet: the EBS CSI driver (EKS Pod Identity)',
  service: 'pods.eks.amazonaws.com',
  trustActions: ['sts:AssumeRole', 'sts:TagSession'],
  managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'],
};

/** A tool's role, bound to its service account with EKS Pod Identity; its policy is `aws-tool-policies.ts`'s. */
function toolRole(purpose: 'cluster-autoscaler' | 'velero', tool: string): RoleSpec {
  return {
    purpose,
    description: `hubfleet: ${tool} (EKS Pod Identity)`,
    service: 'pods.eks.amazonaws.com',
    trustActions: ['sts:AssumeRole', 'sts:TagSession'],
    managedPolicies: [],
    inlinePolicy: true,
  };
}

export const ROLE_SPECS: Readonly<Record<RolePurpose, RoleSpec>> = {
  cluster: CLUSTER,
  node: NODE,
  'ebs-csi': EBS_CSI,
  'cluster-autoscaler': toolRole('cluster-autoscaler', 'cluster-autoscaler'),
  velero: toolRole('velero', 'velero'),
};

/** The trust policy document of a role, as IAM takes it (a JSON string). */
export function trustPolicy(spec: RoleSpec): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: spec.service }, Action: spec.trustActions }],
  });
}

/** ARNs of the managed policies, in the region's partition. */
export function managedPolicyArns(spec: RoleSpec, region: string): string[] {
  const partition = partitionOf(region);
  return spec.managedPolicies.map((name) => `arn:${partition}:iam::aws:policy/${name}`);
}
