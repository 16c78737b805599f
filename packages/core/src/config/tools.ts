import { z } from 'zod';
import { cpuQuantity, cronExpression, dnsLabel, duration, quantity, timeZone } from './primitives.js';
import { secretRef } from './secret.js';

const enabledFlag = z
  .boolean()
  .optional()
  .describe('Absent: the provider default, which `plan` reports with its reason.');

export const placeholderSchema = z
  .strictObject({
    name: dnsLabel,
    nodeGroup: dnsLabel.describe('The nodegroup whose seats these placeholders keep warm.'),
    replicas: z.int().min(0),
    cpu: cpuQuantity,
    memory: quantity,
    gpu: z.int().min(1).optional().describe('GPUs each placeholder holds; needs a gpu nodegroup.'),
  })
  .describe('Low-priority pods that hold room for users and are evicted when a real user arrives.');

export const placeholderScheduleSchema = z
  .strictObject({
    placeholder: dnsLabel.describe('The name of a placeholder in tools.placeholders.'),
    cron: cronExpression.describe('When to raise the placeholders, read in `timeZone` (UTC by default).'),
    timeZone: timeZone
      .optional()
      .describe(
        'The IANA time zone the cron is read in, e.g. "America/Los_Angeles" (the CronJobs\' spec.timeZone); UTC when absent.',
      ),
    replicas: z.int().min(0),
    for: duration.describe('How long to keep them raised before going back to the base replicas.'),
  })
  .describe('Raise warm seats before a class starts.');

export const toolsSchema = z
  .strictObject({
    autoscaler: z
      .strictObject({ enabled: enabledFlag })
      .optional()
      .describe('cluster-autoscaler with the priority expander: cheapest sufficient nodegroup first.'),
    registryCache: z
      .strictObject({ enabled: enabledFlag, size: quantity.default('200Gi') })
      .optional()
      .describe('A pull-through cache for Docker Hub images.'),
    gpuDriver: z
      .strictObject({ enabled: enabledFlag })
      .optional()
      .describe('NVIDIA device plugin or GPU operator, as the provider needs.'),
    monitoring: z
      .strictObject({
        enabled: enabledFlag,
        grafana: z.strictObject({ adminPassword: secretRef.optional() }).optional(),
      })
      .optional()
      .describe('kube-prometheus-stack with Grafana and JupyterHub dashboards.'),
    backups: z
      .strictObject({
        enabled: enabledFlag,
        bucket: z.string().min(3).max(63).optional().describe('S3 bucket, GCS bucket or Swift container.'),
        schedule: cronExpression.default('0 3 * * *'),
        retain: duration.default('720h'),
      })
      .optional()
      .describe('velero backups of cluster objects and volumes.'),
    placeholders: z.array(placeholderSchema).default([]),
    placeholderSchedule: z.array(placeholderScheduleSchema).default([]),
  })
  .describe('Cluster tools; each has a per-provider default.');

export type ToolsConfig = z.infer<typeof toolsSchema>;
export type PlaceholderConfig = z.infer<typeof placeholderSchema>;
