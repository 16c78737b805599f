import { describe, expect, it } from 'vitest';
import { managedPolicyArns, ROLE_SPECS, trustPolicy } from './aws-iam-policies.js';
import { iamRoleName, partitionOf, requestToken } from './aws-names.js';

describe('names', () => {
  it('makes deterministic tokens of at most 64 characters', () => {
    expect(requestToken('a', 'b')).toBe(requestToken('a', 'b'));
    expect(requestToken('a', 'b')).not.toBe(requestToken('ab'));
    expect(requestToken('x'.repeat(500)).length).toBeLessThanOrEqual(64);
  });

  it('keeps role names within 64 characters and distinct for long deployment names', () => {
    expect(iamRoleName('demo', 'ebs-csi')).toBe('hubfleet-demo-ebs-csi');
    const long = iamRoleName('a'.repeat(63), 'cluster');
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long.endsWith('-cluster')).toBe(true);
    expect(iamRoleName(`${'a'.repeat(62)}b`, 'cluster')).not.toBe(long);
  });

  it('knows the partitions', () => {
    expect(partitionOf('us-west-2')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
  });
});

describe('role specs', () => {
  it('give EKS, EC2 and pod identity their trust and the managed policies EKS documents', () => {
    expect(JSON.parse(trustPolicy(ROLE_SPECS['ebs-csi']))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ],
    });
    expect(managedPolicyArns(ROLE_SPECS.node, 'us-west-2')).toEqual([
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
    ]);
    expect(managedPolicyArns(ROLE_SPECS.cluster, 'cn-north-1')).toEqual([
      'arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy',
    ]);
    expect(managedPolicyArns(ROLE_SPECS['ebs-csi'], 'us-west-2')).toEqual([
      'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    ]);
  });
});
