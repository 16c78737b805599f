import { parseQuantity } from '@hubfleet/core';
import { asArray, asRecord, asString, asStringMap, type KubeObject, labelsOf } from './kube-object.js';
import { matchesStructuredSelector } from './selectors.js';

/** Why a node cannot take a pod, worded like the scheduler's FailedScheduling summary; undefined when it can. */
export type NodeRejection = string | undefined;

function isReady(node: KubeObject): boolean {
  const conditions = asArray(asRecord(node.status)?.conditions).map(asRecord);
  return conditions.some((condition) => condition?.type === 'Ready' && condition.status === 'True');
}

function tolerates(tolerations: unknown[], taint: Record<string, unknown>): boolean {
  return tolerations.map(asRecord).some((toleration) => {
    if (!toleration) return false;
    if (toleration.effect !== undefined && toleration.effect !== '' && toleration.effect !== taint.effect)
      return false;
    if (toleration.key === undefined || toleration.key === '') return toleration.operator === 'Exists';
    if (toleration.key !== taint.key) return false;
    return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
  });
}

function requiredAffinityMatches(podSpec: Record<string, unknown>, labels: Record<string, string>): boolean {
  const required = asRecord(
    asRecord(asRecord(podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution,
  );
  const terms = asArray(required?.nodeSelectorTerms);
  if (terms.length === 0) return true;
  return terms.some((term) =>
    matchesStructuredSelector(labels, { matchExpressions: asRecord(term)?.matchExpressions ?? [] }),
  );
}

/** Whether a node passes a pod's node selector, required node affinity and taints (resources aside). */
export function placementRejection(node: KubeObject, podSpec: Record<string, unknown>): NodeRejection {
  if (!isReady(node) || asRecord(node.spec)?.unschedulable === true) return 'node(s) were unschedulable';
  const labels = labelsOf(node);
  const selector = asStringMap(podSpec.nodeSelector);
  const selectorMatches = Object.entries(selector).every(([key, value]) => labels[key] === value);
  if (!selectorMatches || !requiredAffinityMatches(podSpec, labels))
    return "node(s) didn't match Pod's node affinity/selector";
  const tolerations = asArray(podSpec.tolerations);
  const untolerated = asArray(asRecord(node.spec)?.taints)
    .map(asRecord)
    .find((taint) => taint && taint.effect !== 'PreferNoSchedule' && !tolerates(tolerations, taint));
  if (untolerated) {
    const value = asString(untolerated.value);
    return `node(s) had untolerated taint {${String(untolerated.key)}${value ? `: ${value}` : ''}}`;
  }
  return undefined;
}

/** A pod's resource requests (requests, else limits, as the scheduler counts extended resources). */
export function podRequests(podSpec: Record<string, unknown>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const container of asArray(podSpec.containers).map(asRecord)) {
    const resources = asRecord(container?.resources) ?? {};
    const requests = { ...asRecord(resources.limits), ...asRecord(resources.requests) };
    for (const [resource, quantity] of Object.entries(requests)) {
      const amount = parseQuantity(quantity);
      if (Number.isFinite(amount)) totals[resource] = (totals[resource] ?? 0) + amount;
    }
  }
  return totals;
}

/** The first resource a node lacks room for, given what its pods already request. */
export function resourceRejection(
  node: KubeObject,
  podSpec: Record<string, unknown>,
  podsOnNode: readonly KubeObject[],
): NodeRejection {
  const allocatable = asRecord(asRecord(node.status)?.allocatable) ?? {};
  const wanted = podRequests(podSpec);
  for (const [resource, amount] of Object.entries(wanted)) {
    if (amount <= 0) continue;
    const capacity = parseQuantity(allocatable[resource] ?? 0);
    const used = podsOnNode.reduce(
      (sum, pod) => sum + (podRequests(asRecord(pod.spec) ?? {})[resource] ?? 0),
      0,
    );
    if (!(capacity - used >= amount)) return `Insufficient ${resource}`;
  }
  return undefined;
}

/** The scheduler's summary when no node fits: `0/3 nodes are available: 3 Insufficient cpu.` */
export function unschedulableMessage(nodeCount: number, rejections: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const rejection of rejections) counts.set(rejection, (counts.get(rejection) ?? 0) + 1);
  const reasons = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  return `0/${nodeCount} nodes are available: ${reasons}.`;
}
