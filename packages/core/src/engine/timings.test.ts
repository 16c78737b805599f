import { describe, expect, it } from 'vitest';
import { applyPlan } from './apply.js';
import { planChanges } from './plan.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { sampleDeployment } from './testing/sample-deployment.js';
import { criticalPath, parseTimings, type StepTiming, wallTimeMs } from './timings.js';

function entry(id: string, dependsOn: string[], start: number | null, end: number | null): StepTiming {
  return {
    id,
    kind: id.split('/')[0] ?? id,
    dependsOn,
    start,
    end,
    attempts: 1,
    outcome: start === null ? 'not-started' : 'done',
  };
}

describe('criticalPath', () => {
  it('follows the dependency chain with the largest total duration, not the latest end', () => {
    const timings = {
      steps: [
        entry('cluster/main', [], 0, 720),
        entry('nodegroup/core', ['cluster/main'], 720, 960),
        entry('nodegroup/users', ['cluster/main'], 720, 950),
        entry('volume/a', [], 0, 30),
        entry('tool/prometheus', ['nodegroup/core'], 960, 1080),
        entry('hub/a', ['nodegroup/users', 'volume/a'], 1000, 1060),
        entry('tool/velero', ['nodegroup/core'], null, null),
      ],
    };
    expect(criticalPath(timings)).toEqual({
      durationMs: 1080,
      steps: ['cluster/main', 'nodegroup/core', 'tool/prometheus'],
    });
    expect(wallTimeMs(timings)).toBe(1080);
  });

  it('counts durations only, so waiting between steps is not on the path', () => {
    const timings = { steps: [entry('a/1', [], 0, 10), entry('a/2', ['a/1'], 50, 60)] };
    expect(criticalPath(timings).durationMs).toBe(20);
    expect(wallTimeMs(timings)).toBe(60);
  });

  it('is empty for an empty file', () => {
    expect(criticalPath({ steps: [] })).toEqual({ durationMs: 0, steps: [] });
    expect(wallTimeMs({ steps: [] })).toBe(0);
  });
});

describe('parseTimings', () => {
  it('reads back what apply wrote, through JSON', async () => {
    const world = new InMemoryWorld();
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const { timings } = await applyPlan({ plan, resources });
    const parsed = parseTimings(JSON.parse(JSON.stringify(timings)));
    expect(parsed).toEqual(timings);
    expect(criticalPath(parsed).steps[0]).toBe('network/main');
    expect(criticalPath(parsed).steps).toContain('cluster/main');
  });

  it('refuses a document that is not a timings file', () => {
    expect(() => parseTimings({ steps: [{ id: 'a' }] })).toThrow();
    expect(() => parseTimings([])).toThrow();
  });
});
