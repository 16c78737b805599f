import { z } from 'zod';
import type { StepOutcome } from './apply-summary.js';
import { topologicalOrder } from './graph.js';
import type { Plan } from './plan-types.js';
import type { StepRecord } from './step-record.js';

/** One step in the `--timings` file. Times are epoch milliseconds; `null` for a step that never started. */
export interface StepTiming {
  id: string;
  kind: string;
  /** The steps it waited for, so the critical path can be recomputed from the file alone. */
  dependsOn: string[];
  start: number | null;
  end: number | null;
  attempts: number;
  outcome: StepOutcome;
}

/** The `--timings FILE` document: one entry per step of the plan. */
export interface TimingsFile {
  steps: StepTiming[];
}

/** The longest chain of dependent steps, by measured duration. */
export interface CriticalPath {
  durationMs: number;
  /** The chain, first step first. */
  steps: string[];
}

const stepTimingSchema = z.object({
  id: z.string(),
  kind: z.string(),
  dependsOn: z.array(z.string()),
  start: z.number().nullable(),
  end: z.number().nullable(),
  attempts: z.number(),
  outcome: z.enum(['done', 'unchanged', 'failed', 'not-started', 'interrupted']),
});

/** Read a timings document (e.g. `JSON.parse` of the file), refusing anything that is not one. */
export function parseTimings(document: unknown): TimingsFile {
  return z.object({ steps: z.array(stepTimingSchema) }).parse(document);
}

function durationOf(step: StepTiming): number {
  return step.start === null || step.end === null ? 0 : Math.max(0, step.end - step.start);
}

/** The critical path: the chain of steps, each waiting for the one before, with the largest total duration. */
export function criticalPath(timings: TimingsFile): CriticalPath {
  const known = new Set(timings.steps.map((step) => step.id));
  const graph = timings.steps.map((step) => ({
    id: step.id,
    dependsOn: step.dependsOn.filter((dependency) => known.has(dependency)),
  }));
  const stepById = new Map(timings.steps.map((step) => [step.id, step]));
  const dependenciesById = new Map(graph.map((node) => [node.id, node.dependsOn]));
  const longest = new Map<string, { durationMs: number; previous: string | undefined }>();
  for (const id of topologicalOrder(graph)) {
    let best: { durationMs: number; previous: string | undefined } = { durationMs: 0, previous: undefined };
    for (const dependency of dependenciesById.get(id) ?? []) {
      const chain = longest.get(dependency);
      if (chain !== undefined && chain.durationMs > best.durationMs) {
        best = { durationMs: chain.durationMs, previous: dependency };
      }
    }
    const own = durationOf(stepById.get(id) as StepTiming);
    longest.set(id, { durationMs: best.durationMs + own, previous: best.previous });
  }
  let end: string | undefined;
  let durationMs = 0;
  for (const [id, chain] of longest) {
    if (end === undefined || chain.durationMs > durationMs) {
      end = id;
      durationMs = chain.durationMs;
    }
  }
  const steps: string[] = [];
  for (let id = end; id !== undefined; id = longest.get(id)?.previous) steps.unshift(id);
  return { durationMs, steps };
}

/** From the first start to the last end: the wall time the steps took. */
export function wallTimeMs(timings: TimingsFile): number {
  const starts = timings.steps.flatMap((step) => step.start ?? []);
  const ends = timings.steps.flatMap((step) => step.end ?? []);
  if (starts.length === 0 || ends.length === 0) return 0;
  return Math.max(...ends) - Math.min(...starts);
}

/** The timings document of a run: one entry per step of the plan, in plan order. */
export function timingsOfRun(plan: Plan, records: ReadonlyMap<string, StepRecord>): TimingsFile {
  return {
    steps: plan.steps.map((step): StepTiming => {
      const record = records.get(step.id);
      return {
        id: step.id,
        kind: step.kind,
        dependsOn: [...step.dependsOn],
        start: record?.start ?? null,
        end: record?.end ?? null,
        attempts: record?.attempts ?? 0,
        outcome: record?.outcome ?? 'not-started',
      };
    }),
  };
}
