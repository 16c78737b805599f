import type { ProgressRenderer, WriteText } from './progress-renderer.js';

/**
 * One JSON object per event per line (`--output json`), each with `formatVersion` (docs/output-formats.md): the events are plain data already, so
 * a script reads exactly what the engine reported, the summary included in `apply-finished`.
 */
export function createJsonLinesRenderer(write: WriteText): ProgressRenderer {
  return {
    onEvent(event) {
      write(`${JSON.stringify({ formatVersion: 1, ...event })}\n`);
    },
    close: async () => {},
  };
}
