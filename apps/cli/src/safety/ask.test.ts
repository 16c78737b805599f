import { PassThrough } from 'node:stream';
import { exitCodeFor } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { askOnTerminal } from './ask.js';

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  return { input, output, terminal: true };
}

describe('askOnTerminal', () => {
  it('returns the typed line', async () => {
    const streams = terminal();
    const answer = askOnTerminal('Apply this plan? ', streams);
    streams.input.write('yes\r');
    await expect(answer).resolves.toBe('yes');
  });

  it('Ctrl-C at the question refuses (exit 3): nothing was changed', async () => {
    const streams = terminal();
    const answer = askOnTerminal('Type its name to confirm: ', streams);
    streams.input.write('prod-gr\x03');
    const refusal = await answer.catch((error) => error);
    expect(exitCodeFor(refusal)).toBe(3);
    expect(refusal.message).toContain('nothing was changed');
    expect(refusal.hint).toContain('--yes');
  });

  it('the end of the input (Ctrl-D, a closed pipe) refuses too', async () => {
    const streams = { ...terminal(), terminal: false };
    const answer = askOnTerminal('Apply this plan? ', streams);
    streams.input.end();
    expect(exitCodeFor(await answer.catch((error) => error))).toBe(3);
  });
});
