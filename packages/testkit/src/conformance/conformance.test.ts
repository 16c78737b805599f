import type { HubfleetConfig } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { createCallLog } from '../framework/call-log.js';
import { createManualClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import { startKubernetesFake } from '../kubernetes/index.js';
import {
  type ConformanceHandle,
  conformanceReport,
  createInMemorySession,
  formatConformanceReport,
  inMemoryConformanceConfig,
  inMemoryProvider,
  runProviderConformance,
} from './index.js';

const HOUR = 3_600_000;

/**
 * What a provider's setup does against its fakes, here against the in-memory cloud, its cluster
 * tied to a Kubernetes fake that serves TLS and takes only client certificates (as kubeadm's and
 * Magnum's API servers hand out).
 */
function inMemorySetup(config: HubfleetConfig, { withFaults }: { withFaults: boolean }) {
  return async (): Promise<ConformanceHandle> => {
    const clock = createManualClock();
    const faults = createFaultInjector();
    const callLog = createCallLog();
    const kubernetes = await startKubernetesFake({
      clock,
      faults: createFaultInjector(),
      callLog: createCallLog(),
      tls: true,
      tokens: 'none',
    });
    const kubeconfig = await kubernetes.kubeconfig({ kind: 'client-certificate', user: 'kubernetes-admin' });
    const session = createInMemorySession({
      config,
      clock,
      callLog,
      kubeconfig: async () => kubeconfig,
      ...(withFaults ? { faults } : {}),
    });
    return {
      session,
      simulatedKubernetes: true,
      ...(withFaults ? { faults, callLog } : {}),
      settle: async () => clock.advance(HOUR),
      teardown: () => kubernetes.close(),
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
});

const lessCapable = inMemoryProvider({ nodeLabelsReachNodes: false, volumeSnapshots: false });

describe('conformanceReport', () => {
  it('runs every stage for a provider that declares every capability and gives a quotaFault', () => {
    const report = conformanceReport(inMemoryProvider(), {
      quotaFault: { operation: 'memory.CreateCluster' },
    });
    expect(report.filter((stage) => !stage.runs)).toEqual([]);
    expect(report.map((stage) => stage.id)).toEqual([
      'create',
      'nodegroups',
      'kubeconfig',
      'nodegroup-labels',
      'replan',
      'update',
      'update-labels',
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
    expect(skipped).toEqual([
      expect.objectContaining({
        id: 'nodegroup-labels',
        reason: 'provider declares capabilities.nodeLabelsReachNodes = false',
      }),
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
