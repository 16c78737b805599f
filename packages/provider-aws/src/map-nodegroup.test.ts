import type { Nodegroup } from '@aws-sdk/client-eks';
import type { NodeGroupConfig, ObservedNodeGroupV1 } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { autoscalerTags } from './map-autoscaler-tags.js';
import {
  amiTypeFor,
  createNodegroupRequest,
  observedNodeGroup,
  requiresReplacement,
} from './map-nodegroup.js';
import { nodegroupConfigChange, nodegroupTagChange } from './map-nodegroup-update.js';

const users: NodeGroupConfig = {
  name: 'users',
  role: 'users',
  instanceType: 't3a.large',
  min: 0,
  max: 4,
  diskSize: '100Gi',
  labels: { course: 'cs101' },
  taints: [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }],
};

const placement = {
  deployment: 'demo',
  clusterName: 'demo',
  eksName: 'demo-users',
  subnetIds: ['subnet-a', 'subnet-b'],
  nodeRoleArn: 'arn:aws:iam::111122223333:role/hubfleet-demo-node',
};

function observedFrom(group: NodeGroupConfig): ObservedNodeGroupV1 {
  const request = createNodegroupRequest(group, placement);
  const nodegroup: Nodegroup = {
    nodegroupName: request.nodegroupName,
    status: 'ACTIVE',
    instanceTypes: request.instanceTypes,
    scalingConfig: request.scalingConfig,
    diskSize: request.diskSize,
    amiType: request.amiType,
    labels: request.labels,
    taints: request.taints,
    tags: request.tags,
  };
  const observed = observedNodeGroup(nodegroup, 'demo');
  if (observed === undefined) throw new Error('a created nodegroup is ours');
  return observed;
}

