import { afterAll, beforeAll, describe, it } from 'vitest';
import { type ConformanceContext, conformanceContext } from './conformance-context.js';
import type { ConformanceHandle, ProviderConformanceOptions } from './conformance-options.js';
import { CONFORMANCE_STAGES, type ConformanceStage, type ConformanceStageId } from './conformance-stages.js';
import { STAGE_BODIES, type StageMemory } from './stage-bodies.js';

/** Why a stage cannot start now, or undefined when it can. */
function runtimeSkipReason(
  stage: ConformanceStage,
  context: ConformanceContext,
  passed: ReadonlySet<ConformanceStageId>,
): string | undefined {
  const unmet = stage.needs.find((id) => !passed.has(id));
  if (unmet !== undefined) return `needs stage "${unmet}", which did not pass in this run`;
  if (stage.runtimeCondition === 'faults' && context.faults === undefined) {
    return 'setup() returned no FaultInjector';
  }
  if (stage.runtimeCondition === 'resources' && (context.session.resources?.() ?? []).length === 0) {
    return 'the session offers no resources()';
  }
  return undefined;
}

/**
 * The provider conformance suite: one `describe` whose stages run in order against a session on the
 * provider's fakes (create → nodegroups → no-op re-plan → update → volumes → delete → idempotent
 * delete → retries → error mapping). A stage a declared capability rules out is not a test at all
 * (nothing to pass or skip): the describe's title names it with the reason; a stage whose
 * prerequisite failed in this run is skipped with a note naming it (the failure is already red).
 * Call it at the top level of a provider's `*.test.ts`.
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const ruledOut = CONFORMANCE_STAGES.flatMap((stage) => {
    const reason = stage.skipReason?.(options);
    return reason === undefined ? [] : [`${stage.id}: ${reason}`];
  });
  const title = `provider conformance: ${options.name}`;
  describe.sequential(
    ruledOut.length === 0 ? title : `${title} (not applicable: ${ruledOut.join('; ')})`,
    () => {
      let handle: ConformanceHandle | undefined;
      let context: ConformanceContext | undefined;
      const passed = new Set<ConformanceStageId>();
      const memory: StageMemory = options.quotaFault === undefined ? {} : { quotaFault: options.quotaFault };

      beforeAll(async () => {
        handle = await options.setup();
        context = conformanceContext(handle, options);
      });

      afterAll(async () => {
        try {
          await handle?.session.close();
        } finally {
          await handle?.teardown();
        }
      });

      for (const stage of CONFORMANCE_STAGES) {
        if (stage.skipReason?.(options) !== undefined) continue;
        it(stage.title, async ({ skip, annotate }) => {
          if (context === undefined) throw new Error('setup() did not finish; see the error above.');
          const reason = runtimeSkipReason(stage, context, passed);
          if (reason !== undefined) skip(reason);
          const note = await STAGE_BODIES[stage.id](context, memory);
          if (typeof note === 'string') await annotate(note);
          passed.add(stage.id);
        });
      }
    },
  );
}
