import { describe, expect, it } from 'vitest';
import type { HubfleetConfig } from '../deployment.js';
import { checkSchedules } from './schedules.js';

type Entry = { placeholder: string; cron: string; replicas: number; for: string; timeZone?: string };

const configWith = (entries: Entry[], backupsSchedule?: string) =>
  ({
    tools: {
      placeholderSchedule: entries,
      ...(backupsSchedule === undefined ? {} : { backups: { schedule: backupsSchedule } }),
    },
  }) as unknown as HubfleetConfig;

const entry = (cron: string, extra: Partial<Entry> = {}): Entry => ({
  placeholder: 'small',
  cron,
  replicas: 10,
  for: '2h',
  ...extra,
});

const found = (config: HubfleetConfig) =>
  checkSchedules(config).map((issue) => [issue.path.join('.'), issue.message]);

describe('checkSchedules', () => {
  it('accepts what the CronJobs accept', () => {
    expect(
      found(configWith([entry('45 9 * * MON,WED'), entry('*/15 8-17 1,15 JAN-MAR 1-5')], '0 3 * * *')),
    ).toEqual([]);
  });

  it('names the field out of range: hour 25, minute 60, day 32, month 13, weekday 8', () => {
    const issues = found(
      configWith(
        [
          entry('0 25 * * MON'),
          entry('60 9 * * *'),
          entry('0 9 32 * *'),
          entry('0 9 * 13 *'),
          entry('0 9 * * 8'),
        ],
        '0 3 * * SUNDAY',
      ),
    );
    expect(issues.map(([path]) => path)).toEqual([
      'tools.placeholderSchedule.0.cron',
      'tools.placeholderSchedule.1.cron',
      'tools.placeholderSchedule.2.cron',
      'tools.placeholderSchedule.3.cron',
      'tools.placeholderSchedule.4.cron',
      'tools.backups.schedule',
    ]);
    expect(issues[0]?.[1]).toMatch(/^"0 25 \* \* MON" is not a valid cron: .+/);
  });

  it('a lowering render cannot compute is reported at `for`', () => {
    expect(found(configWith([entry('0 23 1 * *')])).map(([path]) => path)).toEqual([
      'tools.placeholderSchedule.0.for',
    ]);
  });

  it('a time zone must be an IANA zone', () => {
    const issues = found(
      configWith([
        entry('0 9 * * MON', { timeZone: 'Australia/Melbourne' }),
        entry('0 9 * * MON', { timeZone: 'Mars/Olympus' }),
      ]),
    );
    expect(issues).toEqual([['tools.placeholderSchedule.1.timeZone', '"Mars/Olympus" is not a time zone']]);
  });
});
