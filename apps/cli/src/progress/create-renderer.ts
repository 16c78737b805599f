import type { ProgressRendererKind } from './choose-renderer.js';
import { createJsonLinesRenderer } from './json-lines-renderer.js';
import { createLiveRenderer } from './live-renderer.js';
import { createPlainRenderer } from './plain-renderer.js';
import type { ProgressRenderer } from './progress-renderer.js';

/**
 * The renderer of the chosen kind, writing to `stream` (stdout by default: listr2 draws its live
 * list there, and `chooseRenderer` is asked whether stdout is a terminal).
 */
export function createProgressRenderer(
  kind: ProgressRendererKind,
  stream: NodeJS.WriteStream = process.stdout,
): ProgressRenderer {
  const write = (text: string): void => {
    stream.write(text);
  };
  if (kind === 'json') return createJsonLinesRenderer(write);
  if (kind === 'plain') return createPlainRenderer(write);
  return createLiveRenderer({ stream });
}
