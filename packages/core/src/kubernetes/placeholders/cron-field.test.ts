import { describe, expect, it } from 'vitest';
import { DAY_OF_WEEK, expandCronField, formatCronField, HOUR, MINUTE } from './cron-field.js';

const expand = (field: string, spec = MINUTE) => expandCronField(field, spec, `test ${field}`);

describe('expandCronField', () => {
  it.each([
    ['*', HOUR, Array.from({ length: 24 }, (_, hour) => hour)],
    ['5', MINUTE, [5]],
    ['0,30', MINUTE, [0, 30]],
    ['10-13', MINUTE, [10, 11, 12, 13]],
    ['*/15', MINUTE, [0, 15, 30, 45]],
    ['5/20', MINUTE, [5, 25, 45]],
    ['8-18/4', HOUR, [8, 12, 16]],
    ['MON,wed', DAY_OF_WEEK, [1, 3]],
    ['MON-FRI', DAY_OF_WEEK, [1, 2, 3, 4, 5]],
    ['5-7', DAY_OF_WEEK, [0, 5, 6]],
    ['?', DAY_OF_WEEK, [0, 1, 2, 3, 4, 5, 6]],
  ])('%s', (field, spec, values) => {
    expect(expand(field, spec)).toEqual(values);
  });

  it.each(['60', '5-2', '*/0', 'MONDAY', '1-2-3', ''])('refuses %j', (field) => {
    expect(() => expand(field)).toThrow(/cron "test/);
  });
});

describe('formatCronField', () => {
  it('writes every value as *, runs as ranges, the rest as lists', () => {
    expect(formatCronField([0, 1, 2, 3, 4, 5, 6], DAY_OF_WEEK)).toBe('*');
    expect(formatCronField([1, 2, 3, 4, 5], DAY_OF_WEEK)).toBe('1-5');
    expect(formatCronField([1, 3], DAY_OF_WEEK)).toBe('1,3');
    expect(formatCronField([0, 1, 5, 6, 7, 8, 30], MINUTE)).toBe('0,1,5-8,30');
  });
});
