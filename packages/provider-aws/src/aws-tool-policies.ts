/** An IAM policy document, as hubfleet writes them (one inline policy per tool role). */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: {
    Sid: string;
    Effect: 'Allow';
    Action: string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
  }[];
}

/**
 * cluster-autoscaler on EKS, least privilege as its AWS README recommends: read the Auto Scaling
 * groups, launch templates, instance types and nodegroups (no resource-level permissions exist for
 * these), plus DescribeTags for `--node-group-auto-discover`; change the size of, or terminate an
 * instance in, only the groups tagged as this cluster's (`k8s.io/cluster-autoscaler/<cluster>: owned`,
 * the tag EKS puts on a managed nodegroup's Auto Scaling group).
 */
export function clusterAutoscalerPolicy(clusterName: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DescribeNodeGroups',
        Effect: 'Allow',
        Action: [
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeAutoScalingInstances',
          'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities',
          'autoscaling:DescribeTags',
          'ec2:DescribeImages',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplateVersions',
          'ec2:GetInstanceTypesFromInstanceRequirements',
          'eks:DescribeNodegroup',
        ],
        Resource: '*',
      },
      {
        Sid: 'ScaleThisClustersNodeGroups',
        Effect: 'Allow',
        Action: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
        Resource: '*',
        Condition: {
          StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' },
        },
      },
    ],
  };
}

/**
 * velero with its AWS plugin, as the plugin's README sets it up: EBS snapshots of volumes (EC2 has
 * no resource-level scoping that fits here), and objects in the backup bucket only.
 */
export function veleroPolicy(partition: string, bucket: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'VolumeSnapshots',
        Effect: 'Allow',
        Action: [
          'ec2:DescribeVolumes',
          'ec2:DescribeSnapshots',
          'ec2:CreateTags',
          'ec2:CreateVolume',
          'ec2:CreateSnapshot',
          'ec2:DeleteSnapshot',
        ],
        Resource: '*',
      },
      {
        Sid: 'BackupObjects',
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:DeleteObject',
          's3:PutObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        Resource: [`arn:${partition}:s3:::${bucket}/*`],
      },
      {
        Sid: 'ListBackupBucket',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [`arn:${partition}:s3:::${bucket}`],
      },
    ],
  };
}
