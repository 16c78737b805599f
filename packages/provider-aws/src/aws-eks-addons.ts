import {
  type Addon,
  CreateAddonCommand,
  type CreateAddonRequest,
  DeleteAddonCommand,
  DescribeAddonCommand,
} from '@aws-sdk/client-eks';
import { ownershipTags, type ResourceStatusV1 } from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { isAwsError } from './aws-errors.js';
import type { AwsIdentityApi } from './aws-identity.js';
import { ensureToolIdentities } from './aws-tool-identities.js';

/** The EBS CSI controller's service account, which EKS binds to the driver's role. */
export const EBS_CSI_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';

/** The EKS add-ons hubfleet installs, in the order they are needed. */
export const EKS_ADDON_NAMES = ['eks-pod-identity-agent', 'aws-ebs-csi-driver'] as const;
export type EksAddonName = (typeof EKS_ADDON_NAMES)[number];

export interface ObservedEksAddon {
  name: EksAddonName;
  status: ResourceStatusV1;
  version?: string;
}

/**
 * Cluster-side EKS add-ons, made through the EKS API rather than helm: the Pod Identity agent (which
 * hands pods their IAM role) and the EBS CSI driver (without which no EBS volume attaches since
 * Kubernetes 1.23), bound to its role with a Pod Identity association. The engine calls `ensure`
 * once the cluster is active and before any hub volume is mounted; `observe` to wait for `active`.
 */
export interface EksAddonsApi {
  observe(): Promise<ObservedEksAddon[]>;
  ensure(): Promise<void>;
  /** Deleting the cluster deletes its add-ons; this is for removing them from a cluster that stays. */
  delete(): Promise<void>;
}

const ADDON_STATUS: Readonly<Record<string, ResourceStatusV1>> = {
  CREATING: 'creating',
  ACTIVE: 'active',
  UPDATING: 'updating',
  DELETING: 'deleting',
};

export function awsEksAddons(aws: AwsDeployment, identity: AwsIdentityApi): EksAddonsApi {
  const { clusterName } = aws;
  const subjectOf = (name: string) => `addon/${name}`;

  async function describe(name: EksAddonName): Promise<Addon | undefined> {
    const answer = await unlessNotFound(
      aws.call('eks:DescribeAddon', subjectOf(name), (options) =>
        aws.clients.eks.send(new DescribeAddonCommand({ clusterName, addonName: name }), options),
      ),
    );
    return answer?.addon;
  }

  async function requestFor(name: EksAddonName): Promise<CreateAddonRequest> {
    const request: CreateAddonRequest = {
      clusterName,
      addonName: name,
      resolveConflicts: 'OVERWRITE',
      tags: ownershipTags(aws.deployment, 'addon'),
      // No clientRequestToken of our own: the SDK's (one per request, kept across its retries).
    };
    if (name === 'aws-ebs-csi-driver') {
      const roleArn = await identity.ensureRole('ebs-csi');
      request.podIdentityAssociations = [{ serviceAccount: EBS_CSI_SERVICE_ACCOUNT, roleArn }];
    }
    return request;
  }

  async function ensureOne(name: EksAddonName): Promise<void> {
    if ((await describe(name)) !== undefined) return;
    const request = await requestFor(name);
    try {
      await aws.call('eks:CreateAddon', subjectOf(name), (options) =>
        aws.clients.eks.send(new CreateAddonCommand(request), options),
      );
    } catch (error) {
      // Created by an earlier run whose answer was lost, or by someone else: either way it is there.
      if (!isAwsError(error, 'ResourceInUseException')) throw error;
    }
  }

  return {
    async observe() {
      const found = await Promise.all(
        EKS_ADDON_NAMES.map(async (name) => ({ name, addon: await describe(name) })),
      );
      return found.flatMap(({ name, addon }) =>
        addon === undefined
          ? []
          : [
              {
                name,
                status: ADDON_STATUS[addon.status ?? ''] ?? 'failed',
                ...(addon.addonVersion === undefined ? {} : { version: addon.addonVersion }),
              },
            ],
      );
    },
    async ensure() {
      for (const name of EKS_ADDON_NAMES) await ensureOne(name);
      await ensureToolIdentities(aws, identity);
    },
    async delete() {
      for (const name of [...EKS_ADDON_NAMES].reverse()) {
        await unlessNotFound(
          aws.call('eks:DeleteAddon', subjectOf(name), (options) =>
            aws.clients.eks.send(new DeleteAddonCommand({ clusterName, addonName: name }), options),
          ),
        );
      }
    },
  };
}
