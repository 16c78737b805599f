import { z } from 'zod';
import { cronProblem, isTimeZone } from './cron.js';

/** Names of the deployment, nodegroups and hubs: derived cloud names must fit, so at most 40 characters. */
export const MAX_NAME_LENGTH = 40;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const dnsLabel = z
  .string()
  .min(1, 'must not be empty')
  .max(
    MAX_NAME_LENGTH,
    `must be at most ${MAX_NAME_LENGTH} characters so the cloud names derived from it fit`,
  )
  .regex(
    DNS_LABEL,
    'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
  )
  .describe('A DNS-1123 label: lower-case letters, digits and "-", at most 40 characters.');

/** Kubernetes quantity for memory and disk: `512Mi`, `0.5G`, `10Gi`, or a plain number of bytes. */
const QUANTITY = /^([0-9]+(\.[0-9]+)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$/;
export const quantity = z
  .union([
    z.string().regex(QUANTITY, 'must be a Kubernetes quantity such as 512Mi, 0.5G or 10Gi'),
    z.number().positive(),
  ])
  .describe('A Kubernetes quantity: 512Mi, 0.5G, 10Gi (or a number of bytes).');

/** CPU: a number of cores (`0.5`, `2`) or millicores (`500m`). */
export const cpuQuantity = z
  .union([
    z.number().positive('must be more than 0'),
    z.string().regex(/^[0-9]+m$|^[0-9]+(\.[0-9]+)?$/, 'must be a number of cores (0.5) or millicores (500m)'),
  ])
  .describe('CPU cores as a number (0.5, 2) or millicores (500m).');

/** Durations: `30s`, `15m`, `1h`, `8h`, `720h`. */
const DURATION = /^([0-9]+(ms|s|m|h|d))+$/;
export const duration = z
  .string()
  .regex(DURATION, 'must be a duration such as 30s, 15m, 1h or 8h')
  .describe('A duration: 30s, 15m, 1h, 8h.');

/** Standard five-field cron expression. */
export const cronExpression = z
  .string()
  .regex(/^\s*(\S+\s+){4}\S+\s*$/, 'must be a five-field cron expression such as "45 9 * * MON,WED"')
  .superRefine((cron, context) => {
    // Five fields, then every field checked by croner (values, names, ranges, steps).
    if (!/^\s*(\S+\s+){4}\S+\s*$/.test(cron)) return;
    const problem = cronProblem(cron);
    if (problem !== undefined) {
      context.addIssue({ code: 'custom', message: `is not a valid cron expression: ${problem}` });
    }
  })
  .describe('A five-field cron expression ("minute hour day-of-month month day-of-week").');

export const timeZone = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as "America/Los_Angeles" or "Europe/London"')
  .describe('An IANA time zone ("America/Los_Angeles", "Australia/Melbourne", "UTC").');

export const hostname = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/,
    'must be a lower-case DNS host name such as hub.example.edu (no scheme, no path)',
  );

export const labelMap = z.record(z.string().min(1).max(316), z.string().max(63));

export const taint = z.strictObject({
  key: z.string().min(1),
  value: z.string().default(''),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

const SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity (`500m`, `16Gi`, `1e3`, `4`) as a number; NaN when malformed. */
export function parseQuantity(quantity: unknown): number {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return Number.NaN;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(
    quantity.trim(),
  );
  if (!match?.[1]) return Number.NaN;
  if (match[2]) return Number(`${match[1]}${match[2]}`);
  return Number(match[1]) * (SUFFIXES[match[3] ?? ''] ?? Number.NaN);
}

/** Bytes in a Kubernetes quantity (`10Gi` → 10737418240). */
export function quantityToBytes(value: string | number): number {
  const bytes = parseQuantity(value);
  if (Number.isNaN(bytes)) throw new Error(`not a quantity: ${value}`);
  return bytes;
}

/** Whole GiB, rounded up (cloud disks are sized in GiB). */
export function quantityToGiB(value: string | number): number {
  return Math.ceil(quantityToBytes(value) / 2 ** 30);
}

/** Cores in a CPU quantity (`500m` → 0.5). */
export function cpuToCores(value: string | number): number {
  return quantityToBytes(value);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function durationToMs(value: string): number {
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/([0-9]+)(ms|s|m|h|d)/g)) {
    total += Number(amount) * (DURATION_UNITS[unit ?? ''] ?? 0);
  }
  return total;
}
