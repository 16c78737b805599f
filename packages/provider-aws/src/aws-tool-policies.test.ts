import { describe, expect, it } from 'vitest';
import { clusterAutoscalerPolicy, veleroPolicy } from './aws-tool-policies.js';

const actionsOf = (document: { Statement: { Action: string[] }[] }) =>
  document.Statement.flatMap((statement) => statement.Action).sort();

/**
 * Fidelity of each tool's policy to its own documentation: exactly the actions the docs list, no
 * more (least privilege), no fewer (the tool works). Quoted lists below are from the docs.
 */
describe('tool policies', () => {
  it('cluster-autoscaler: the actions its AWS README recommends, scaling only groups tagged as this cluster’s', () => {
    // kubernetes/autoscaler cluster-autoscaler/cloudprovider/aws/README.md, "Full Cluster Autoscaler
    // Features Policy (Recommended)", plus autoscaling:DescribeTags for --node-group-auto-discover.
    const documented = [
      'autoscaling:DescribeAutoScalingGroups',
      'autoscaling:DescribeAutoScalingInstances',
      'autoscaling:DescribeLaunchConfigurations',
      'autoscaling:DescribeScalingActivities',
      'autoscaling:DescribeTags',
      'autoscaling:SetDesiredCapacity',
      'autoscaling:TerminateInstanceInAutoScalingGroup',
      'ec2:DescribeImages',
      'ec2:DescribeInstanceTypes',
      'ec2:DescribeLaunchTemplateVersions',
      'ec2:GetInstanceTypesFromInstanceRequirements',
      'eks:DescribeNodegroup',
    ];
    const policy = clusterAutoscalerPolicy('prod-green');
    expect(actionsOf(policy)).toEqual(documented.sort());
    const writes = policy.Statement.find((statement) =>
      statement.Action.includes('autoscaling:SetDesiredCapacity'),
    );
    expect(writes?.Action.sort()).toEqual([
      'autoscaling:SetDesiredCapacity',
      'autoscaling:TerminateInstanceInAutoScalingGroup',
    ]);
    expect(writes?.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/prod-green': 'owned' },
    });
  });

  it('velero: the actions the AWS plugin’s README lists, objects of its own bucket only', () => {
    // vmware-tanzu/velero-plugin-for-aws README, "Set permissions for Velero".
    const documented = [
      'ec2:DescribeVolumes',
      'ec2:DescribeSnapshots',
      'ec2:CreateTags',
      'ec2:CreateVolume',
      'ec2:CreateSnapshot',
      'ec2:DeleteSnapshot',
      's3:GetObject',
      's3:DeleteObject',
      's3:PutObject',
      's3:AbortMultipartUpload',
      's3:ListMultipartUploadParts',
      's3:ListBucket',
    ];
    const policy = veleroPolicy('aws', 'prod-velero-backups');
    expect(actionsOf(policy)).toEqual(documented.sort());
    const resourcesOf = (action: string) =>
      policy.Statement.find((statement) => statement.Action.includes(action))?.Resource;
    expect(resourcesOf('s3:PutObject')).toEqual(['arn:aws:s3:::prod-velero-backups/*']);
    expect(resourcesOf('s3:ListBucket')).toEqual(['arn:aws:s3:::prod-velero-backups']);
    expect(veleroPolicy('aws-cn', 'b').Statement[1]?.Resource).toEqual(['arn:aws-cn:s3:::b/*']);
  });
});
