import type { HubfleetConfig } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { createCallLog } from '../framework/call-log.js';
import { createManualClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import {
  type ConformanceHandle,
  conformanceReport,
  createInMemorySession,
  formatConformanceReport,
  inMemoryConformanceConfig,
  inMemoryProvider,
  inMemoryProviderResources,
  runProviderConformance,
  withInMemoryKubernetes,
} from './index.js';

const HOUR = 3_600_000;

/**
 * What a provider's setup does against its fakes, here against the in-memory cloud, with a
 * Kubernetes fake behind its kubeconfig and two provider resources.
 */
function inMemorySetup(
  config: HubfleetConfig,
  { withFaults, labelsReachNodes = true }: { withFaults: boolean; labelsReachNodes?: boolean },
) {
  return async (): Promise<ConformanceHandle> => {
    const clock = createManualClock();
    const faults = createFaultInjector();
    const callLog = createCallLog();
    const inMemory = createInMemorySession({ config, clock, callLog, ...(withFaults ? { faults } : {}) });
    const cluster = await withInMemoryKubernetes(inMemory, clock, { labelsReachNodes });
    const resources = inMemoryProviderResources(clock);
    return {
      session: { ...cluster.session, resources: () => resources },
      ...(withFaults ? { faults, callLog } : {}),
      settle: async () => clock.advance(HOUR),
      teardown: () => cluster.close(),
    };
  };
}

const config = inMemoryConformanceConfig('conformance');

runProviderConformance({
  name: 'in-memory',
  provider: inMemoryProvider(),
  config,
  setup: inMemorySetup(config, { withFaults: true }),
  quotaFault: { operation: 'memory.CreateCluster' },
  kubernetes: true,
});

const lessCapable = inMemoryProvider({ nodeLabelsReachNodes: false, volumeSnapshots: false });

// Labels and taints stay in the cloud: core puts them on the nodes, found by the cloud's own label.
// Only the two stages that read labels from the cloud API are skipped (by the declared capability).
runProviderConformance({
  name: 'in-memory, labels do not reach nodes',
  provider: inMemoryProvider({ nodeLabelsReachNodes: false }),
  config: inMemoryConformanceConfig('conformance-unlabelled'),
  setup: inMemorySetup(inMemoryConformanceConfig('conformance-unlabelled'), {
    withFaults: true,
    labelsReachNodes: false,
  }),
  quotaFault: { operation: 'memory.CreateCluster' },
  kubernetes: true,
});

describe('conformanceReport', () => {
  it('runs every stage for a provider that declares every capability and gives a quotaFault', () => {
    const report = conformanceReport(inMemoryProvider(), {
      quotaFault: { operation: 'memory.CreateCluster' },
      kubernetes: true,
    });
    expect(report.filter((stage) => !stage.runs)).toEqual([]);
    expect(report.map((stage) => stage.id)).toEqual([
      'create',
      'service-range',
      'nodegroups',
      'kubeconfig',
      'nodegroup-labels',
      'node-labels',
      'replan',
      'update',
      'update-labels',
      'provider-resources',
      'volumes',
      'volume-snapshots',
      'delete',
      'idempotent-delete',
      'retries',
      'error-mapping',
    ]);
  });

  it('names each skipped stage with the capability or option it lacks', () => {
    const skipped = conformanceReport(lessCapable).filter((stage) => !stage.runs);
    const noKubernetes = 'the setup serves no Kubernetes API (kubernetes: true not declared)';
    expect(skipped).toEqual([
      expect.objectContaining({ id: 'kubeconfig', reason: noKubernetes }),
      expect.objectContaining({
        id: 'nodegroup-labels',
        reason: 'provider declares capabilities.nodeLabelsReachNodes = false',
      }),
      expect.objectContaining({ id: 'node-labels', reason: noKubernetes }),
      expect.objectContaining({
        id: 'update-labels',
        reason: 'provider declares capabilities.nodeLabelsReachNodes = false',
      }),
      expect.objectContaining({
        id: 'volume-snapshots',
        reason: 'provider declares capabilities.volumeSnapshots = false',
      }),
      expect.objectContaining({
        id: 'error-mapping',
        reason: 'no quotaFault given to runProviderConformance',
      }),
    ]);
    expect(formatConformanceReport(conformanceReport(lessCapable))).toContain(
      '- volume-snapshots: skipped, provider declares capabilities.volumeSnapshots = false',
    );
    expect(formatConformanceReport(conformanceReport(lessCapable))).toContain(
      '✓ retries (skipped at run time, by name, if setup() returns no FaultInjector)',
    );
  });
});
