import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/index.js';
import { lowerCrons } from './lower-cron.js';

describe('lowerCrons', () => {
  it.each([
    ['45 9 * * MON,WED', '2h', ['45 11 * * MON,WED']],
    ['45 9 * * MON,WED', '90m', ['15 11 * * MON,WED']],
    ['0,30 8 * * 1-5', '1h', ['0,30 9 * * 1-5']],
    ['0 9 1 * *', '3h', ['0 12 1 * *']],
    ['0 9 * * *', '2h30m', ['30 11 * * *']],
    ['10 9 * * *', '30s', ['11 9 * * *']],
  ])('%s for %s lowers at %j', (cron, duration, expected) => {
    expect(lowerCrons(cron, duration)).toEqual(expected);
  });

  it('carries past midnight into the next day of the week', () => {
    expect(lowerCrons('0 23 * * FRI', '3h')).toEqual(['0 2 * * 6']);
    expect(lowerCrons('30 22 * * SAT,SUN', '2h')).toEqual(['30 0 * * 0,1']);
    expect(lowerCrons('0 12 * * MON', '48h')).toEqual(['0 12 * * 3']);
  });

  it('needs no day shift for a daily schedule', () => {
    expect(lowerCrons('0 23 * * *', '2h')).toEqual(['0 1 * * *']);
  });

  it('writes one cron per group of times that share a day and minutes', () => {
    expect(lowerCrons('0 10,23 * * MON', '2h')).toEqual(['0 12 * * MON', '0 1 * * 2']);
    expect(lowerCrons('0,30 9,10 * * *', '45m')).toEqual(['45 9 * * *', '15,45 10 * * *', '15 11 * * *']);
    expect(lowerCrons('*/25 9-17 * * MON', '13m')).toEqual([
      '13,38 9 * * MON',
      '3,13,38 10-17 * * MON',
      '3 18 * * MON',
    ]);
  });

  it('refuses what cannot be written as a few crons, as a config error', () => {
    const midnightByDate = () => lowerCrons('0 23 31 * *', '2h', 'tools.placeholderSchedule[0]');
    expect(midnightByDate).toThrow(HubfleetError);
    expect(midnightByDate).toThrow(
      expect.objectContaining({ kind: 'invalid-config', subject: 'tools.placeholderSchedule[0]' }),
    );
    expect(() => lowerCrons('0 9 * * *', '0s')).toThrow(/shorter than the one-minute step/);
    expect(() => lowerCrons('0 9 * *', '1h')).toThrow(/exactly five, six, or seven space separated parts/);
  });
});
