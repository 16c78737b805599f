/** One field of a five-field cron expression as Kubernetes CronJobs read it (robfig/cron). */
export interface CronFieldSpec {
  min: number;
  max: number;
  /** Names accepted for values (`JAN`, `MON`), upper case, in value order from `min`. */
  names?: readonly string[];
  /** A value past `max` that means `min` (day of week: 7 is Sunday, like 0). */
  wrapsAt?: number;
}

export const MINUTE: CronFieldSpec = { min: 0, max: 59 };
export const HOUR: CronFieldSpec = { min: 0, max: 23 };
/** Day of week; 7 is read as Sunday (0), as robfig/cron does. */
export const DAY_OF_WEEK: CronFieldSpec = {
  min: 0,
  max: 6,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  wrapsAt: 7,
};

/** True for `*` and `?`, which match every value. */
export function isWildcard(field: string): boolean {
  return field === '*' || field === '?';
}

function parseValue(text: string, spec: CronFieldSpec, cron: string): number {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return spec.min + byName;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= spec.min && value <= (spec.wrapsAt ?? spec.max))) {
    throw new Error(`"${text}" is not a valid value in cron "${cron}" (${spec.min}-${spec.max})`);
  }
  return value;
}

function expandTerm(term: string, spec: CronFieldSpec, cron: string): number[] {
  const [range = '', stepText, ...extra] = term.split('/');
  const step = stepText === undefined ? 1 : Number(stepText);
  if (extra.length > 0 || !Number.isInteger(step) || step < 1) {
    throw new Error(`"${term}" is not a valid term in cron "${cron}"`);
  }
  const [startText = '', endText, ...tooMany] = range.split('-');
  if (tooMany.length > 0) throw new Error(`"${term}" is not a valid term in cron "${cron}"`);
  const wildcard = isWildcard(startText) && endText === undefined;
  const start = wildcard ? spec.min : parseValue(startText, spec, cron);
  // `a/s` means from a to the end, stepping s; a lone `a` is just a.
  const implicitEnd = stepText === undefined ? start : spec.max;
  const end = wildcard ? spec.max : endText === undefined ? implicitEnd : parseValue(endText, spec, cron);
  if (end < start) throw new Error(`"${term}" in cron "${cron}" is a range that ends before it starts`);
  const values: number[] = [];
  for (let value = start; value <= end; value += step) values.push(value);
  return values;
}

/** Every value a cron field matches, ascending. Throws on anything robfig/cron would not accept. */
export function expandCronField(field: string, spec: CronFieldSpec, cron: string): number[] {
  const expanded = field.split(',').flatMap((term) => expandTerm(term, spec, cron));
  const values = new Set(expanded.map((value) => (value === spec.wrapsAt ? spec.min : value)));
  return [...values].sort((a, b) => a - b);
}

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
