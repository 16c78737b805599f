import { describe, expect, it } from 'vitest';
import { formatPlan } from './format-plan.js';
import type { Plan, PlanStep } from './plan-types.js';

function step(overrides: Partial<PlanStep> & Pick<PlanStep, 'id' | 'action'>): PlanStep {
  return {
    kind: overrides.id.split('/')[0] ?? 'tool',
    layer: 'cloud',
    intent: 'present',
    reason: 'because',
    changes: [],
    dependsOn: [],
    ...overrides,
  };
}

function planOf(steps: PlanStep[], command: Plan['command'] = 'up'): Plan {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, noop: 0, retained: 0, destructive: 0 };
  for (const each of steps) {
    counts[each.action] += 1;
    if (each.retained === true) counts.retained += 1;
    if (each.destructive !== undefined) counts.destructive += 1;
  }
  return {
    formatVersion: 1,
    deployment: 'course-2026',
    command,
    steps,
    counts,
    converged: counts.noop === steps.length,
  };
}

describe('formatPlan', () => {
  it('renders a converged plan as one line', () => {
    const plan = planOf([step({ id: 'cluster/main', action: 'noop', reason: 'matches the config' })]);
    expect(formatPlan(plan)).toBe('No changes: course-2026 is up to date.');
  });

  it('groups by layer with terraform symbols, old → new per field, and a counts line', () => {
    const plan = planOf([
      step({ id: 'cluster/main', action: 'noop' }),
      step({
        id: 'nodegroup/users',
        action: 'update',
        reason: '1 field(s) differ',
        changes: [{ field: 'max', from: 10, to: 20 }],
      }),
      step({
        id: 'nodegroup/gpu',
        action: 'replace',
        reason: 'instanceType cannot change in place',
        changes: [{ field: 'instanceType', from: 'g4dn.xlarge', to: 'g5.xlarge' }],
        destructive: {
          what: 'replaces a nodegroup with 3 user pods running: their sessions end',
          requires: ['allowReplace'],
        },
      }),
      step({ id: 'tool/ingress-nginx', layer: 'tools', action: 'create', reason: 'does not exist' }),
      step({
        id: 'tool/velero',
        layer: 'tools',
        action: 'delete',
        reason: 'no longer in the config',
        intent: 'absent',
      }),
      step({
        id: 'hub/course-a',
        layer: 'hubs',
        action: 'update',
        reason: '1 field(s) differ',
        changes: [{ field: 'clientSecret', from: '(secret)', to: '(secret)', secret: true }],
      }),
    ]);
    expect(formatPlan(plan)).toBe(
      [
        'Plan for course-2026 (hubfleet up):',
        '',
        'Cloud',
        '    ~   nodegroup/users  1 field(s) differ',
        '          max: 10 → 20',
        '  ! -/+ nodegroup/gpu  instanceType cannot change in place',
        '          instanceType: "g4dn.xlarge" → "g5.xlarge"',
        '          ! replaces a nodegroup with 3 user pods running: their sessions end (needs --allow-replace)',
        '',
        'Tools',
        '    +   tool/ingress-nginx  does not exist',
        '    -   tool/velero  no longer in the config',
        '',
        'Hubs',
        '    ~   hub/course-a  1 field(s) differ',
        '          clientSecret: (secret) → (secret)',
        '',
        'Plan: 1 to create, 2 to update, 1 to replace, 1 to delete, 1 unchanged. 1 destructive step, marked with !.',
      ].join('\n'),
    );
  });

  it('shows retained volumes and steps blocked by the config', () => {
    const plan = planOf(
      [
        step({
          id: 'cluster/main',
          action: 'delete',
          intent: 'absent',
          destructive: { what: 'deletes the cluster and everything running on it', requires: ['teardown'] },
        }),
        step({
          id: 'volume/a',
          layer: 'hubs',
          action: 'noop',
          retained: true,
          reason: 'retained: hub a has storage.onDelete: retain',
        }),
        step({
          id: 'volume/b',
          layer: 'hubs',
          action: 'replace',
          destructive: {
            what: "replaces hub b's data volume",
            requires: ['allowReplace', 'deleteData'],
            blockedBy: 'hub b has storage.onDelete: retain',
          },
        }),
      ],
      'down',
    );
    const text = formatPlan(plan);
    expect(text).toContain('! -   cluster/main');
    expect(text).toContain(
      'deletes the cluster and everything running on it (needs confirmation (type the deployment name, or pass --yes))',
    );
    expect(text).toContain('    =   volume/a  retained: hub a has storage.onDelete: retain');
    expect(text).toContain("! replaces hub b's data volume (hub b has storage.onDelete: retain)");
    expect(text).toContain(
      'Plan: 0 to create, 0 to update, 1 to replace, 1 to delete, 0 unchanged, 1 retained. 2 destructive steps',
    );
  });

  it('says in one line when a down has nothing left to delete, naming retained volumes', () => {
    const plan = planOf(
      [
        step({ id: 'cluster/main', action: 'noop', intent: 'absent', reason: 'already gone' }),
        step({ id: 'volume/a', layer: 'hubs', action: 'noop', retained: true }),
      ],
      'down',
    );
    expect(formatPlan(plan)).toBe(
      'No changes: nothing of course-2026 is left to delete. Retained: volume/a.',
    );
  });

  it('names what a step makes or removes besides its resource on the line after it', () => {
    const plan = planOf([
      step({
        id: 'cluster/main',
        action: 'create',
        reason: 'does not exist',
        includes: [
          { kind: 'network', name: 'vpc 10.0.0.0/16 (new)' },
          { kind: 'role', name: 'hubfleet-main-cluster (new)' },
        ],
      }),
    ]);
    expect(formatPlan(plan).split('\n').slice(3, 5)).toEqual([
      '    +   cluster/main  does not exist',
      '          with network vpc 10.0.0.0/16 (new), role hubfleet-main-cluster (new)',
    ]);
  });
});
