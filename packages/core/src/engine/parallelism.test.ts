import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../errors/index.js';
import { DEFAULT_PARALLELISM, parseParallelism } from './parallelism.js';

describe('parseParallelism', () => {
  it('takes a whole number of at least 1, as typed or given, and the default when absent', () => {
    expect(parseParallelism(undefined)).toBe(DEFAULT_PARALLELISM);
    expect(parseParallelism('4')).toBe(4);
    expect(parseParallelism(1)).toBe(1);
  });

  it.each(['0', '-1', '2.5', 'many', '', ' ', 0, 1.5, Number.NaN])('refuses %j with exit 2', (value) => {
    const error = (() => {
      try {
        parseParallelism(value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(exitCodeFor(error)).toBe(2);
    expect((error as Error).message).toMatch(/^--parallelism must be a whole number of at least 1, not /);
  });
});
