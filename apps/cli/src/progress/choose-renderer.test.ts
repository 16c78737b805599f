import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './choose-renderer.js';

describe('chooseRenderer', () => {
  it('draws a live list on an interactive terminal', () => {
    expect(chooseRenderer({ isTTY: true, env: { TERM: 'xterm-256color' }, output: 'text' })).toBe('live');
  });

  it('writes JSON lines for --output json, terminal or not', () => {
    expect(chooseRenderer({ isTTY: true, env: {}, output: 'json' })).toBe('json');
    expect(chooseRenderer({ isTTY: false, env: { CI: 'true' }, output: 'json' })).toBe('json');
  });

  it('writes plain lines when not on a terminal', () => {
    expect(chooseRenderer({ isTTY: false, env: {}, output: 'text' })).toBe('plain');
  });

  it('writes plain lines with NO_COLOR, on CI or on a dumb terminal', () => {
    expect(chooseRenderer({ isTTY: true, env: { NO_COLOR: '1' }, output: 'text' })).toBe('plain');
    expect(chooseRenderer({ isTTY: true, env: { CI: 'true' }, output: 'text' })).toBe('plain');
    expect(chooseRenderer({ isTTY: true, env: { CI: '1' }, output: 'text' })).toBe('plain');
    expect(chooseRenderer({ isTTY: true, env: { TERM: 'dumb' }, output: 'text' })).toBe('plain');
  });

  it('ignores NO_COLOR and CI when they are empty or say false', () => {
    expect(chooseRenderer({ isTTY: true, env: { NO_COLOR: '' }, output: 'text' })).toBe('live');
    expect(chooseRenderer({ isTTY: true, env: { CI: 'false' }, output: 'text' })).toBe('live');
    expect(chooseRenderer({ isTTY: true, env: { CI: '0' }, output: 'text' })).toBe('live');
  });
});
