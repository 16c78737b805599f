import type { StepOutcome } from './apply-summary.js';

/** What a run remembers about one step, for the summary and the timings file. */
export interface StepRecord {
  outcome: StepOutcome;
  /** Epoch ms; null for a step that never started. */
  start: number | null;
  end: number | null;
  attempts: number;
  error?: unknown;
}
