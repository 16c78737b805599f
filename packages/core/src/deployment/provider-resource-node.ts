import type { ResourceDiff, ResourceLayer, ResourceNode } from '../engine/resource.js';
import type { ProviderResourceV1, ResourceContextV1 } from '../provider/v1/resources.js';
import type { DeploymentContext } from './deployment-context.js';
import { resourceContext } from './resource-context.js';
import { waitUntil } from './wait-until.js';

const MINUTE = 60_000;

/** `addon/cluster-addons`, `floating-ip/ingress`: a provider resource's step id. */
export function providerResourceNodeId(resource: Pick<ProviderResourceV1, 'kind' | 'name'>): string {
  return `${resource.kind}/${resource.name}`;
}

/**
 * A provider's own step (`session.resources()`) as an engine resource: observed once per plan through
 * the read cache, applied by the provider, and waited for by polling `observe` until the provider
 * calls it ready (or, after a delete, until it is gone). Where it sits is decided by its anchors
 * (`placeProviderResources`), not here.
 */
export function providerResourceNode(
  context: DeploymentContext,
  resource: ProviderResourceV1,
  dependsOn: readonly string[],
): ResourceNode<unknown> {
  const id = providerResourceNodeId(resource);
  const idle = resourceContext(context, new AbortController().signal);
  const ready = (observed: unknown) => resource.ready?.(observed) ?? true;
  const wait = (step: ResourceContextV1, done: (observed: unknown) => boolean) =>
    waitUntil(async () => ({ done: done(await resource.observe(step)) }), {
      signal: step.signal,
      intervalMs: context.pollIntervalMs,
      sleep: context.sleep,
    });
  return {
    id,
    kind: resource.kind,
    layer: (resource.layer ?? 'cloud') satisfies ResourceLayer,
    dependsOn: [...dependsOn],
    typicalDurationMs: resource.typicalDurationMs ?? MINUTE,
    waitingOn: resource.waitingOn ?? `${context.provider.displayName} (${id})`,
    observe: () => context.cache.read(`resource:${id}`, () => resource.observe(idle)),
    diff(observed): ResourceDiff {
      const decided = resource.diff(observed);
      return { action: decided.action, reason: decided.reason, changes: decided.changes ?? [] };
    },
    async apply(action, _observed, step) {
      const acting = resourceContext(context, step.signal);
      if (action === 'delete') return resource.apply('delete', acting);
      if (action === 'replace') {
        await resource.apply('delete', acting);
        await wait(acting, (observed) => observed === undefined);
        return resource.apply('create', acting);
      }
      return resource.apply(action, acting);
    },
    ...(resource.holdsData === undefined
      ? {}
      : {
          safetyFacts(observed) {
            const held = observed === undefined ? undefined : resource.holdsData?.(observed);
            return held === undefined ? {} : { heldData: { ...held } };
          },
        }),
    async waitReady(action, step) {
      const waiting = resourceContext(context, step.signal);
      if (action === 'delete') return wait(waiting, (observed) => observed === undefined);
      await wait(waiting, (observed) => observed !== undefined && ready(observed));
    },
  };
}
