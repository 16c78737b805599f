import { asArray, asRecord, asString, kubernetesTime } from './kube-object.js';

/** A status condition as workloads, pods and nodes carry them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/**
 * Conditions with their transition times: a condition whose status did not change keeps the
 * lastTransitionTime it had, as controllers do, so repeated reads stay stable.
 */
export function withTimes(
  previous: unknown,
  conditions: readonly Condition[],
  now: number,
  extraTimeFields: readonly string[] = [],
): Record<string, unknown>[] {
  const old = asArray(previous).map(asRecord);
  return conditions.map((condition) => {
    const before = old.find((entry) => entry?.type === condition.type);
    const unchanged = before?.status === condition.status;
    const time = unchanged
      ? (asString(before?.lastTransitionTime) ?? kubernetesTime(now))
      : kubernetesTime(now);
    const extra = Object.fromEntries(
      extraTimeFields.map((field) => [field, unchanged ? (asString(before?.[field]) ?? time) : time]),
    );
    return { ...condition, ...extra, lastTransitionTime: time };
  });
}
