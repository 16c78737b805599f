import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { planChanges, planTeardown } from './plan.js';
import type { PlanStep } from './plan-types.js';
import { REDACTED } from './redact.js';
import type { ResourceNode } from './resource.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { sampleDeployment, sampleDeploymentOptions } from './testing/sample-deployment.js';

function stepById(steps: readonly PlanStep[], id: string): PlanStep {
  const step = steps.find((candidate) => candidate.id === id);
  if (step === undefined) throw new Error(`no step ${id}`);
  return step;
}

function seedAll(world: InMemoryWorld): void {
  for (const options of sampleDeploymentOptions()) world.seed(options.id, options.spec ?? {});
}

describe('planChanges', () => {
  it('creates everything for a new deployment, each step after the steps it depends on', async () => {
    const world = new InMemoryWorld();
    const plan = await planChanges({ deployment: 'course', desired: sampleDeployment(world) });

    expect(plan.steps.every((step) => step.action === 'create' && step.reason === 'does not exist')).toBe(
      true,
    );
    const position = new Map(plan.steps.map((step, index) => [step.id, index]));
    for (const step of plan.steps) {
      for (const dependency of step.dependsOn) {
        expect(position.get(dependency)).toBeLessThan(position.get(step.id) ?? -1);
      }
    }
    expect(stepById(plan.steps, 'hub/course-a').dependsOn).toContain('storage-server/course-a');
    expect(plan.counts).toMatchObject({ create: 9, update: 0, noop: 0 });
    expect(plan.converged).toBe(false);
  });

  it('says which fields differ, old → new, and replaces what cannot change in place', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('nodegroup/users', { instanceType: 't3.xlarge', max: 5 });
    world.seed('nodegroup/core', { instanceType: 't3.medium', max: 3 });
    const plan = await planChanges({ deployment: 'course', desired: sampleDeployment(world) });

    expect(stepById(plan.steps, 'nodegroup/users')).toMatchObject({
      action: 'update',
      changes: [{ field: 'max', from: 5, to: 10 }],
    });
    expect(stepById(plan.steps, 'nodegroup/core')).toMatchObject({
      action: 'replace',
      reason: 'instanceType cannot change in place',
      changes: [{ field: 'instanceType', from: 't3.medium', to: 't3.large' }],
    });
    expect(stepById(plan.steps, 'cluster/main')).toMatchObject({
      action: 'noop',
      reason: 'matches the config',
    });
    expect(plan.counts).toMatchObject({ update: 1, replace: 1, noop: 7 });
  });

  it('redacts fields marked secret and stays plain data', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('hub/course-a', { image: 'jupyter/scipy-notebook:2024.1', clientSecret: 'hash:0' });
    const plan = await planChanges({ deployment: 'course', desired: sampleDeployment(world) });

    expect(stepById(plan.steps, 'hub/course-a').changes).toEqual([
      { field: 'clientSecret', from: REDACTED, to: REDACTED, secret: true },
    ]);
    const json = JSON.stringify(plan);
    expect(json).not.toContain('hash:');
    expect(JSON.parse(json)).toEqual(plan);
  });

  it('is converged when everything matches', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    const plan = await planChanges({ deployment: 'course', desired: sampleDeployment(world) });
    expect(plan.converged).toBe(true);
    expect(plan.counts.noop).toBe(plan.steps.length);
  });

  it('deletes owned resources that are no longer desired, before the resources they depend on', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('nodegroup/gpu', {});
    world.seed('tool/gpu-operator', {});
    const undesired = [
      world.resource({ id: 'nodegroup/gpu', dependsOn: ['cluster/main'] }),
      world.resource({ id: 'tool/gpu-operator', layer: 'tools', dependsOn: ['nodegroup/gpu'] }),
      world.resource({ id: 'tool/old-and-gone', layer: 'tools', dependsOn: ['nodegroup/gpu'] }),
    ];
    const plan = await planChanges({ deployment: 'course', desired: sampleDeployment(world), undesired });

    expect(stepById(plan.steps, 'tool/gpu-operator')).toMatchObject({
      action: 'delete',
      intent: 'absent',
      reason: 'no longer in the config',
      dependsOn: [],
    });
    expect(stepById(plan.steps, 'nodegroup/gpu')).toMatchObject({
      action: 'delete',
      dependsOn: ['tool/gpu-operator', 'tool/old-and-gone'],
    });
    expect(stepById(plan.steps, 'tool/old-and-gone')).toMatchObject({
      action: 'noop',
      reason: 'already gone',
    });
    expect(plan.counts.delete).toBe(2);
  });

  it('refuses a graph whose dependencies form a cycle, or name a resource that is not there', async () => {
    const world = new InMemoryWorld();
    const cycle = [
      world.resource({ id: 'tool/a', dependsOn: ['tool/b'] }),
      world.resource({ id: 'tool/b', dependsOn: ['tool/a'] }),
    ];
    await expect(planChanges({ deployment: 'x', desired: cycle })).rejects.toThrow(
      /cycle: tool\/a → tool\/b → tool\/a/,
    );
    const dangling = [world.resource({ id: 'tool/a', dependsOn: ['tool/missing'] })];
    await expect(planChanges({ deployment: 'x', desired: dangling })).rejects.toMatchObject({
      kind: 'internal',
      message: expect.stringContaining('tool/missing'),
    });
  });

  it('refuses a wanted resource that depends on one being removed', async () => {
    const world = new InMemoryWorld();
    const desired = [world.resource({ id: 'hub/a', dependsOn: ['tool/old'] })];
    const undesired = [world.resource({ id: 'tool/old' })];
    await expect(planChanges({ deployment: 'x', desired, undesired })).rejects.toMatchObject({
      kind: 'internal',
      message: 'hub/a is wanted but depends on tool/old, which is being removed.',
    });
  });

  it('observes a bounded number of resources at once and retries retryable observation errors', async () => {
    let inFlight = 0;
    let highest = 0;
    let throttled = 0;
    const resources: ResourceNode<string>[] = Array.from({ length: 20 }, (_, index) => ({
      id: `tool/t${index}`,
      kind: 'tool',
      layer: 'tools',
      dependsOn: [],
      async observe() {
        inFlight += 1;
        highest = Math.max(highest, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        if (index === 3 && throttled < 2) {
          throttled += 1;
          throw new HubfleetError({ kind: 'throttled', message: 'Rate exceeded' });
        }
        return 'present';
      },
      diff: () => ({ action: 'noop', reason: 'matches', changes: [] }),
      apply: async () => {},
    }));
    const plan = await planChanges({
      deployment: 'x',
      desired: resources,
      observeConcurrency: 4,
      sleep: async () => {},
    });
    expect(highest).toBe(4);
    expect(throttled).toBe(2);
    expect(plan.converged).toBe(true);
  });
});

describe('planTeardown', () => {
  it('deletes what exists in reverse dependency order and keeps retained volumes', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    const plan = await planTeardown({ deployment: 'course', resources: sampleDeployment(world) });

    expect(plan.command).toBe('down');
    expect(stepById(plan.steps, 'cluster/main')).toMatchObject({
      action: 'delete',
      reason: 'hubfleet down removes the deployment',
      dependsOn: ['nodegroup/core', 'nodegroup/users'],
    });
    expect(stepById(plan.steps, 'network/main').dependsOn).toEqual(['cluster/main', 'volume/course-a']);
    expect(stepById(plan.steps, 'volume/course-a')).toMatchObject({ action: 'noop', retained: true });
    expect(stepById(plan.steps, 'volume/course-a').reason).toMatch(/storage\.onDelete: retain/);
    const position = new Map(plan.steps.map((step, index) => [step.id, index]));
    expect(position.get('hub/course-a')).toBeLessThan(position.get('nodegroup/users') ?? -1);
    expect(plan.counts).toMatchObject({ delete: 8, noop: 1, retained: 1 });
  });
});
