import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { applyPlan } from './apply.js';
import type { EngineEvent } from './events.js';
import { planChanges } from './plan.js';
import { type InMemoryResourceOptions, InMemoryWorld } from './testing/in-memory-provider.js';

interface RandomNode {
  dependsOn: number[];
  durationMs: number;
  fails: boolean;
}

/** A random DAG: each node may depend on any node before it, so there is never a cycle. */
const randomDag = (failures: boolean) =>
  fc.integer({ min: 1, max: 12 }).chain((size) =>
    fc.tuple(
      ...Array.from({ length: size }, (_, index) =>
        fc.record({
          dependsOn: fc.subarray(Array.from({ length: index }, (__, earlier) => earlier)),
          durationMs: fc.integer({ min: 0, max: 2 }),
          fails: failures ? fc.integer({ min: 0, max: 5 }).map((draw) => draw === 0) : fc.constant(false),
        }),
      ),
    ),
  );

const idOf = (index: number): string => `tool/t${index}`;

function resourceOptions(nodes: readonly RandomNode[]): InMemoryResourceOptions[] {
  const permanent = () => new HubfleetError({ kind: 'permission', message: 'denied' });
  return nodes.map((node, index) => ({
    id: idOf(index),
    layer: 'tools',
    dependsOn: node.dependsOn.map(idOf),
    durationMs: node.durationMs,
    typicalDurationMs: node.durationMs,
    failures: node.fails ? [{ during: 'apply', times: 1, error: permanent }] : [],
  }));
}

/** The most steps between `step-started` and their end, as the engine reported them. */
function highestConcurrency(events: readonly EngineEvent[]): number {
  let running = 0;
  let highest = 0;
  for (const event of events) {
    if (event.type === 'step-started') highest = Math.max(highest, ++running);
    if (event.type === 'step-finished' || event.type === 'step-failed') running -= 1;
  }
  return highest;
}

async function run(nodes: readonly RandomNode[], parallelism: number) {
  const world = new InMemoryWorld();
  const options = resourceOptions(nodes);
  const resources = options.map((each) => world.resource(each));
  const plan = await planChanges({ deployment: 'random', desired: resources });
  const events: EngineEvent[] = [];
  const result = await applyPlan({ plan, resources, parallelism, onEvent: (event) => events.push(event) });
  return { world, events, options, ...result };
}

function assertDependenciesFirst(world: InMemoryWorld, options: readonly InMemoryResourceOptions[]): void {
  const readyAt = new Map(world.callsOf('ready').map((call) => [call.id, call.sequence]));
  for (const each of options) {
    for (const created of world.callsOf('create', each.id)) {
      for (const dependency of each.dependsOn ?? []) {
        expect(readyAt.get(dependency)).toBeLessThan(created.sequence);
      }
    }
  }
}

describe('applyPlan on random DAGs', () => {
  it('runs each step exactly once, after all its dependencies, never above the bound', async () => {
    await fc.assert(
      fc.asyncProperty(randomDag(false), fc.integer({ min: 1, max: 5 }), async (nodes, parallelism) => {
        const { world, events, options, summary } = await run(nodes, parallelism);
        expect(summary.outcome).toBe('succeeded');
        for (const each of options) expect(world.callsOf('create', each.id)).toHaveLength(1);
        assertDependenciesFirst(world, options);
        expect(world.maxConcurrentSteps).toBeLessThanOrEqual(parallelism);
        expect(highestConcurrency(events)).toBeLessThanOrEqual(parallelism);
      }),
      { numRuns: 60 },
    );
  });

  it('stops exactly the dependents of failed steps and runs every other step once', async () => {
    await fc.assert(
      fc.asyncProperty(randomDag(true), fc.integer({ min: 1, max: 5 }), async (nodes, parallelism) => {
        const { world, options, summary } = await run(nodes, parallelism);
        const blocked = new Set<number>();
        nodes.forEach((node, index) => {
          if (
            node.dependsOn.some((dependency) => nodes[dependency]?.fails === true || blocked.has(dependency))
          ) {
            blocked.add(index);
          }
        });
        const expectFailed = nodes.flatMap((node, index) =>
          node.fails && !blocked.has(index) ? [idOf(index)] : [],
        );
        expect(summary.failed.map((failed) => failed.id).sort()).toEqual(expectFailed.sort());
        expect([...summary.notStarted].sort()).toEqual([...blocked].map(idOf).sort());
        for (const [index, each] of options.entries()) {
          const ran = !blocked.has(index) && nodes[index]?.fails !== true;
          expect(world.callsOf('create', each.id)).toHaveLength(ran ? 1 : 0);
        }
        assertDependenciesFirst(world, options);
        expect(world.maxConcurrentSteps).toBeLessThanOrEqual(parallelism);
        expect(summary.outcome).toBe(expectFailed.length > 0 ? 'failed' : 'succeeded');
      }),
      { numRuns: 60 },
    );
  });
});
