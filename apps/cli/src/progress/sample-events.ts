import type { ApplySummary, EngineEvent } from '@hubfleet/core';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

const summary: ApplySummary = {
  deployment: 'course-2026',
  command: 'up',
  outcome: 'failed',
  done: ['cluster/main'],
  unchanged: [],
  failed: [
    {
      id: 'nodegroup/users',
      error: {
        kind: 'quota',
        message: 'The vCPU limit of 32 is reached.',
        hint: 'Ask AWS for a higher limit.',
      },
    },
  ],
  notStarted: ['hub/course-a'],
  interrupted: [],
  nextStep: 're-run `hubfleet up` to continue',
};

/** A short run as the engine reports it: one step done after a retry, one failed, one not started. */
export const SAMPLE_EVENTS: EngineEvent[] = [
  {
    type: 'plan-started',
    at: T0,
    deployment: 'course-2026',
    command: 'up',
    parallelism: 32,
    steps: [
      { id: 'cluster/main', kind: 'cluster', layer: 'cloud', action: 'create', dependsOn: [] },
      {
        id: 'nodegroup/users',
        kind: 'nodegroup',
        layer: 'cloud',
        action: 'create',
        dependsOn: ['cluster/main'],
      },
      { id: 'hub/course-a', kind: 'hub', layer: 'hubs', action: 'create', dependsOn: ['nodegroup/users'] },
    ],
  },
  {
    type: 'step-started',
    at: T0,
    id: 'cluster/main',
    kind: 'cluster',
    action: 'create',
    waitingOn: 'EKS to create the control plane',
    typicalDurationMs: 720_000,
  },
  {
    type: 'step-retry',
    at: T0 + 2_000,
    id: 'cluster/main',
    attempt: 2,
    delayMs: 1_500,
    error: { kind: 'throttled', message: 'Rate exceeded' },
  },
  {
    type: 'step-finished',
    at: T0 + 725_000,
    id: 'cluster/main',
    outcome: 'done',
    action: 'create',
    durationMs: 725_000,
    attempts: 2,
  },
  {
    type: 'step-started',
    at: T0 + 725_000,
    id: 'nodegroup/users',
    kind: 'nodegroup',
    action: 'create',
    waitingOn: 'nodegroup to be ready',
  },
  {
    type: 'step-failed',
    at: T0 + 726_000,
    id: 'nodegroup/users',
    error: {
      kind: 'quota',
      message: 'The vCPU limit of 32 is reached.',
      hint: 'Ask AWS for a higher limit.',
    },
    hint: 'Ask AWS for a higher limit.',
    durationMs: 1_000,
    attempts: 1,
  },
  {
    type: 'step-skipped',
    at: T0 + 726_000,
    id: 'hub/course-a',
    reason: 'dependency-failed',
    blockedBy: 'nodegroup/users',
  },
  { type: 'apply-finished', at: T0 + 726_000, summary },
];