describe('createNodegroupRequest', () => {
  it("carries core's labels and taints in EKS spelling, the sizes, the disk and a stable token", () => {
    const request = createNodegroupRequest(users, placement);
    expect(request).toMatchObject({
      clusterName: 'demo',
      nodegroupName: 'demo-users',
      instanceTypes: ['t3a.large'],
      amiType: 'AL2023_x86_64_STANDARD',
      scalingConfig: { minSize: 0, maxSize: 4, desiredSize: 0 },
      diskSize: 100,
      subnets: ['subnet-a', 'subnet-b'],
      labels: { 'hub.jupyter.org/node-purpose': 'user', 'hubfleet.io/nodegroup': 'users', course: 'cs101' },
      taints: [
        { key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' },
        { key: 'spot', value: 'yes', effect: 'PREFER_NO_SCHEDULE' },
      ],
    });
    expect(request.tags).toMatchObject({
      'hubfleet.io/deployment': 'demo',
      'hubfleet.io/component': 'nodegroup',
      'hubfleet.io/nodegroup': 'users',
    });
    // No token of our own: the SDK makes one per request and keeps it across its retries, so a
    // replacement nodegroup under the same name is never mistaken for the one it replaces.
    expect(request).not.toHaveProperty('clientRequestToken');
  });

  it('leaves the disk to EKS when the config does not size it', () => {
    const { diskSize: _, ...withoutDisk } = users;
    expect(createNodegroupRequest(withoutDisk, placement)).not.toHaveProperty('diskSize');
  });
});

describe('autoscalerTags', () => {
  it('gives auto-discovery tags and a node template for every label, taint and GPU', () => {
    const gpu: NodeGroupConfig = {
      name: 'gpu',
      role: 'gpu',
      instanceType: 'g4dn.xlarge',
      min: 0,
      max: 2,
      gpu: { count: 1 },
    };
    expect(autoscalerTags('demo', gpu)).toEqual({
      'k8s.io/cluster-autoscaler/enabled': 'true',
      'k8s.io/cluster-autoscaler/demo': 'owned',
      'k8s.io/cluster-autoscaler/node-template/label/hub.jupyter.org/node-purpose': 'user',
      'k8s.io/cluster-autoscaler/node-template/label/hubfleet.io/nodegroup': 'gpu',
      'k8s.io/cluster-autoscaler/node-template/taint/hub.jupyter.org/dedicated': 'user:NoSchedule',
      'k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu': 'present:NoSchedule',
      'k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu': '1',
    });
  });
});

describe('amiTypeFor', () => {
  it('picks the NVIDIA image for GPU groups and the ARM images for Graviton types', () => {
    expect(amiTypeFor(users)).toBe('AL2023_x86_64_STANDARD');
    expect(amiTypeFor({ ...users, role: 'gpu', instanceType: 'g5.xlarge', gpu: { count: 1 } })).toBe(
      'AL2023_x86_64_NVIDIA',
    );
    expect(amiTypeFor({ ...users, instanceType: 'm7g.large' })).toBe('AL2023_ARM_64_STANDARD');
    expect(amiTypeFor({ ...users, role: 'gpu', instanceType: 'g5g.xlarge', gpu: { count: 1 } })).toBe(
      'AL2023_ARM_64_NVIDIA',
    );
  });
});

describe('observedNodeGroup', () => {
  it('reads back what was created, in hubfleet words', () => {
    expect(observedFrom(users)).toMatchObject({
      name: 'users',
      eksName: 'demo-users',
      status: 'active',
      instanceType: 't3a.large',
      min: 0,
      max: 4,
      desired: 0,
      diskSizeGiB: 100,
      taints: [
        { key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' },
        { key: 'spot', value: 'yes', effect: 'PreferNoSchedule' },
      ],
    });
  });

  it("ignores nodegroups that are not the deployment's", () => {
    expect(observedNodeGroup({ nodegroupName: 'x', tags: {} }, 'demo')).toBeUndefined();
    const request = createNodegroupRequest(users, placement);
    expect(observedNodeGroup({ nodegroupName: 'x', tags: request.tags }, 'other')).toBeUndefined();
  });
});

describe('nodegroupConfigChange', () => {
  it('is nothing when the config matches', () => {
    expect(nodegroupConfigChange(users, observedFrom(users))).toBeUndefined();
  });

  it('scales, keeping the desired size inside the new bounds', () => {
    const observed = { ...observedFrom(users), desired: 4 };
    expect(nodegroupConfigChange({ ...users, min: 1, max: 2 }, observed)).toEqual({
      scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 2 },
    });
  });

  it('adds, changes and removes labels and taints', () => {
    const desired: NodeGroupConfig = {
      ...users,
      labels: { course: 'cs102', term: 'fall' },
      taints: [{ key: 'spot', value: 'yes', effect: 'NoExecute' }],
    };
    expect(nodegroupConfigChange(desired, observedFrom(users))).toEqual({
      labels: { addOrUpdateLabels: { course: 'cs102', term: 'fall' } },
      taints: {
        addOrUpdateTaints: [{ key: 'spot', value: 'yes', effect: 'NO_EXECUTE' }],
        removeTaints: [{ key: 'spot', value: 'yes', effect: 'PREFER_NO_SCHEDULE' }],
      },
    });
    const { labels: _, ...withoutLabels } = users;
    expect(nodegroupConfigChange(withoutLabels, observedFrom(users))).toEqual({
      labels: { removeLabels: ['course'] },
    });
  });
});

describe('nodegroupTagChange', () => {
  it('sets changed tags and drops only stale node-template tags', () => {
    const observed = {
      'k8s.io/cluster-autoscaler/node-template/label/course': 'cs101',
      'k8s.io/cluster-autoscaler/node-template/label/old': 'x',
      'team-owned': 'keep',
    };
    expect(
      nodegroupTagChange({ 'k8s.io/cluster-autoscaler/node-template/label/course': 'cs102' }, observed),
    ).toEqual({
      set: { 'k8s.io/cluster-autoscaler/node-template/label/course': 'cs102' },
      remove: ['k8s.io/cluster-autoscaler/node-template/label/old'],
    });
  });
});

describe('requiresReplacement', () => {
  it('is true for a new instance type, image or disk, and false for sizes and labels', () => {
    const observed = observedFrom(users);
    expect(requiresReplacement(users, observed)).toBe(false);
    expect(requiresReplacement({ ...users, max: 9, labels: { a: 'b' } }, observed)).toBe(false);
    expect(requiresReplacement({ ...users, instanceType: 't3a.xlarge' }, observed)).toBe(true);
    expect(requiresReplacement({ ...users, diskSize: '200Gi' }, observed)).toBe(true);
    expect(requiresReplacement({ ...users, role: 'gpu', gpu: { count: 1 } }, observed)).toBe(true);
  });
});
