import { describe, expect, it } from 'vitest';
import { cronProblem, isTimeZone, parseCron } from './cron.js';

describe('parseCron (croner)', () => {
  it.each([
    [
      '45 9 * * MON,WED',
      { minutes: [45], hours: [9], daysOfWeek: [1, 3], everyDay: false, byWeekdayOnly: true },
    ],
    ['*/15 8-18/4 * * *', { minutes: [0, 15, 30, 45], hours: [8, 12, 16], everyDay: true }],
    ['0 9 * * 5-7', { daysOfWeek: [0, 5, 6] }],
    ['0 9 * * mon-fri', { daysOfWeek: [1, 2, 3, 4, 5] }],
    ['0 9 1 * *', { everyDay: false, byWeekdayOnly: false }],
    ['0 9 * JAN *', { everyDay: false, byWeekdayOnly: false }],
  ])('%s', (cron, expected) => {
    expect(parseCron(cron)).toMatchObject(expected);
  });

  it.each(['60 9 * * *', '0 9 * *', '0 9 * * MONDAY', '5-2 9 * * *', '*/0 9 * * *'])('refuses %j', (cron) => {
    expect(cronProblem(cron)).toBeDefined();
  });

  it('says what is wrong in croner’s words', () => {
    expect(cronProblem('61 9 * * *')).toBe('Invalid value for minute: 61');
    expect(cronProblem('45 9 * * MON,WED')).toBeUndefined();
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Australia/Melbourne')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('PST8PDT-ish')).toBe(false);
  });
});
