import { HubfleetError } from '@hubfleet/core';
import { listClusters, type MagnumCluster } from '@hubfleet/openstack-client';
import { isOwnedBy } from './magnum-labels.js';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** What `find` saw: the deployment's cluster, and clusters of its name that are not its own. */
export interface ClusterLookup {
  ours: MagnumCluster | undefined;
  strangers: MagnumCluster[];
}

/**
 * The deployment's Magnum cluster: the one named after the deployment whose labels carry its
 * ownership. Magnum names are not unique, so the name alone proves nothing and a create is never
 * sent while one exists; two of ours (made outside hubfleet) is a conflict an operator settles.
 */
export async function findCluster(os: OpenstackDeployment): Promise<ClusterLookup> {
  const named = (await listClusters(await os.services.magnum())).filter(
    (cluster) => cluster.name === os.deployment,
  );
  const ours = named.filter((cluster) => isOwnedBy(cluster.labels, os.deployment, 'cluster'));
  if (ours.length > 1) {
    throw new HubfleetError({
      kind: 'conflict',
      message: `${ours.length} Magnum clusters are named ${os.deployment} and labelled as its deployment (${ours.map((cluster) => cluster.uuid).join(', ')})`,
      hint: 'delete the one that is not in use (openstack coe cluster delete <uuid>), then run the command again',
      subject: `cluster/${os.deployment}`,
    });
  }
  return { ours: ours[0], strangers: named.filter((cluster) => !ours.includes(cluster)) };
}

/** The deployment's cluster, or the `not-found` error that says to run `up`. */
export async function requireCluster(os: OpenstackDeployment): Promise<MagnumCluster> {
  const { ours } = await findCluster(os);
  if (ours !== undefined) return ours;
  throw new HubfleetError({
    kind: 'not-found',
    message: `the Magnum cluster ${os.deployment} does not exist`,
    hint: 'run `hubfleet up` first',
    subject: `cluster/${os.deployment}`,
  });
}
