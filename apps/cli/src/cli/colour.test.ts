import { describe, expect, it } from 'vitest';
import { colourEnabled, colourPlan } from './colour.js';

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR set or on a dumb terminal', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('colours plan lines by their symbol, destructive ones red, and leaves the rest', () => {
    const plan = [
      'Cloud',
      '    +   nodegroup/gpu  does not exist',
      '    ~   hub/a  values changed',
      '          - guarantee: 1',
      '          + guarantee: 2',
      '  ! -   nodegroup/old  no longer in the config',
      'Plan: 1 to create.',
    ].join('\n');
    const lines = colourPlan(plan, true).split('\n');
    expect(lines[0]).toBe('Cloud');
    expect(lines[1]).toBe('\u001b[32m    +   nodegroup/gpu  does not exist\u001b[0m');
    expect(lines[2]?.startsWith('\u001b[33m')).toBe(true);
    expect(lines[3]?.startsWith('\u001b[31m')).toBe(true);
    expect(lines[4]?.startsWith('\u001b[32m')).toBe(true);
    expect(lines[5]?.startsWith('\u001b[31m')).toBe(true);
    expect(colourPlan(plan, false)).toBe(plan);
  });
});
