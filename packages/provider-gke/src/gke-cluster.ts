import type { protos } from '@google-cloud/container';
import {
  type ClusterApiV1,
  HubfleetError,
  isSameMinorVersion,
  type ObservedClusterV1,
  OwnershipTag,
  type ProviderWarningV1,
  renderTokenKubeconfig,
} from '@hubfleet/core';
import type { StaticAddressApi } from './gke-address.js';
import { gkeAuthPluginHelper } from './gke-credential-helper.js';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { isGoogleAlreadyExists } from './gke-errors.js';
import { isOwnedBy, ownershipLabels } from './gke-labels.js';
import type { ClusterOperations } from './gke-operations.js';
import { createClusterRequest, observedCluster } from './map-cluster.js';

type Cluster = protos.google.container.v1.ICluster;

function versionWarning(desired: string, observed: string): ProviderWarningV1 {
  return {
    type: 'unsupported',
    feature: 'Kubernetes version upgrade',
    detail: `the cluster runs Kubernetes ${observed} and the config asks for ${desired}; hubfleet does not upgrade GKE clusters yet. The REGULAR release channel upgrades it automatically, or run \`gcloud container clusters upgrade\` one minor version at a time.`,
  };
}

/**
 * The deployment's GKE cluster, named after the deployment, zonal or regional as `provider.location`
 * says. Every change waits for its operation to be DONE (see `gke-operations.ts`).
 */
export function gkeCluster(
  gke: GkeDeployment,
  operations: ClusterOperations,
  address: StaticAddressApi,
): ClusterApiV1 {
  const subject = `cluster/${gke.deployment}`;
  const { clusters } = gke.clients;

  async function get(): Promise<Cluster | undefined> {
    const answer = await unlessNotFound(
      gke.call('container.clusters.get', subject, () => clusters.getCluster({ name: gke.clusterPath })),
    );
    return answer?.[0];
  }

  /** A cluster of our name is adopted only when its resource labels say it is this deployment's. */
  function checkAdoptable(cluster: Cluster): void {
    if (!isOwnedBy(cluster.resourceLabels, gke.deployment, 'cluster')) {
      throw new HubfleetError({
        kind: 'conflict',
        message: `a GKE cluster named ${gke.deployment} exists in ${gke.location} but its resource labels do not say it is deployment ${gke.deployment}'s`,
        hint: `rename the deployment (its name is the cluster's), or label the cluster with hubfleet-deployment=${gke.deployment} and hubfleet-component=cluster if it really is this deployment's`,
        subject,
      });
    }
    if (observedCluster(cluster).status === 'deleting') {
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the GKE cluster ${gke.deployment} is still being deleted`,
        hint: 'wait until the deletion finishes (a few minutes), then run `hubfleet up` again',
        subject,
      });
    }
  }

  async function create(): Promise<void> {
    // The address is reserved first: it takes seconds, and ingress-nginx needs its IP later.
    await address.ensure();
    const existing = await get();
    if (existing !== undefined) return checkAdoptable(existing);
    try {
      await operations.run('create cluster', subject, async () => {
        const [operation] = await gke.call('container.clusters.create', subject, () =>
          clusters.createCluster({ parent: gke.parent, cluster: createClusterRequest(gke) }),
        );
        return operation;
      });
    } catch (error) {
      if (!isGoogleAlreadyExists(error)) throw error;
      const raced = await get();
      if (raced === undefined) throw error;
      checkAdoptable(raced);
    }
  }

  async function update(observed: ObservedClusterV1): Promise<ProviderWarningV1[]> {
    await address.ensure();
    const desired = gke.config.cluster.kubernetesVersion;
    const warnings = isSameMinorVersion(desired, observed.kubernetesVersion)
      ? []
      : [versionWarning(desired, observed.kubernetesVersion)];
    if (
      observed.tags[OwnershipTag.deployment] !== gke.deployment ||
      observed.tags[OwnershipTag.component] !== 'cluster'
    ) {
      await operations.run('label cluster', subject, async () => {
        const cluster = await get();
        const [operation] = await gke.call('container.clusters.setResourceLabels', subject, () =>
          clusters.setLabels({
            name: gke.clusterPath,
            resourceLabels: {
              ...(cluster?.resourceLabels ?? {}),
              ...ownershipLabels(gke.deployment, 'cluster'),
            },
            labelFingerprint: cluster?.labelFingerprint ?? '',
          }),
        );
        return operation;
      });
    }
    return warnings;
  }

  async function remove(): Promise<void> {
    const existing = await get();
    if (existing === undefined) return;
    if (!isOwnedBy(existing.resourceLabels, gke.deployment, 'cluster')) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the GKE cluster ${gke.deployment} is not labelled as deployment ${gke.deployment}'s; hubfleet does not delete it`,
        hint: 'delete it in the console (Kubernetes Engine → Clusters) if it really is to go',
        subject,
      });
    }
    if (observedCluster(existing).status === 'deleting') return;
    await operations.run('delete cluster', subject, async () => {
      const [operation] = await gke.call('container.clusters.delete', subject, () =>
        clusters.deleteCluster({ name: gke.clusterPath }),
      );
      return operation;
    });
  }

  async function kubeconfig(): Promise<string> {
    const cluster = await get();
    if (cluster === undefined) {
      throw new HubfleetError({
        kind: 'not-found',
        message: `the GKE cluster ${gke.deployment} does not exist`,
        hint: 'run `hubfleet up` first',
        subject,
      });
    }
    const authority = cluster.masterAuth?.clusterCaCertificate ?? '';
    if (!cluster.endpoint || (authority === '' && gke.clients.simulatedKubernetes === undefined)) {
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the GKE cluster ${gke.deployment} has no API endpoint yet (status ${String(cluster.status)})`,
        hint: 'wait until the cluster is running',
        subject,
      });
    }
    // google-auth-library refreshes the access token once less than 15 minutes are left (gke-token-lifetime.ts).
    const { token } = await gke.call('oauth2.token', subject, () => gke.clients.auth.getAccessToken());
    const simulated = gke.clients.simulatedKubernetes;
    return renderTokenKubeconfig({
      name: `gke_${gke.project}_${gke.location}_${gke.deployment}`,
      server: simulated ?? `https://${cluster.endpoint}`,
      ...(simulated === undefined ? { certificateAuthorityData: authority } : {}),
      token: token ?? '',
    });
  }

  return {
    observe: async () => {
      const cluster = await get();
      return cluster === undefined ? undefined : observedCluster(cluster);
    },
    create,
    update,
    delete: remove,
    kubeconfig,
    credentialHelper: () =>
      gkeAuthPluginHelper({
        simulated: gke.clients.simulated,
        keyFile: gke.config.provider.credentials !== undefined,
      }),
  };
}
