import type { NodeGroupConfig, ObservedNodeGroupV1 } from '@hubfleet/core';

/** One field where the cloud differs from the config. */
export interface NodeGroupDrift {
  field: 'min' | 'max' | 'instanceType';
  desired: string | number;
  observed: string | number;
}

const COMPARED_FIELDS = ['min', 'max', 'instanceType'] as const;

/**
 * Where an observed nodegroup differs from the config, compared the same way for every provider: an
 * empty list means a re-plan has nothing to do for it.
 */
export function nodeGroupDrift(desired: NodeGroupConfig, observed: ObservedNodeGroupV1): NodeGroupDrift[] {
  return COMPARED_FIELDS.filter((field) => desired[field] !== observed[field]).map((field) => ({
    field,
    desired: desired[field],
    observed: observed[field],
  }));
}

/** True when the observed Kubernetes version is the configured minor (`1.34` matches `1.34`, `1.34.2-gke.100`, `v1.34.1`). */
export function isConfiguredMinor(desiredMinor: string, observedVersion: string): boolean {
  const observed = observedVersion.replace(/^v/, '');
  return observed === desiredMinor || observed.startsWith(`${desiredMinor}.`);
}
