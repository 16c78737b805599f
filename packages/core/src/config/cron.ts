import { CronPattern } from 'croner';

/** A five-field cron expression as croner reads it: the values each field matches. */
export interface ParsedCron {
  minutes: number[];
  hours: number[];
  /** Day of week, 0 (Sunday) to 6; 7 is read as Sunday. */
  daysOfWeek: number[];
  /** True when day of month, month and day of week are all `*`: every day. */
  everyDay: boolean;
  /** True when day of month and month are `*` (only the day of week restricts the days). */
  byWeekdayOnly: boolean;
}

function indexesSet(flags: readonly number[]): number[] {
  return flags.flatMap((flag, index) => (flag ? [index] : []));
}

/**
 * Parse `cron` with croner (five fields, names such as `MON` and `JAN`, ranges, steps), throwing
 * croner's own message for anything it does not accept.
 */
export function parseCron(cron: string): ParsedCron {
  const pattern = new CronPattern(cron.trim(), undefined, { mode: '5-part' });
  const allMonths = pattern.month.every(Boolean);
  return {
    minutes: indexesSet(pattern.minute),
    hours: indexesSet(pattern.hour),
    daysOfWeek: [...new Set(indexesSet(pattern.dayOfWeek).map((day) => day % 7))].sort((a, b) => a - b),
    everyDay: pattern.starDOM && allMonths && pattern.starDOW,
    byWeekdayOnly: pattern.starDOM && allMonths,
  };
}

/** Why `cron` is not a valid five-field expression, or undefined when it is. */
export function cronProblem(cron: string): string | undefined {
  try {
    parseCron(cron);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
  }
}

/** True when `zone` is an IANA time zone this runtime knows (`Europe/London`, `America/Los_Angeles`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
