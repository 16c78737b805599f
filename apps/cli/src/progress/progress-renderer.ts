import type { EngineListener } from '@hubfleet/core';

/** Shows the engine's progress to the user: pass `onEvent` to the engine, then `close()` when it returns. */
export interface ProgressRenderer {
  /** Give this to `applyPlan` as `onEvent`. */
  readonly onEvent: EngineListener;
  /** Finish the output (the live list draws its last frame) and print the summary where the renderer does. */
  close(): Promise<void>;
}

/** Where a renderer writes: a stream's `write`, or anything that collects text. */
export type WriteText = (text: string) => void;
