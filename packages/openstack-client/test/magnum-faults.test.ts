import { createCertificateRequest } from '@hubfleet/testkit';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { replace } from '../src/magnum/json-patch.js';
import { getClusterCertificateAuthority, signClusterCertificate } from '../src/magnum/magnum-certificates.js';
import {
  createClusterTemplate,
  deleteClusterTemplate,
  getClusterTemplate,
  listClusterTemplates,
} from '../src/magnum/magnum-cluster-templates.js';
import {
  createCluster,
  deleteCluster,
  getCluster,
  listClusters,
  resizeCluster,
  updateCluster,
} from '../src/magnum/magnum-clusters.js';
import {
  createNodegroup,
  deleteNodegroup,
  getNodegroup,
  listNodegroups,
  updateNodegroup,
} from '../src/magnum/magnum-nodegroups.js';
import { type FakeWorld, startFakeWorld } from './fake-world.js';
import { expectFaultHandling } from './fault-cases.js';
import { MINUTE, magnumClient, startMagnum } from './magnum-world.js';
import type { ServiceWorld } from './service-world.js';

let world: FakeWorld;
let templateId: string;
beforeEach(async () => {
  world = await startFakeWorld();
  ({ templateId } = await startMagnum(world));
});
afterEach(() => world.close());

describe('faults on every Magnum operation', () => {
  it('fails fast on quota and retries throttling and 503 through, for each call', async () => {
    const magnum = await magnumClient(world);
    const cluster = await createCluster(magnum, { name: 'faulty', cluster_template_id: templateId });
    world.clock.advance(14 * MINUTE);
    const { csrPem } = await createCertificateRequest({
      commonName: 'admin',
      organizations: ['system:masters'],
    });
    let spareTemplate = '';
    let clusterCreates = 0;
    await expectFaultHandling(world as unknown as ServiceWorld, 'magnum', [
      {
        operation: 'CreateClusterTemplate',
        call: async () => {
          spareTemplate = (
            await createClusterTemplate(magnum, { name: 'spare', coe: 'kubernetes', image_id: 'img' })
          ).uuid;
        },
      },
      { operation: 'ListClusterTemplates', call: () => listClusterTemplates(magnum) },
      { operation: 'ShowClusterTemplate', call: () => getClusterTemplate(magnum, templateId) },
      { operation: 'DeleteClusterTemplate', call: () => deleteClusterTemplate(magnum, spareTemplate) },
      {
        operation: 'CreateCluster',
        call: () =>
          createCluster(magnum, { name: `extra-${clusterCreates++}`, cluster_template_id: templateId }),
      },
      { operation: 'ListClusterDetails', call: () => listClusters(magnum) },
      { operation: 'ShowCluster', call: () => getCluster(magnum, cluster) },
      { operation: 'ShowCertificate', call: () => getClusterCertificateAuthority(magnum, cluster) },
      { operation: 'SignCertificate', call: () => signClusterCertificate(magnum, cluster, csrPem) },
      { operation: 'CreateNodegroup', call: () => createNodegroup(magnum, cluster, { name: 'users' }) },
      { operation: 'ListNodegroups', call: () => listNodegroups(magnum, cluster) },
      { operation: 'ShowNodegroup', call: () => getNodegroup(magnum, cluster, 'users') },
      {
        operation: 'UpdateNodegroup',
        call: () => updateNodegroup(magnum, cluster, 'users', [replace('/max_node_count', 3)]),
      },
      { operation: 'DeleteNodegroup', call: () => deleteNodegroup(magnum, cluster, 'users') },
      { operation: 'UpdateCluster', call: () => updateCluster(magnum, cluster, [replace('/node_count', 2)]) },
      { operation: 'ResizeCluster', call: () => resizeCluster(magnum, cluster, { node_count: 2 }) },
      { operation: 'DeleteCluster', call: () => deleteCluster(magnum, cluster) },
    ]);
  });
});
