import {
  type ClusterApiV1,
  HubfleetError,
  isSameMinorVersion,
  type ObservedClusterV1,
  OwnershipTag,
} from '@hubfleet/core';
import { createCluster, deleteCluster, type MagnumCluster } from '@hubfleet/openstack-client';

/** From container-infra 1.10 a cluster (and a nodegroup) may have zero worker nodes. */
const ZERO_NODES_MICROVERSION = '1.10';

import { findCluster, requireCluster } from './magnum-cluster-lookup.js';
import { explainClusterCreateError } from './magnum-create-errors.js';
import { magnumKubeconfig } from './magnum-kubeconfig.js';
import { clusterLabels, MAGNUM_AUTOSCALER_NAME, magnumAutoscaler } from './magnum-labels.js';
import { magnumStatus } from './magnum-status.js';
import { clusterTemplate, templateLabels } from './magnum-template.js';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** Minutes Magnum (Heat) gives the create before it calls it CREATE_FAILED; its own default, said explicitly. */
export const CREATE_TIMEOUT_MINUTES = 60;

/** `v1.34.2` → `1.34.2`; Magnum reports `coe_version` once the cluster is up, `kube_tag` says it before. */
function versionOf(cluster: MagnumCluster): string {
  return (cluster.coeVersion ?? cluster.labels.kube_tag ?? '').replace(/^v/, '');
}

export function observedCluster(cluster: MagnumCluster): ObservedClusterV1 {
  const serviceCidr = cluster.labels.service_cluster_ip_range;
  return {
    name: cluster.name,
    status: magnumStatus(cluster.status),
    kubernetesVersion: versionOf(cluster),
    ...(cluster.apiAddress ? { endpoint: cluster.apiAddress } : {}),
    tags: cluster.labels,
    ...(cluster.statusReason ? { statusReason: cluster.statusReason } : {}),
    ...(serviceCidr ? { serviceCidr } : {}),
  };
}

/**
 * The deployment's Magnum cluster, made from `provider.clusterTemplate` with the configured masters,
 * key pair and labels (merged into the template's); its nodegroups are made by `magnum-nodegroups.ts`.
 * Found again by name and ownership label only.
 */
export function magnumCluster(os: OpenstackDeployment): ClusterApiV1 {
  const subject = `cluster/${os.deployment}`;
  const settings = os.config.provider;

  function refuseStranger(strangers: MagnumCluster[]): void {
    if (strangers.length === 0) return;
    throw new HubfleetError({
      kind: 'conflict',
      message: `a Magnum cluster named ${os.deployment} exists (${strangers[0]?.uuid}) but its labels do not say it is deployment ${os.deployment}'s`,
      hint: `rename the deployment (its name is the cluster's), or delete that cluster if it is a leftover: openstack coe cluster delete ${strangers[0]?.uuid}`,
      subject,
    });
  }

  async function create(): Promise<void> {
    const template = await clusterTemplate(os);
    const { ours, strangers } = await findCluster(os);
    if (ours !== undefined) {
      if (magnumStatus(ours.status) === 'deleting') {
        throw new HubfleetError({
          kind: 'conflict',
          retryable: true,
          message: `the Magnum cluster ${os.deployment} is still being deleted`,
          hint: 'wait until the deletion finishes (a few minutes), then run `hubfleet up` again',
          subject,
        });
      }
      return;
    }
    refuseStranger(strangers);
    const magnum = await os.services.magnum();
    // Every nodegroup of the config is a nodegroup of its own; Magnum's default-worker group is
    // kept empty where Magnum allows it (1.10), else at one node of the first nodegroup's flavor.
    await createCluster(magnum, {
      name: os.deployment,
      cluster_template_id: template.uuid,
      keypair: settings.keypair,
      master_count: settings.masterCount,
      master_flavor_id: settings.masterFlavor,
      flavor_id: os.config.cluster.nodeGroups[0]?.instanceType ?? settings.masterFlavor,
      node_count: magnum.supports(ZERO_NODES_MICROVERSION) ? 0 : 1,
      labels: clusterLabels(os.config, template.labels),
      merge_labels: true,
      create_timeout: CREATE_TIMEOUT_MINUTES,
    }).catch((error: unknown) => {
      throw explainClusterCreateError(error, settings.keypair);
    });
  }

  async function update(observed: ObservedClusterV1) {
    const desired = os.config.cluster.kubernetesVersion;
    if (observed.kubernetesVersion !== '' && !isSameMinorVersion(desired, observed.kubernetesVersion)) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the Magnum cluster ${os.deployment} runs Kubernetes ${observed.kubernetesVersion} and the config asks for ${desired}; Magnum upgrades a cluster by moving it to another template, which hubfleet does not do`,
        hint: `run \`openstack coe cluster upgrade ${os.deployment} <template for ${desired}>\` and set provider.clusterTemplate to it, or keep kubernetesVersion at the template's`,
        subject,
      });
    }
    if (observed.tags[OwnershipTag.deployment] !== os.deployment) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the Magnum cluster ${os.deployment} carries no ownership label, and Magnum cannot change a cluster's labels after it is made`,
        hint: 'delete it and run `hubfleet up` to make it again, or rename the deployment',
        subject,
      });
    }
    return [];
  }

  /** DELETE, again after a DELETE_FAILED (core asks once more): Magnum retries the Heat stack delete. */
  async function remove(): Promise<void> {
    const { ours } = await findCluster(os);
    if (ours === undefined || ours.status === 'DELETE_IN_PROGRESS') return;
    await deleteCluster(await os.services.magnum(), ours.uuid);
  }

  return {
    observe: async () => {
      const { ours } = await findCluster(os);
      return ours === undefined ? undefined : observedCluster(ours);
    },
    create,
    update,
    delete: remove,
    // Magnum's own autoscaler comes and goes with the cluster: `plan` names it on the cluster's step.
    baseResources: async () => {
      if (magnumAutoscaler(os.config, await templateLabels(os)) !== 'magnum') return [];
      const { ours } = await findCluster(os);
      return [{ kind: 'autoscaler', name: MAGNUM_AUTOSCALER_NAME, exists: ours !== undefined }];
    },
    kubeconfig: async () => magnumKubeconfig(os, await requireCluster(os)),
  };
}
