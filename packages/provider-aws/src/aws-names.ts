import { createHash } from 'node:crypto';

/**
 * How hubfleet names what it creates in AWS. Names are derived from the deployment so that a re-run
 * finds the same resources. Creates carry no token of hubfleet's: the SDK gives each request its own
 * and keeps it across its retries, and a later run finds the resource by name or tag first.
 */

/** IAM role names are at most 64 characters. */
const MAX_ROLE_NAME = 64;

function digest(parts: readonly string[], length: number): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}

/** The EKS cluster of a deployment is named after it. */
export function eksClusterName(deployment: string): string {
  return deployment;
}

/** `<deployment>-<nodegroup>`; `aws-rules.ts` refuses configs where this passes 63 characters. */
export function eksNodegroupName(deployment: string, nodeGroup: string): string {
  return `${deployment}-${nodeGroup}`;
}

/**
 * A deterministic idempotency token (at most 64 characters): the same parts always give the same
 * token. Only for requests that are the same request whenever they are sent (an update keyed by the
 * nodegroup's `modifiedAt`), never for creating something new under an old name.
 */
export function requestToken(...parts: string[]): string {
  return `hubfleet-${digest(parts, 40)}`;
}

/** What an IAM role hubfleet creates is for. */
export type RolePurpose = 'cluster' | 'node' | 'ebs-csi' | 'cluster-autoscaler' | 'velero';

/** `hubfleet-<deployment>-<purpose>`, shortened with a digest when the deployment name is long. */
export function iamRoleName(deployment: string, purpose: RolePurpose): string {
  const full = `hubfleet-${deployment}-${purpose}`;
  if (full.length <= MAX_ROLE_NAME) return full;
  const suffix = `-${digest([deployment], 8)}-${purpose}`;
  return `hubfleet-${deployment.slice(0, MAX_ROLE_NAME - 'hubfleet-'.length - suffix.length)}${suffix}`;
}

/** The AWS partition of a region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
