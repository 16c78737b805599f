import type { ToolsConfig } from '../../config/tools.js';
import { lowerCrons } from './lower-cron.js';

/** One placeholder schedule as `charts/placeholders` takes it. */
export interface ScheduleValues {
  placeholder: string;
  /** Replicas while raised; lowering returns to the placeholder's own `replicas`. */
  replicas: number;
  raiseAt: string;
  lowerAt: string[];
  /** The IANA time zone both crons are read in (the CronJobs' `spec.timeZone`); the chart's default (UTC) when absent. */
  timeZone?: string;
}

/** Every `tools.placeholderSchedule` entry with the crons that end its window computed. */
export function scheduleValues(schedules: ToolsConfig['placeholderSchedule']): ScheduleValues[] {
  return schedules.map((schedule, index) => ({
    placeholder: schedule.placeholder,
    replicas: schedule.replicas,
    raiseAt: schedule.cron.trim(),
    lowerAt: lowerCrons(schedule.cron, schedule.for, `tools.placeholderSchedule[${index}]`),
    ...(schedule.timeZone === undefined ? {} : { timeZone: schedule.timeZone }),
  }));
}
