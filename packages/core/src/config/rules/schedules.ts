import { HubfleetError } from '../../errors/index.js';
import {
  type CronFieldSpec,
  DAY_OF_WEEK,
  expandCronField,
  HOUR,
  MINUTE,
} from '../../kubernetes/placeholders/cron-field.js';
import { lowerCrons } from '../../kubernetes/placeholders/lower-cron.js';
import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error } from '../issues.js';

const DAY_OF_MONTH: CronFieldSpec = { min: 1, max: 31 };
const MONTH: CronFieldSpec = {
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const FIELDS: readonly [string, CronFieldSpec][] = [
  ['minute', MINUTE],
  ['hour', HOUR],
  ['day of month', DAY_OF_MONTH],
  ['month', MONTH],
  ['day of week', DAY_OF_WEEK],
];

/** The first field of a five-field cron that a Kubernetes CronJob would refuse, as a sentence. */
function cronProblem(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  for (const [index, [name, spec]] of FIELDS.entries()) {
    try {
      expandCronField(fields[index] ?? '', spec, cron);
    } catch (problem) {
      return `its ${name} field: ${(problem as Error).message}`;
    }
  }
  return undefined;
}

/** A time zone the IANA database knows (what a CronJob's `spec.timeZone` accepts). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone !== '' && !zone.includes(' ');
  } catch {
    return false;
  }
}

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
