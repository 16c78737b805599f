import { type ParsedCron, parseCron } from '../../config/cron.js';
import { durationToMs } from '../../config/primitives.js';
import { HubfleetError } from '../../errors/index.js';
import { DAY_OF_WEEK, formatCronField, HOUR, MINUTE } from './cron-format.js';

const MINUTES_PER_DAY = 24 * 60;

class ScheduleProblem extends Error {}

/** Times of day (minutes after midnight) that a lowering falls on, grouped by how many days later. */
function shiftedTimes(minutes: number[], hours: number[], shift: number, everyDay: boolean) {
  const byDayShift = new Map<number, Map<number, Set<number>>>();
  for (const hour of hours) {
    for (const minute of minutes) {
      const total = hour * 60 + minute + shift;
      const dayShift = everyDay ? 0 : Math.floor(total / MINUTES_PER_DAY);
      const timeOfDay = total % MINUTES_PER_DAY;
      const byHour = byDayShift.get(dayShift) ?? new Map<number, Set<number>>();
      const minuteSet = byHour.get(Math.floor(timeOfDay / 60)) ?? new Set<number>();
      minuteSet.add(timeOfDay % 60);
      byHour.set(Math.floor(timeOfDay / 60), minuteSet);
      byDayShift.set(dayShift, byHour);
    }
  }
  return byDayShift;
}

/** The day fields `dayShift` days later: only the day of week can move, since months differ in length. */
function shiftedDayFields(days: string, parsed: ParsedCron, dayShift: number, cron: string): string {
  if (dayShift === 0) return days;
  if (!parsed.byWeekdayOnly) {
    throw new ScheduleProblem(
      `lowering ${dayShift} day(s) after "${cron}" would need its day of month or month shifted`,
    );
  }
  const weekdays = parsed.daysOfWeek.map((day) => (day + dayShift) % 7);
  return `* * ${formatCronField(weekdays, DAY_OF_WEEK)}`;
}

/** Hours that share the same minutes become one cron line. */
function timeFields(byHour: Map<number, Set<number>>): string[] {
  const hoursByMinutes = new Map<string, number[]>();
  for (const [hour, minutes] of [...byHour].sort(([a], [b]) => a - b)) {
    const key = formatCronField([...minutes], MINUTE);
    hoursByMinutes.set(key, [...(hoursByMinutes.get(key) ?? []), hour]);
  }
  return [...hoursByMinutes].map(([minutes, hours]) => `${minutes} ${formatCronField(hours, HOUR)}`);
}

function computeLowerCrons(cron: string, forDuration: string): string[] {
  const parsed = parseCron(cron);
  const dayFields = cron.trim().split(/\s+/).slice(2).join(' ');
  const shift = Math.ceil(durationToMs(forDuration) / 60_000);
  if (shift < 1)
    throw new ScheduleProblem(`"for: ${forDuration}" is shorter than the one-minute step of cron`);
  const crons: string[] = [];
  for (const [dayShift, byHour] of [
    ...shiftedTimes(parsed.minutes, parsed.hours, shift, parsed.everyDay),
  ].sort(([a], [b]) => a - b)) {
    const days = shiftedDayFields(dayFields, parsed, dayShift, cron);
    crons.push(...timeFields(byHour).map((time) => `${time} ${days}`));
  }
  return crons;
}

/**
 * The cron expressions at which a placeholder schedule lowers its replicas again: `cron` shifted by
 * `forDuration`, carried past midnight into the next day of the week. Usually one expression
 * ("45 9 * * MON,WED" for 2h → "45 11 * * MON,WED"); more when the shifted times do not fit one
 * (a raise at 10:00 and 23:00 for 2h lowers at 12:00 the same day and 01:00 the next). Never more
 * than six: a cron's times are minutes × hours, so after the shift each hour holds the minutes of its
 * own hour, of the one before, or both (three sets), on at most two different days.
 *
 * Two plain CronJobs (raise, then lower) rather than one Job that sleeps through the window: nothing
 * has to stay alive for hours, and a missed or evicted lowering is retried by its own CronJob.
 *
 * @throws HubfleetError (invalid-config) when the lowering cannot be written as a few crons: a window
 *   crossing midnight on a schedule restricted by day of month or month, or a duration under a minute.
 */
export function lowerCrons(cron: string, forDuration: string, subject?: string): string[] {
  try {
    return computeLowerCrons(cron, forDuration);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `cannot compute when to lower placeholders raised at "${cron}" for ${forDuration}: ${error.message}`,
      hint: 'use a schedule by day of week ("45 9 * * MON,WED") with a window that fits in its day, or split it into several schedules',
      ...(subject === undefined ? {} : { subject }),
      cause: error,
    });
  }
}
