import { describe, expect, it } from 'vitest';
import { mergeValues } from './merge-values.js';

describe('mergeValues', () => {
  it('merges objects key by key and replaces everything else, like helm', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: true } };
    expect(mergeValues(base, { a: { c: [3] }, d: 'y' }, { e: null, g: 1 })).toEqual({
      a: { b: 1, c: [3] },
      d: 'y',
      e: null,
      g: 1,
    });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: { f: true } });
  });
});
