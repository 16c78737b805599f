import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLiveRenderer } from './live-renderer.js';
import { SAMPLE_EVENTS } from './sample-events.js';

describe('createLiveRenderer', () => {
  it('ends every row the way its step ended and prints the summary (listr2 fallback output, no TTY here)', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const renderer = createLiveRenderer({ stream: stream as unknown as NodeJS.WriteStream });
    for (const event of SAMPLE_EVENTS) renderer.onEvent(event);
    await renderer.close();

    expect(text).toContain('cluster/main  create done in 12m 5s');
    expect(text).toContain(
      'nodegroup/users  failed: The vCPU limit of 32 is reached. Hint: Ask AWS for a higher limit.',
    );
    expect(text).toContain('hub/course-a  not started: needs nodegroup/users, which failed');
    expect(text).toContain('Next: re-run `hubfleet up` to continue.');
  });
});
