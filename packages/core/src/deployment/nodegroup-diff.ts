import type { NodeGroupConfig } from '../config/cluster.js';
import type { FieldChange, PlanValue, ResourceDiff } from '../engine/resource.js';
import { nodeGroupLabels, nodeGroupTaints } from '../kubernetes/placement.js';
import type { NodeGroupApiV1, ObservedNodeGroupV1 } from '../provider/v1/session.js';

function sortedTaints(taints: readonly { key: string; value: string; effect: string }[]): PlanValue {
  return [...taints]
    .map((taint) => `${taint.key}=${taint.value}:${taint.effect}`)
    .sort((left, right) => left.localeCompare(right));
}

function change(field: string, from: PlanValue, to: PlanValue): FieldChange[] {
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from, to }];
}

/**
 * Fields that can change in place: size bounds, and labels and taints where the cloud holds them on
 * the nodegroup (`cloudHoldsLabels`, i.e. `capabilities.nodeLabelsReachNodes`). Elsewhere core puts
 * them on the nodes itself (`node-labels/<name>`), and the cloud's own labels are not compared, or
 * the diff would never converge.
 */
export function inPlaceChanges(
  group: NodeGroupConfig,
  observed: ObservedNodeGroupV1,
  cloudHoldsLabels = true,
): FieldChange[] {
  return [
    ...change('min', observed.min, group.min),
    ...change('max', observed.max, group.max),
    ...(cloudHoldsLabels
      ? [
          ...change('labels', observed.labels, nodeGroupLabels(group)),
          ...change('taints', sortedTaints(observed.taints), sortedTaints(nodeGroupTaints(group))),
        ]
      : []),
  ];
}

/** Fields a replacement is for, as the provider decides (`requiresReplacement`). */
function replacementChanges(group: NodeGroupConfig, observed: ObservedNodeGroupV1): FieldChange[] {
  const disk = observed.diskSizeGiB;
  return [
    ...change('instanceType', observed.instanceType, group.instanceType),
    ...(group.diskSize !== undefined && disk !== undefined
      ? change('diskSize', `${disk}Gi`, group.diskSize)
      : []),
  ];
}

/**
 * Compare a nodegroup with its config: create, replace (provider says so), update or nothing.
 * `version` is the rolling upgrade its nodes are due, if any (`nodeGroupVersionChange`).
 */
export function diffNodeGroup(
  api: NodeGroupApiV1,
  group: NodeGroupConfig,
  observed: ObservedNodeGroupV1 | undefined,
  cloudHoldsLabels = true,
  version?: FieldChange,
): ResourceDiff {
  if (observed === undefined) return { action: 'create', reason: 'does not exist', changes: [] };
  if (observed.status === 'deleting') {
    return { action: 'create', reason: 'is being deleted; it is made again once it is gone', changes: [] };
  }
  if (api.requiresReplacement(group, observed)) {
    const changes = replacementChanges(group, observed);
    const fields = changes.map((entry) => entry.field).join(', ') || 'its launch settings';
    return { action: 'replace', reason: `${fields} cannot change in place`, changes };
  }
  if (observed.status === 'failed') {
    return {
      action: 'replace',
      reason: 'the cloud reports it failed',
      changes: [{ field: 'status', from: 'failed', to: 'active' }],
    };
  }
  const changes = inPlaceChanges(group, observed, cloudHoldsLabels);
  if (version !== undefined) {
    return {
      action: 'update',
      reason: `rolling upgrade to Kubernetes ${String(version.to)} once the control plane runs it: its nodes are replaced a few at a time${changes.length > 0 ? `; then ${changes.map((entry) => entry.field).join(', ')}` : ''}`,
      changes: [version, ...changes],
    };
  }
  if (changes.length > 0) {
    return { action: 'update', reason: `${changes.map((entry) => entry.field).join(', ')} changed`, changes };
  }
  if (observed.status !== 'active') {
    return {
      action: 'update',
      reason: `still ${observed.status} after an earlier run: wait until it is active`,
      changes: [{ field: 'status', from: observed.status, to: 'active' }],
    };
  }
  return { action: 'noop', reason: 'matches the config', changes: [] };
}
