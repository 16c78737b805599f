import { createHash } from 'node:crypto';
import type { HubfleetConfig } from '@hubfleet/core';
import { gkeToolDefaults } from './gke-capabilities.js';
import type { GkeProviderSettings } from './gke-config.js';

/** velero's Kubernetes service account, pinned so its Workload Identity member is known in advance. */
export const VELERO_SERVICE_ACCOUNT = { namespace: 'velero', name: 'velero' } as const;

/** The annotation that ties a Kubernetes service account to a Google one (Workload Identity). */
export const GCP_SERVICE_ACCOUNT_ANNOTATION = 'iam.gke.io/gcp-service-account';

/**
 * The Google service account's id: `velero-<deployment>`, or for a long deployment name its first
 * 16 characters and a hash (IAM allows 6-30 characters, RFC 1035).
 */
export function veleroAccountId(deployment: string): string {
  const plain = `velero-${deployment}`;
  if (plain.length <= 30) return plain;
  const hash = createHash('sha256').update(deployment).digest('hex').slice(0, 6);
  return `velero-${deployment.slice(0, 16).replace(/-+$/, '')}-${hash}`;
}

export function veleroAccountEmail(deployment: string, project: string): string {
  return `${veleroAccountId(deployment)}@${project}.iam.gserviceaccount.com`;
}

/** The Workload Identity member that lets velero's pods act as the Google service account. */
export function veleroWorkloadMember(project: string): string {
  return `serviceAccount:${project}.svc.id.goog[${VELERO_SERVICE_ACCOUNT.namespace}/${VELERO_SERVICE_ACCOUNT.name}]`;
}

/** The backup bucket when velero runs in this deployment, else undefined. */
export function veleroBucket(config: HubfleetConfig<GkeProviderSettings>): string | undefined {
  const backups = config.tools.backups;
  const enabled = backups?.enabled ?? gkeToolDefaults.backups.enabled;
  return enabled ? backups?.bucket : undefined;
}
