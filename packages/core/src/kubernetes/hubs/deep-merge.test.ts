import { describe, expect, it } from 'vitest';
import { deepMerge, mergeAll, overriddenPaths } from './deep-merge.js';

describe('deepMerge', () => {
  it('merges maps, replaces lists and scalars, keeps null for Helm', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', keep: true };
    const merged = deepMerge(base, { a: { c: [3], e: 2 }, d: null });
    expect(merged).toEqual({ a: { b: 1, c: [3], e: 2 }, d: null, keep: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', keep: true });
  });

  it('never writes through __proto__', () => {
    const merged = deepMerge({}, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(merged)).toEqual([]);
  });

  it('merges fragments in order', () => {
    expect(mergeAll([{ a: { b: 1 } }, { a: { c: 2 } }, { a: { b: 3 } }])).toEqual({ a: { b: 3, c: 2 } });
  });
});

describe('overriddenPaths', () => {
  it('lists replaced values, not added ones', () => {
    const base = { hub: { baseUrl: '/a/', config: { X: { y: 1 } } }, cull: { timeout: 1 } };
    const extra = {
      hub: { baseUrl: '/b/', config: { Z: { y: 2 } } },
      cull: { every: 5 },
      debug: { enabled: true },
    };
    expect(overriddenPaths(base, extra)).toEqual(['hub.baseUrl']);
    expect(overriddenPaths({ a: 1 }, { toString: 2 })).toEqual([]);
  });
});
