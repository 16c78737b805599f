import { EventEmitter } from 'node:events';
import { exitCodeFor } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { confirmTeardown } from './confirm-teardown.js';
import { handleInterrupts } from './interrupt.js';

describe('confirmTeardown', () => {
  const base = { deployment: 'prod-green', yes: false, interactive: true };

  it('passes with --yes, without asking', async () => {
    await expect(
      confirmTeardown({
        ...base,
        yes: true,
        interactive: false,
        ask: () => Promise.reject(new Error('asked')),
      }),
    ).resolves.toBeUndefined();
  });

  it('refuses with exit 3 when nobody can answer', async () => {
    const refusal = await confirmTeardown({
      ...base,
      interactive: false,
      ask: async () => 'prod-green',
    }).catch((error) => error);
    expect(exitCodeFor(refusal)).toBe(3);
    expect(refusal.hint).toContain('--yes');
  });

  it('needs the exact name typed', async () => {
    const questions: string[] = [];
    const ask = async (question: string) => {
      questions.push(question);
      return 'prod-gren\n';
    };
    const refusal = await confirmTeardown({ ...base, ask }).catch((error) => error);
    expect(exitCodeFor(refusal)).toBe(3);
    expect(questions[0]).toContain('"prod-green"');
    await expect(confirmTeardown({ ...base, ask: async () => ' prod-green\n' })).resolves.toBeUndefined();
  });
});

describe('handleInterrupts', () => {
  it('aborts on the first signal and exits on the second', () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    const notes: string[] = [];
    const handle = handleInterrupts({
      source: source as never,
      exitNow: (code) => exits.push(code),
      notify: (note) => notes.push(note),
    });
    expect(handle.signal.aborted).toBe(false);
    source.emit('SIGINT', 'SIGINT');
    expect(handle.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    source.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([130]);
    expect(notes).toHaveLength(2);
    handle.dispose();
    expect(source.listenerCount('SIGINT')).toBe(0);
  });

  it('SIGHUP (the terminal closed) stops the run like SIGTERM, and a second signal exits 130', () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    const handle = handleInterrupts({
      source: source as never,
      exitNow: (code) => exits.push(code),
      notify: () => {},
    });
    source.emit('SIGHUP', 'SIGHUP');
    expect(handle.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    source.emit('SIGHUP', 'SIGHUP');
    expect(exits).toEqual([130]);
    handle.dispose();
    expect(source.listenerCount('SIGHUP')).toBe(0);
  });
});
