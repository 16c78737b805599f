import { HubfleetError } from '../../errors/index.js';
import { lowerCrons } from '../../kubernetes/placeholders/lower-cron.js';
import { cronProblem, isTimeZone } from '../cron.js';
import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error } from '../issues.js';

function timeZoneIssue(value: unknown, path: (string | number)[]): ConfigIssue[] {
  if (typeof value !== 'string' || isTimeZone(value)) return [];
  return [
    error(path, `"${value}" is not a time zone`, 'give an IANA time zone, e.g. Australia/Melbourne or UTC'),
  ];
}

/**
 * Every schedule in the config, checked as the CronJobs `up` would create read it: each cron field
 * in range (hour 25 is refused here, not by the cluster), any `timeZone` an IANA zone, and each
 * placeholder schedule's lowering computable (`lowerCrons`), exactly as `render` computes it.
 */
export function checkSchedules(config: HubfleetConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  config.tools.placeholderSchedule.forEach((entry, index) => {
    const path = ['tools', 'placeholderSchedule', index];
    const problem = cronProblem(entry.cron);
    if (problem !== undefined) {
      issues.push(
        error(
          [...path, 'cron'],
          `"${entry.cron}" is not a valid cron: ${problem}`,
          'e.g. "45 9 * * MON,WED"',
        ),
      );
    } else {
      try {
        lowerCrons(entry.cron, entry.for);
      } catch (problem) {
        if (!(problem instanceof HubfleetError)) throw problem;
        issues.push(error([...path, 'for'], problem.message, problem.hint));
      }
    }
    issues.push(...timeZoneIssue((entry as { timeZone?: unknown }).timeZone, [...path, 'timeZone']));
  });
  const backups = config.tools.backups;
  if (backups !== undefined) {
    const problem = cronProblem(backups.schedule);
    if (problem !== undefined) {
      issues.push(
        error(
          ['tools', 'backups', 'schedule'],
          `"${backups.schedule}" is not a valid cron: ${problem}`,
          'e.g. "0 3 * * *"',
        ),
      );
    }
  }
  return issues;
}
