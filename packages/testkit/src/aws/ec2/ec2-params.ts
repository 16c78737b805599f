import { memberList, stringList } from '../shared/query-params.js';
import { invalidParameterValue, missingParameter } from './ec2-errors.js';

/** The flattened parameters of one EC2 query-protocol call (`VolumeId.1`, `Filter.1.Value.1`, …). */
export type Ec2Params = Record<string, string>;

export function optionalString(params: Ec2Params, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A required parameter; `wireName` is how EC2 names it in the MissingParameter message. */
export function requiredString(params: Ec2Params, name: string, wireName = name): string {
  const value = optionalString(params, name);
  if (value === undefined) throw missingParameter(wireName);
  return value;
}

export function optionalInteger(params: Ec2Params, name: string): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidParameterValue(`Invalid value '${value}' for ${name}`);
  return Number(value);
}

export function optionalBoolean(params: Ec2Params, name: string): boolean | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false')
    throw invalidParameterValue(`Invalid value '${value}' for ${name}`);
  return value === 'true';
}

/** `VolumeId.1`, `VolumeId.2`, … */
export function idList(params: Ec2Params, name: string): string[] {
  return stringList(params, name);
}

/** `Filter.1.Name`, `Tag.1.Key`, … as one record per index. */
export function structList(params: Ec2Params, name: string): Ec2Params[] {
  return memberList(params, name);
}
