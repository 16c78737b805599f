import {
  type JsonObject,
  numberField,
  objectArrayField,
  objectField,
  stringArrayField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { invalidArgument } from '../google-errors.js';
import { enumFromWire } from './container-enums.js';
import type {
  Accelerator,
  AutoscalingRecord,
  NodeConfigRecord,
  NodeTaint,
  TaintEffect,
} from './container-state.js';

/** int64 fields arrive as JSON strings from the client libraries (proto3 JSON); numbers are accepted too. */
export function int64Field(object: JsonObject | undefined, key: string): number | undefined {
  const value = object?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

export function taintsFromWire(list: JsonObject[] | undefined): NodeTaint[] {
  return (list ?? []).map((taint) => {
    const effect = enumFromWire('taintEffect', taint.effect);
    const key = stringField(taint, 'key');
    if (key === undefined || effect === undefined || effect === 'EFFECT_UNSPECIFIED') {
      throw invalidArgument('Invalid taint: a taint needs a key and an effect.');
    }
    return { key, value: stringField(taint, 'value') ?? '', effect: effect as TaintEffect };
  });
}

export function acceleratorsFromWire(list: JsonObject[] | undefined): Accelerator[] {
  return (list ?? []).map((accelerator) => {
    const driver = enumFromWire(
      'gpuDriverVersion',
      objectField(accelerator, 'gpuDriverInstallationConfig')?.gpuDriverVersion,
    );
    return {
      acceleratorCount: int64Field(accelerator, 'acceleratorCount') ?? 0,
      acceleratorType: stringField(accelerator, 'acceleratorType') ?? '',
      ...(driver === undefined ? {} : { gpuDriverVersion: driver }),
    };
  });
}

export function nodeConfigFromWire(config: JsonObject | undefined): NodeConfigRecord {
  return {
    machineType: stringField(config, 'machineType') || 'e2-medium',
    diskSizeGb: numberField(config, 'diskSizeGb') || 100,
    diskType: stringField(config, 'diskType') || 'pd-balanced',
    imageType: stringField(config, 'imageType') || 'COS_CONTAINERD',
    labels: stringMapField(config, 'labels') ?? {},
    taints: taintsFromWire(objectArrayField(config, 'taints')),
    resourceLabels: stringMapField(config, 'resourceLabels') ?? {},
    accelerators: acceleratorsFromWire(objectArrayField(config, 'accelerators')),
    oauthScopes: stringArrayField(config, 'oauthScopes') ?? [
      'https://www.googleapis.com/auth/devstorage.read_only',
      'https://www.googleapis.com/auth/logging.write',
      'https://www.googleapis.com/auth/monitoring',
    ],
    serviceAccount: stringField(config, 'serviceAccount') || 'default',
    ...workloadMetadataFromWire(objectField(config, 'workloadMetadataConfig')),
  };
}

/** `workloadMetadataConfig.mode`: GKE_METADATA (Workload Identity's metadata server) or GCE_METADATA. */
export function workloadMetadataFromWire(config: JsonObject | undefined): {
  workloadMetadataMode?: 'GKE_METADATA' | 'GCE_METADATA';
} {
  const mode = enumFromWire('workloadMetadataMode', config?.mode);
  return mode === 'GKE_METADATA' || mode === 'GCE_METADATA' ? { workloadMetadataMode: mode } : {};
}

export function autoscalingFromWire(autoscaling: JsonObject | undefined): AutoscalingRecord | undefined {
  if (autoscaling === undefined) return undefined;
  const enabled = autoscaling.enabled === true;
  const record: AutoscalingRecord = {
    enabled,
    minNodeCount: numberField(autoscaling, 'minNodeCount') ?? 0,
    maxNodeCount: numberField(autoscaling, 'maxNodeCount') ?? 0,
  };
  const policy = enumFromWire('locationPolicy', autoscaling.locationPolicy);
  if (policy !== undefined && policy !== 'LOCATION_POLICY_UNSPECIFIED') record.locationPolicy = policy;
  if (enabled && (record.maxNodeCount < 1 || record.minNodeCount > record.maxNodeCount)) {
    throw invalidArgument(
      `Invalid autoscaling: max_node_count (${record.maxNodeCount}) must be at least 1 and at least min_node_count (${record.minNodeCount}).`,
    );
  }
  return record;
}
