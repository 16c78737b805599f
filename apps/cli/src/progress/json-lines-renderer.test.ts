import { describe, expect, it } from 'vitest';
import { createJsonLinesRenderer } from './json-lines-renderer.js';
import { SAMPLE_EVENTS } from './sample-events.js';

describe('createJsonLinesRenderer', () => {
  it('writes each event as one JSON line that parses back to the event, with formatVersion', async () => {
    const chunks: string[] = [];
    const renderer = createJsonLinesRenderer((chunk) => chunks.push(chunk));
    for (const event of SAMPLE_EVENTS) renderer.onEvent(event);
    await renderer.close();

    expect(chunks).toHaveLength(SAMPLE_EVENTS.length);
    for (const chunk of chunks) expect(chunk.endsWith('\n') && !chunk.slice(0, -1).includes('\n')).toBe(true);
    expect(chunks.map((chunk) => JSON.parse(chunk))).toEqual(
      SAMPLE_EVENTS.map((event) => ({ formatVersion: 1, ...event })),
    );
    expect(JSON.parse(chunks.at(-1) ?? '{}')).toMatchObject({
      type: 'apply-finished',
      summary: { outcome: 'failed', nextStep: 're-run `hubfleet up` to continue' },
    });
  });
});
