import type { NodeGroupConfig } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { fromGoogleLabels, ownershipFilter, toGoogleLabels } from './gke-labels.js';
import { nodePoolRequest, observedNodePool } from './map-node-pool.js';

const gpu: NodeGroupConfig = {
  name: 'gpu',
  role: 'gpu',
  instanceType: 'n1-standard-8',
  min: 0,
  max: 2,
  gpu: { count: 2 },
};

describe('node pools from nodegroups', () => {
  it('asks GKE for T4 accelerators with its managed driver on N1 types, none for types that bundle GPUs', () => {
    const pool = nodePoolRequest(gpu, 'jupyter', true);
    expect(pool.config?.accelerators).toEqual([
      {
        acceleratorCount: 2,
        acceleratorType: 'nvidia-tesla-t4',
        gpuDriverInstallationConfig: { gpuDriverVersion: 'DEFAULT' },
      },
    ]);
    expect(pool.autoscaling).toEqual({
      enabled: true,
      minNodeCount: 0,
      maxNodeCount: 2,
      locationPolicy: 'BALANCED',
    });
    expect(pool.config?.resourceLabels).toEqual({
      'hubfleet-deployment': 'jupyter',
      'hubfleet-component': 'nodegroup',
      'hubfleet-nodegroup': 'gpu',
    });
    expect(
      nodePoolRequest({ ...gpu, instanceType: 'g2-standard-8' }, 'jupyter', true).config?.accelerators,
    ).toEqual([]);
  });

  it("reads a pool back in hubfleet's words, leaving out GKE's own GPU taint, and ignores pools that are not ours", () => {
    const request = nodePoolRequest(gpu, 'jupyter', true);
    const observed = observedNodePool(
      {
        ...request,
        status: 'RUNNING',
        config: {
          ...request.config,
          taints: [
            ...(request.config?.taints ?? []),
            { key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' },
          ],
        },
      },
      'jupyter',
    );
    expect(observed).toMatchObject({ name: 'gpu', status: 'active', min: 0, max: 2, accelerators: 2 });
    expect(observed?.taints.map((taint) => taint.key)).not.toContain('nvidia.com/gpu');
    expect(observed?.tags['hubfleet.io/nodegroup']).toBe('gpu');
    expect(
      observedNodePool({ ...request, config: { ...request.config, resourceLabels: {} } }, 'jupyter'),
    ).toBeUndefined();
  });
});

describe('labels are the state', () => {
  it("writes hubfleet's ownership tags as Google label keys and reads them back", () => {
    const labels = toGoogleLabels({ 'hubfleet.io/deployment': 'Jupyter.Course', team: 'cs' });
    expect(labels).toEqual({ 'hubfleet-deployment': 'jupyter-course', team: 'cs' });
    expect(fromGoogleLabels(labels)).toEqual({ 'hubfleet.io/deployment': 'jupyter-course', team: 'cs' });
    expect(ownershipFilter('jupyter', 'volume')).toBe(
      'labels.hubfleet-deployment = "jupyter" AND labels.hubfleet-component = "volume"',
    );
  });
});
