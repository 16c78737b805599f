import { type ClusterApiV1, type HubfleetConfig, ownershipTags } from '@hubfleet/core';
import type { InMemoryCloud } from './in-memory-cloud.js';
import { conflict, notFound } from './in-memory-errors.js';
import { ownedBy } from './in-memory-ownership.js';
import { type InMemoryCluster, observedCluster } from './in-memory-state.js';

/** The deployment's cluster in the in-memory cloud, named after the deployment. */
export function inMemoryClusterApi(
  cloud: InMemoryCloud,
  config: HubfleetConfig,
  kubernetes?: () => Promise<string>,
): ClusterApiV1 {
  const name = config.name;
  const subject = `cluster ${name}`;
  const find = (): InMemoryCluster | undefined => cloud.state.clusters[name];

  return {
    observe: async () =>
      cloud.call('DescribeCluster', false, () => {
        const cluster = find();
        return cluster === undefined ? undefined : observedCluster(cluster);
      }),
    create: async () =>
      cloud.call('CreateCluster', true, () => {
        const existing = find();
        if (existing !== undefined && !ownedBy(existing.tags, config.name)) {
          throw conflict(subject, 'exists and belongs to another deployment');
        }
        if (existing?.status === 'deleting') throw conflict(subject, 'is being deleted');
        if (existing !== undefined) return;
        cloud.state.clusters[name] = {
          name,
          status: 'creating',
          kubernetesVersion: config.cluster.kubernetesVersion,
          endpoint: `https://${name}.memory.hubfleet.test`,
          // kubeadm's default range: the in-memory cloud reports it like a real one reports its own.
          serviceCidr: '10.96.0.0/12',
          tags: ownershipTags(config.name, 'cluster'),
          transition: { to: 'active', at: cloud.finishesAt('CreateCluster') },
          nodeGroups: {},
        };
      }),
    update: async () =>
      cloud.call('UpdateCluster', true, () => {
        const cluster = find();
        if (cluster === undefined) throw notFound(subject);
        cluster.tags = { ...cluster.tags, ...ownershipTags(config.name, 'cluster') };
        return [];
      }),
    delete: async () =>
      cloud.call('DeleteCluster', true, () => {
        const cluster = find();
        if (cluster === undefined || cluster.status === 'deleting') return;
        const nodeGroups = Object.keys(cluster.nodeGroups);
        if (nodeGroups.length > 0) throw conflict(subject, `still has nodegroups: ${nodeGroups.join(', ')}`);
        cluster.status = 'deleting';
        cluster.transition = { to: null, at: cloud.finishesAt('DeleteCluster') };
      }),
    kubeconfig: async () => {
      const own = await cloud.call('DescribeCluster', false, () => {
        const cluster = find();
        if (cluster?.status !== 'active') throw notFound(`active ${subject}`);
        return [
          'apiVersion: v1',
          'kind: Config',
          `clusters: [{ name: ${name}, cluster: { server: "${cluster.endpoint}" } }]`,
          `users: [{ name: ${name}, user: { token: in-memory } }]`,
          `contexts: [{ name: ${name}, context: { cluster: ${name}, user: ${name} } }]`,
          `current-context: ${name}`,
          '',
        ].join('\n');
      });
      // A Kubernetes fake tied to the cluster answers for it once the cluster is active.
      return kubernetes === undefined ? own : kubernetes();
    },
  };
}
