import { secretRef } from '@hubfleet/core';
import { z } from 'zod';

const staticIp = z
  .strictObject({
    name: z
      .string()
      .describe(
        'Name of a regional static external IP address in the project, e.g. jupyter-ip; reserved when it does not exist yet.',
      ),
  })
  .describe(
    'A static external IP address for the ingress, reserved (or adopted) so DNS keeps pointing at it.',
  );

/** The `provider:` section for Google GKE, exactly as `config-reference.md` shows it. */
export const gkeProviderSettingsSchema = z
  .strictObject({
    kind: z.literal('gke').describe('Google GKE.'),
    project: z.string().describe('The Google Cloud project id (not its display name), e.g. rhodes-cs.'),
    location: z
      .string()
      .describe(
        'A zone such as us-central1-a (one copy of each node) or a region such as us-central1 (node pools in every zone of the region).',
      ),
    credentials: secretRef
      .optional()
      .describe(
        'A service-account key file (JSON) for the project; absent: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, or `gcloud auth application-default login`).',
      ),
    staticIp: staticIp
      .optional()
      .describe(
        'Reserved (or adopted) address given to the ingress; absent: an ephemeral address that can change.',
      ),
  })
  .describe('Google GKE (Standard): a managed control plane with autoscaling node pools.');

/** The validated `provider:` section of a GKE deployment. */
export type GkeProviderSettings = z.infer<typeof gkeProviderSettingsSchema>;
