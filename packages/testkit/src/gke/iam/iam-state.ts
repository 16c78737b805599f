import type { PolicyRecord } from '../iam-policy.js';

/** A Google service account as the IAM fake keeps it (plain JSON). */
export interface ServiceAccountRecord {
  project: string;
  accountId: string;
  email: string;
  uniqueId: string;
  displayName?: string;
  description?: string;
  /** Who may act as it (`roles/iam.workloadIdentityUser`, `roles/iam.serviceAccountTokenCreator`, …). */
  iam: PolicyRecord;
}

export interface GoogleIamState {
  /** By email. */
  serviceAccounts: Record<string, ServiceAccountRecord>;
}

export function createGoogleIamState(): GoogleIamState {
  return { serviceAccounts: {} };
}
