import { type JsonObject, numberField, objectField } from '../../framework/json-body.js';
import { invalidParameter } from './eks-errors.js';
import type { ScalingConfig } from './eks-state.js';

/** The fake's scaling config when CreateNodegroup sends none (the console's starting point). */
export const DEFAULT_SCALING: ScalingConfig = { minSize: 1, maxSize: 2, desiredSize: 2 };

type Fields = Record<string, string>;

function checkNonNegative(config: Partial<ScalingConfig>, fields: Fields): void {
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw invalidParameter(`${key} is not valid`, fields);
    }
  }
  if (config.maxSize !== undefined && config.maxSize < 1)
    throw invalidParameter('maxSize is not valid', fields);
}

/** CreateNodegroup: all three sizes or none, with minSize <= desiredSize <= maxSize. */
export function creationScaling(body: JsonObject, fields: Fields): ScalingConfig {
  const scaling = objectField(body, 'scalingConfig');
  const given = {
    minSize: numberField(scaling, 'minSize'),
    maxSize: numberField(scaling, 'maxSize'),
    desiredSize: numberField(scaling, 'desiredSize'),
  };
  const present = Object.values(given).filter((value) => value !== undefined).length;
  if (present === 0) return { ...DEFAULT_SCALING };
  if (present < 3)
    throw invalidParameter(
      'scalingConfig must specify all or none of minSize, maxSize and desiredSize',
      fields,
    );
  checkNonNegative(given, fields);
  const config = given as ScalingConfig;
  if (config.minSize > config.maxSize)
    throw invalidParameter("minSize can't be greater than maxSize", fields);
  if (config.minSize > config.desiredSize)
    throw invalidParameter("minSize can't be greater than desiredSize", fields);
  if (config.desiredSize > config.maxSize)
    throw invalidParameter("desiredSize can't be greater than maxSize", fields);
  return config;
}

/** UpdateNodegroupConfig: any subset, checked against the current sizes it leaves unchanged. */
export function updatedScaling(
  body: JsonObject,
  current: ScalingConfig,
  fields: Fields,
): Partial<ScalingConfig> | undefined {
  const scaling = objectField(body, 'scalingConfig');
  if (!scaling) return undefined;
  const change: Partial<ScalingConfig> = {};
  for (const key of ['minSize', 'maxSize', 'desiredSize'] as const) {
    const value = numberField(scaling, key);
    if (value !== undefined) change[key] = value;
  }
  if (Object.keys(change).length === 0) return undefined;
  checkNonNegative(change, fields);
  const next = { ...current, ...change };
  if (next.minSize > next.maxSize) {
    throw invalidParameter(
      `Minimum capacity ${next.minSize} can't be greater than maximum size ${next.maxSize}`,
      fields,
    );
  }
  if (next.minSize > next.desiredSize) {
    throw invalidParameter(
      `Minimum capacity ${next.minSize} can't be greater than desired size ${next.desiredSize}`,
      fields,
    );
  }
  if (next.desiredSize > next.maxSize) {
    throw invalidParameter(
      `Desired capacity ${next.desiredSize} can't be greater than max size ${next.maxSize}`,
      fields,
    );
  }
  return change;
}
