import { describe, expect, it } from 'vitest';
import { DAY_OF_WEEK, formatCronField, MINUTE } from './cron-format.js';

describe('formatCronField', () => {
  it('writes every value as *, runs as ranges, the rest as lists', () => {
    expect(formatCronField([0, 1, 2, 3, 4, 5, 6], DAY_OF_WEEK)).toBe('*');
    expect(formatCronField([1, 2, 3, 4, 5], DAY_OF_WEEK)).toBe('1-5');
    expect(formatCronField([1, 3], DAY_OF_WEEK)).toBe('1,3');
    expect(formatCronField([0, 1, 5, 6, 7, 8, 30], MINUTE)).toBe('0,1,5-8,30');
  });
});
