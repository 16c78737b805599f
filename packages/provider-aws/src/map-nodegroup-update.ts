import type { UpdateNodegroupConfigRequest } from '@aws-sdk/client-eks';
import {
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
} from '@hubfleet/core';
import { NODE_TEMPLATE_PREFIX } from './map-autoscaler-tags.js';
import { eksTaints } from './map-nodegroup.js';

/** What UpdateNodegroupConfig takes besides the names and the token. */
export type NodegroupConfigChange = Pick<UpdateNodegroupConfigRequest, 'scalingConfig' | 'labels' | 'taints'>;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function scalingChange(
  group: NodeGroupConfig,
  observed: ObservedNodeGroupV1,
): NodegroupConfigChange['scalingConfig'] {
  if (group.min === observed.min && group.max === observed.max) return undefined;
  // The autoscaler owns desiredSize; only pull it inside the new bounds.
  return {
    minSize: group.min,
    maxSize: group.max,
    desiredSize: clamp(observed.desired, group.min, group.max),
  };
}

function labelChange(group: NodeGroupConfig, observed: ObservedNodeGroupV1): NodegroupConfigChange['labels'] {
  const desired = nodeGroupLabels(group);
  const addOrUpdateLabels = Object.fromEntries(
    Object.entries(desired).filter(([key, value]) => observed.labels[key] !== value),
  );
  const removeLabels = Object.keys(observed.labels).filter((key) => !(key in desired));
  if (Object.keys(addOrUpdateLabels).length === 0 && removeLabels.length === 0) return undefined;
  return {
    ...(Object.keys(addOrUpdateLabels).length === 0 ? {} : { addOrUpdateLabels }),
    ...(removeLabels.length === 0 ? {} : { removeLabels }),
  };
}

function taintChange(group: NodeGroupConfig, observed: ObservedNodeGroupV1): NodegroupConfigChange['taints'] {
  const desired = nodeGroupTaints(group);
  const same = (left: { key: string; effect: string }, right: { key: string; effect: string }) =>
    left.key === right.key && left.effect === right.effect;
  const add = desired.filter(
    (taint) => !observed.taints.some((current) => same(current, taint) && current.value === taint.value),
  );
  const remove = observed.taints.filter((current) => !desired.some((taint) => same(current, taint)));
  if (add.length === 0 && remove.length === 0) return undefined;
  return {
    ...(add.length === 0 ? {} : { addOrUpdateTaints: eksTaints(add) }),
    ...(remove.length === 0 ? {} : { removeTaints: eksTaints(remove) }),
  };
}

/** The in-place change from `observed` to `group` (sizes, labels, taints), or undefined when there is none. */
export function nodegroupConfigChange(
  group: NodeGroupConfig,
  observed: ObservedNodeGroupV1,
): NodegroupConfigChange | undefined {
  const change: NodegroupConfigChange = {};
  const scalingConfig = scalingChange(group, observed);
  const labels = labelChange(group, observed);
  const taints = taintChange(group, observed);
  if (scalingConfig !== undefined) change.scalingConfig = scalingConfig;
  if (labels !== undefined) change.labels = labels;
  if (taints !== undefined) change.taints = taints;
  return Object.keys(change).length === 0 ? undefined : change;
}

/** Tags to set and node-template tags to drop so the nodegroup's tags match `desired`. */
export function nodegroupTagChange(
  desired: Readonly<Record<string, string>>,
  observed: Readonly<Record<string, string>>,
): { set: Record<string, string>; remove: string[] } {
  const set = Object.fromEntries(Object.entries(desired).filter(([key, value]) => observed[key] !== value));
  const remove = Object.keys(observed).filter(
    (key) => key.startsWith(NODE_TEMPLATE_PREFIX) && !(key in desired),
  );
  return { set, remove };
}
