import type { AnyResourceNode } from './resource.js';

const MINUTE = 60_000;

/**
 * How long one attempt of a step may take, by resource kind. Generous on purpose: a timeout should
 * only end a step that the cloud has stopped working on (e.g. a control plane stuck in CREATING),
 * never a slow but healthy one.
 */
export const DEFAULT_TIMEOUT_MS_BY_KIND: Readonly<Record<string, number>> = {
  network: 15 * MINUTE,
  identity: 10 * MINUTE,
  cluster: 45 * MINUTE,
  nodegroup: 30 * MINUTE,
  kubeconfig: 5 * MINUTE,
  addon: 15 * MINUTE,
  tool: 20 * MINUTE,
  volume: 15 * MINUTE,
  'storage-server': 15 * MINUTE,
  hub: 20 * MINUTE,
};

/** For kinds not in the table. */
export const FALLBACK_TIMEOUT_MS = 20 * MINUTE;

/** The time limit of one attempt of this resource's step. */
export function defaultTimeoutMs(resource: Pick<AnyResourceNode, 'kind' | 'timeoutMs'>): number {
  return resource.timeoutMs ?? DEFAULT_TIMEOUT_MS_BY_KIND[resource.kind] ?? FALLBACK_TIMEOUT_MS;
}
