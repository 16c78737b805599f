import { describe, expect, it } from 'vitest';
import { createPlainRenderer } from './plain-renderer.js';
import { SAMPLE_EVENTS } from './sample-events.js';

describe('createPlainRenderer', () => {
  it('writes one timestamped line per event, failures with their hint, then the summary', async () => {
    let text = '';
    const renderer = createPlainRenderer((chunk) => {
      text += chunk;
    });
    for (const event of SAMPLE_EVENTS) renderer.onEvent(event);
    await renderer.close();

    expect(text).toBe(
      [
        '2026-11-21T09:00:00.000Z hubfleet up course-2026: 3 steps, up to 32 at a time',
        '2026-11-21T09:00:00.000Z start    cluster/main (create), waiting on EKS to create the control plane (usually ~12m)',
        '2026-11-21T09:00:02.000Z retry    cluster/main: attempt 2 in 2s after: Rate exceeded',
        '2026-11-21T09:12:05.000Z done     cluster/main after 12m 5s',
        '2026-11-21T09:12:05.000Z start    nodegroup/users (create), waiting on nodegroup to be ready',
        '2026-11-21T09:12:06.000Z FAILED   nodegroup/users after 1s and 1 attempt: The vCPU limit of 32 is reached.',
        '2026-11-21T09:12:06.000Z          hint: Ask AWS for a higher limit.',
        '2026-11-21T09:12:06.000Z skipped  hub/course-a: needs nodegroup/users, which failed',
        '2026-11-21T09:12:06.000Z finished: failed',
        '',
        'hubfleet up stopped after a failure for course-2026.',
        'Done (1): cluster/main',
        'Failed (1):',
        '  nodegroup/users: The vCPU limit of 32 is reached.',
        '    hint: Ask AWS for a higher limit.',
        'Not started (1): hub/course-a',
        'Next: re-run `hubfleet up` to continue.',
        '',
      ].join('\n'),
    );
  });

  it('uses no terminal control characters', () => {
    let text = '';
    const renderer = createPlainRenderer((chunk) => {
      text += chunk;
    });
    for (const event of SAMPLE_EVENTS) renderer.onEvent(event);
    expect(text.includes(String.fromCharCode(27))).toBe(false);
  });
});
