import type { ConformanceProvider, QuotaFaultOptions } from './conformance-options.js';
import { CONFORMANCE_STAGES, type ConformanceStageId } from './conformance-stages.js';

/** Whether one stage runs for a provider, and why not when it does not. */
export type ConformanceStageReport =
  | { id: ConformanceStageId; title: string; runs: true; condition?: string }
  | { id: ConformanceStageId; title: string; runs: false; reason: string };

const RUNTIME_CONDITIONS = {
  faults: 'skipped at run time, by name, if setup() returns no FaultInjector',
  resources: 'skipped at run time, by name, if the session offers no resources()',
} as const;

/**
 * Which stages of the suite run for this provider and which are skipped and why, from its declared
 * capabilities (and whether a `quotaFault` is given and the setup serves a Kubernetes API), before anything runs.
 */
export function conformanceReport(
  provider: ConformanceProvider,
  options: { quotaFault?: QuotaFaultOptions; kubernetes?: boolean } = {},
): ConformanceStageReport[] {
  return CONFORMANCE_STAGES.map((stage) => {
    const reason = stage.skipReason?.({
      provider,
      quotaFault: options.quotaFault,
      kubernetes: options.kubernetes,
    });
    if (reason !== undefined) return { id: stage.id, title: stage.title, runs: false, reason };
    return stage.runtimeCondition === undefined
      ? { id: stage.id, title: stage.title, runs: true }
      : {
          id: stage.id,
          title: stage.title,
          runs: true,
          condition: RUNTIME_CONDITIONS[stage.runtimeCondition],
        };
  });
}

/** The report as lines, e.g. for a provider's README or a CI summary. */
export function formatConformanceReport(report: readonly ConformanceStageReport[]): string {
  return report
    .map((stage) =>
      stage.runs
        ? `✓ ${stage.id}${stage.condition === undefined ? '' : ` (${stage.condition})`}`
        : `- ${stage.id}: skipped, ${stage.reason}`,
    )
    .join('\n');
}
