import { describe, expect, it } from 'vitest';
import { applyPlan } from '../engine/apply.js';
import { planChanges, planTeardown } from '../engine/plan.js';
import { HubfleetError } from '../errors/index.js';
import type { ProviderResourceV1, ResourceContextV1 } from '../provider/v1/resources.js';
import { emptyCloud, stubGraph, TEST_RETRY } from './testing/stub-cloud.js';

const quick = { retry: TEST_RETRY, sleep: async () => undefined };

/** A provider resource kept in memory, recording what it was asked to do. */
function recorded(
  name: string,
  anchors: Pick<ProviderResourceV1, 'dependsOn' | 'requiredBy'>,
  log: string[],
): ProviderResourceV1<{ ready: boolean }> {
  let state: { ready: boolean } | undefined;
  let polls = 0;
  return {
    name,
    kind: 'floating-ip',
    ...anchors,
    observe: async () => {
      // Becomes ready on the second look after a create, as a cloud resource would.
      if (state !== undefined && !state.ready) {
        polls += 1;
        if (polls > 1) state = { ready: true };
      }
      return state;
    },
    diff: (observed) =>
      observed === undefined
        ? { action: 'create', reason: 'does not exist' }
        : { action: 'noop', reason: 'exists' },
    apply: async (action) => {
      log.push(`${action} ${name}`);
      state = action === 'delete' ? undefined : { ready: false };
    },
    ready: (observed) => observed.ready,
  };
}

describe('provider resources in the deployment graph', () => {
  it('are placed by their anchors: dependsOn and requiredBy become edges, unknown tools are ignored', async () => {
    const session = emptyCloud();
    const log: string[] = [];
    session.resources = () => [
      recorded(
        'ingress',
        { dependsOn: ['cluster', 'tool:ingress-nginx', 'tool:not-enabled'], requiredBy: ['hubs'] },
        log,
      ),
      recorded('dns', { dependsOn: ['resource:ingress'], requiredBy: ['nodegroup:users'] }, log),
    ];
    const graph = stubGraph(session);
    const plan = await planChanges({ deployment: 'prod-green', desired: graph.desired, ...quick });
    const step = (id: string) => plan.steps.find((candidate) => candidate.id === id);
    expect(step('floating-ip/ingress')?.dependsOn).toEqual(['cluster/prod-green', 'tool/ingress-nginx']);
    expect(step('floating-ip/dns')?.dependsOn).toEqual(['floating-ip/ingress']);
    expect(step('hub/example-simple')?.dependsOn).toContain('floating-ip/ingress');
    expect(step('nodegroup/users')?.dependsOn).toContain('floating-ip/dns');
    expect(step('nodegroup/core')?.dependsOn).not.toContain('floating-ip/dns');
  });

  it('refuses an anchor hubfleet does not know, naming it', () => {
    const session = emptyCloud();
    session.resources = () => [recorded('odd', { dependsOn: ['cluster', 'network' as 'cluster'] }, [])];
    expect(() => stubGraph(session)).toThrow(HubfleetError);
    expect(() => stubGraph(session)).toThrow(/anchor "network"/);
  });

  it('are created in dependency order and waited for until ready, then deleted in reverse by down', async () => {
    const session = emptyCloud();
    const log: string[] = [];
    session.resources = () => [
      recorded('second', { dependsOn: ['resource:first'] }, log),
      recorded('first', { dependsOn: [] }, log),
    ];
    const graph = stubGraph(session);
    const resources = graph.desired.filter((node) => node.kind === 'floating-ip');
    const plan = await planChanges({ deployment: 'prod-green', desired: resources, ...quick });
    graph.goLive();
    const flags = { allowReplace: false, deleteData: false, teardown: false };
    expect((await applyPlan({ plan, resources, flags, ...quick })).summary.outcome).toBe('succeeded');
    expect(log).toEqual(['create first', 'create second']);
    for (const resource of resources)
      expect(resource.diff(await resource.observe())).toMatchObject({ action: 'noop' });

    const teardown = await planTeardown({ deployment: 'prod-green', resources, ...quick });
    const down = { allowReplace: false, deleteData: false, teardown: true };
    expect((await applyPlan({ plan: teardown, resources, flags: down, ...quick })).summary.outcome).toBe(
      'succeeded',
    );
    expect(log.slice(2)).toEqual(['delete second', 'delete first']);
  });

  it('hand their context the observed Service range and the ingress address as facts', async () => {
    const session = emptyCloud();
    const seen: ResourceContextV1[] = [];
    session.cluster.observe = async () => ({
      name: 'prod-green',
      status: 'active',
      kubernetesVersion: '1.34',
      tags: {},
      serviceCidr: '10.254.0.0/16',
    });
    session.resources = () => [
      {
        name: 'probe',
        kind: 'probe',
        dependsOn: ['cluster'],
        observe: async (context) => {
          seen.push(context);
          return undefined;
        },
        diff: () => ({ action: 'create', reason: 'test' }),
        apply: async () => undefined,
      },
    ];
    const graph = stubGraph(session);
    await planChanges({ deployment: 'prod-green', desired: graph.desired, ...quick });
    const context = seen[0];
    expect(context).toBeDefined();
    // No cluster API in this stub: the address is unknown, the range is the observed one.
    expect(await context?.facts()).toEqual({ serviceCidr: '10.254.0.0/16' });
    expect(await context?.kubernetes()).toBeUndefined();
  });
});

describe("the provider's addons(facts)", () => {
  it('are asked again with the facts once they exist', async () => {
    const session = emptyCloud();
    const asked: unknown[] = [];
    session.addons = (facts) => {
      asked.push(facts);
      return [];
    };
    session.cluster.observe = async () => ({
      name: 'prod-green',
      status: 'active',
      kubernetesVersion: '1.34',
      tags: {},
      serviceCidr: '10.96.0.0/12',
    });
    const graph = stubGraph(session);
    graph.render();
    await planChanges({ deployment: 'prod-green', desired: graph.desired, ...quick });
    graph.render();
    expect(asked[0]).toEqual({});
    expect(asked.at(-1)).toEqual({ serviceCidr: '10.96.0.0/12' });
  });
});
