import type { ProviderResourceV1 } from '@hubfleet/core';
import type { Clock } from '../framework/clock.js';

/** One in-memory provider resource as observed. */
export interface InMemoryResource {
  ready: boolean;
}

const READY_AFTER_MS = 60_000;

/**
 * Two provider resources of the in-memory cloud, the second anchored after the first
 * (`resource:address`), each ready a modelled minute after it is created, for the suite's
 * provider-resources stage and engine tests.
 */
export function inMemoryProviderResources(clock: Clock): ProviderResourceV1<InMemoryResource>[] {
  const made = new Map<string, number>();
  const resource = (
    name: string,
    anchors: Pick<ProviderResourceV1, 'dependsOn' | 'requiredBy'>,
  ): ProviderResourceV1<InMemoryResource> => ({
    name,
    kind: 'memory-resource',
    ...anchors,
    observe: async () => {
      const at = made.get(name);
      return at === undefined ? undefined : { ready: clock.now() >= at + READY_AFTER_MS };
    },
    diff: (observed) =>
      observed === undefined
        ? { action: 'create', reason: 'does not exist' }
        : { action: 'noop', reason: observed.ready ? 'ready' : 'being made' },
    apply: async (action) => {
      if (action === 'delete') made.delete(name);
      else if (!made.has(name)) made.set(name, clock.now());
    },
    ready: (observed) => observed.ready,
  });
  return [
    resource('address', { dependsOn: ['cluster'] }),
    resource('record', { dependsOn: ['resource:address'], requiredBy: ['hubs'] }),
  ];
}
