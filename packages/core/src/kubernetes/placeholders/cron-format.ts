/** One field of a five-field cron expression, for writing it back (parsing is croner's: `cron-pattern.ts`). */
export interface CronFieldSpec {
  min: number;
  max: number;
}

export const MINUTE: CronFieldSpec = { min: 0, max: 59 };
export const HOUR: CronFieldSpec = { min: 0, max: 23 };
export const DAY_OF_WEEK: CronFieldSpec = { min: 0, max: 6 };

/** The shortest plain rendering: `*` for every value, runs of three or more as ranges. */
export function formatCronField(values: readonly number[], spec: CronFieldSpec): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === spec.max - spec.min + 1) return '*';
  const parts: string[] = [];
  let runStart = 0;
  for (let index = 1; index <= sorted.length; index += 1) {
    const current = sorted[index];
    const previous = sorted[index - 1] ?? 0;
    if (current === previous + 1) continue;
    const first = sorted[runStart] ?? 0;
    const length = index - runStart;
    if (length >= 3) parts.push(`${first}-${previous}`);
    else parts.push(...sorted.slice(runStart, index).map(String));
    runStart = index;
  }
  return parts.join(',');
}
