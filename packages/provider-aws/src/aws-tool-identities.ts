import {
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { ownershipTags } from '@hubfleet/core';
import { SERVICE_ACCOUNTS } from './aws-addons.js';
import { awsToolDefaults } from './aws-capabilities.js';
import type { AwsDeployment } from './aws-deployment.js';
import type { AwsIdentityApi } from './aws-identity.js';
import { partitionOf } from './aws-names.js';
import { clusterAutoscalerPolicy, type PolicyDocument, veleroPolicy } from './aws-tool-policies.js';

/** A tool that calls AWS itself, the service account it runs as, and what it may do. */
interface ToolIdentity {
  purpose: 'cluster-autoscaler' | 'velero';
  serviceAccount: { namespace: string; name: string };
  policy: PolicyDocument;
}

/** velero's bucket when backups are enabled and name one, else undefined. */
export function veleroBucketName(aws: AwsDeployment): string | undefined {
  const backups = aws.config.tools.backups;
  return (backups?.enabled ?? awsToolDefaults.backups.enabled) ? backups?.bucket : undefined;
}

/** The tools of this config that need an AWS identity: cluster-autoscaler, and velero with a bucket. */
export function toolIdentities(aws: AwsDeployment): ToolIdentity[] {
  const { tools } = aws.config;
  const enabled = (tool: 'autoscaler' | 'backups') => tools[tool]?.enabled ?? awsToolDefaults[tool].enabled;
  const identities: ToolIdentity[] = [];
  if (enabled('autoscaler')) {
    identities.push({
      purpose: 'cluster-autoscaler',
      serviceAccount: SERVICE_ACCOUNTS.clusterAutoscaler,
      policy: clusterAutoscalerPolicy(aws.clusterName),
    });
  }
  const bucket = veleroBucketName(aws);
  if (bucket !== undefined) {
    identities.push({
      purpose: 'velero',
      serviceAccount: SERVICE_ACCOUNTS.velero,
      policy: veleroPolicy(partitionOf(aws.clients.region), bucket),
    });
  }
  return identities;
}

/**
 * Each tool's role (least-privilege inline policy) and its EKS Pod Identity association with the
 * tool's service account, so the pods get the role's credentials. Idempotent: an association that
 * exists with the right role is kept; one with another role is replaced. velero's bucket is a step of
 * its own (`aws-velero-bucket-resource.ts`).
 */
export async function ensureToolIdentities(aws: AwsDeployment, identity: AwsIdentityApi): Promise<void> {
  const { clusterName } = aws;
  for (const tool of toolIdentities(aws)) {
    const roleArn = await identity.ensureRole(tool.purpose, JSON.stringify(tool.policy));
    const { namespace, name: serviceAccount } = tool.serviceAccount;
    const subject = `identity/${tool.purpose}`;
    const { associations = [] } = await aws.call('eks:ListPodIdentityAssociations', subject, (options) =>
      aws.clients.eks.send(
        new ListPodIdentityAssociationsCommand({ clusterName, namespace, serviceAccount }),
        options,
      ),
    );
    const [existing] = associations;
    if (existing?.associationId !== undefined) {
      const described = await aws.call('eks:DescribePodIdentityAssociation', subject, (options) =>
        aws.clients.eks.send(
          new DescribePodIdentityAssociationCommand({ clusterName, associationId: existing.associationId }),
          options,
        ),
      );
      if (described.association?.roleArn === roleArn) continue;
      await aws.call('eks:DeletePodIdentityAssociation', subject, (options) =>
        aws.clients.eks.send(
          new DeletePodIdentityAssociationCommand({ clusterName, associationId: existing.associationId }),
          options,
        ),
      );
    }
    await aws.call('eks:CreatePodIdentityAssociation', subject, (options) =>
      aws.clients.eks.send(
        new CreatePodIdentityAssociationCommand({
          clusterName,
          namespace,
          serviceAccount,
          roleArn,
          tags: ownershipTags(aws.deployment, 'identity'),
        }),
        options,
      ),
    );
  }
}
