import type { PolicyRecord } from '../iam-policy.js';

export interface ResourceManagerState {
  /** Each project's IAM policy, by project id (absent: no binding set yet). */
  policies: Record<string, PolicyRecord>;
}

export function createResourceManagerState(): ResourceManagerState {
  return { policies: {} };
}
