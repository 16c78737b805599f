import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  createCertificateRequest,
  issueClientCertificate,
  type OpenStackSimCloud,
  startOpenStackSimCloud,
} from '@hubfleet/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOpenStackCredentials } from '../src/config/load-credentials.js';
import { getClusterCertificateAuthority, signClusterCertificate } from '../src/magnum/magnum-certificates.js';
import { listClusterTemplates } from '../src/magnum/magnum-cluster-templates.js';
import { createCluster, deleteCluster, getCluster } from '../src/magnum/magnum-clusters.js';
import { createNodegroup } from '../src/magnum/magnum-nodegroups.js';
import { createOpenStackSession } from '../src/session/openstack-session.js';
import type { ServiceClient } from '../src/session/service-client.js';

let directory: string;
let sim: OpenStackSimCloud;
beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'openstack-sim-k8s-'));
  sim = await startOpenStackSimCloud({ stateDirectory: directory, speed: 2000 });
});
afterEach(async () => {
  await sim.close();
  rmSync(directory, { recursive: true, force: true });
});

/**
 * Polls until `check` answers something other than undefined: modelled time passes in real time at
 * speed 2000 (a 14-minute cluster in 0.42 s). Bounded by tries, far above what the work needs.
 */
async function eventually<Value>(check: () => Promise<Value | undefined>): Promise<Value> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}

/** What `openstack coe cluster config` writes: the cluster CA, and a client certificate with its key. */
interface ClientIdentity {
  ca: string;
  cert?: string;
  key?: string;
}

let identity: ClientIdentity = { ca: '' };

/** A call to the cluster's API over HTTPS, presenting `as` (by default the admin identity Magnum signed). */
function kube(
  path: string,
  init: { method?: string; body?: string } = {},
  as: ClientIdentity = identity,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      `${sim.endpoints.kubernetes}${path}`,
      {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        ca: as.ca,
        ...(as.cert && as.key ? { cert: as.cert, key: as.key } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

function session() {
  const credentials = loadOpenStackCredentials({
    cloud: 'sim',
    env: { OS_CLIENT_CONFIG_FILE: sim.cloudsYamlFile },
    cwd: directory,
    home: directory,
  });
  return createOpenStackSession({ credentials, http: { sleep: async () => {} } });
}

const magnumClient = (): Promise<ServiceClient> => session().service('container-infra');

/** Octavia's load balancers of that name, as a client lists them. */
async function balancersNamed(name: string): Promise<Array<{ name: string; vip_address: string }>> {
  const octavia = await session().service('load-balancer');
  return octavia.listAll('/lbaas/loadbalancers', 'loadbalancers', { name });
}

/** The address the cloud controller gave a LoadBalancer Service (asking the API runs its controllers). */
async function ingressIp(name: string): Promise<string | undefined> {
  const status = (await kube(`/api/v1/namespaces/default/services/${name}`)).body.status as {
    loadBalancer?: { ingress?: Array<{ ip: string }> };
  };
  return status.loadBalancer?.ingress?.[0]?.ip;
}

const nodeNames = async () =>
  (await kube('/api/v1/nodes')).body.items as Array<{
    metadata: { name: string; labels: Record<string, string> };
  }>;

describe('a Magnum cluster of the sim comes with a Kubernetes API', () => {
  it('serves Nodes from its nodegroups, makes Octavia load balancers for Services, and leaks them when the cluster goes first', {
    timeout: 120_000,
  }, async () => {
    const magnum = await magnumClient();
    const [template] = await listClusterTemplates(magnum);
    const uuid = await createCluster(magnum, {
      name: 'hub',
      cluster_template_id: template?.uuid ?? '',
      node_count: 2,
    });
    const cluster = await eventually(async () => {
      const found = await getCluster(magnum, uuid);
      return found.status === 'CREATE_COMPLETE' ? found : undefined;
    });
    expect(cluster.apiAddress).toBe(sim.endpoints.kubernetes);
    // The kubeconfig Magnum makes: its CA, and an admin CSR it signs (CN=admin, O=system:masters).
    const ca = await getClusterCertificateAuthority(magnum, uuid);
    const csr = await createCertificateRequest({ commonName: 'admin', organizations: ['system:masters'] });
    identity = { ca, cert: await signClusterCertificate(magnum, uuid, csr.csrPem), key: csr.privateKeyPem };
    expect((await kube('/api/v1/nodes', {}, { ca })).status).toBe(401);
    const stranger = await createCertificateAuthority('someone-else');
    const forged = await issueClientCertificate(stranger, {
      commonName: 'admin',
      organizations: ['system:masters'],
    });
    expect(
      (await kube('/api/v1/nodes', {}, { ca, cert: forged.certificatePem, key: forged.privateKeyPem }))
        .status,
    ).toBe(401);
    const workers = (await nodeNames()).filter(
      (node) => node.metadata.labels['magnum.openstack.org/role'] === 'worker',
    );
    expect(workers).toHaveLength(2);
    expect(workers[0]?.metadata.labels['magnum.openstack.org/nodegroup']).toBe('default-worker');
    await createNodegroup(magnum, uuid, {
      name: 'gpu',
      flavor_id: 'g-rtx4000.x1',
      node_count: 1,
      node_labels: { 'hub.jupyter.org/node-purpose': 'user' },
    });
    const gpu = await eventually(async () =>
      (await nodeNames()).find((node) => node.metadata.labels['magnum.openstack.org/nodegroup'] === 'gpu'),
    );
    expect(gpu.metadata.labels['hub.jupyter.org/node-purpose']).toBe('user');

    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'proxy-public', namespace: 'default' },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: 'jupyterhub' } },
    };
    expect(
      (await kube('/api/v1/namespaces/default/services', { method: 'POST', body: JSON.stringify(service) }))
        .status,
    ).toBe(201);
    const ip = await eventually(() => ingressIp('proxy-public'));
    const balancers = () => balancersNamed(`kube_service_${uuid}_default_proxy-public`);
    expect((await balancers()).map((lb) => lb.vip_address)).toEqual([ip]);

    // A second Service whose deletion the cloud controller follows: its load balancer goes with it.
    const scratch = { ...service, metadata: { name: 'scratch', namespace: 'default' } };
    await kube('/api/v1/namespaces/default/services', { method: 'POST', body: JSON.stringify(scratch) });
    await eventually(() => ingressIp('scratch'));
    const scratchBalancers = () => balancersNamed(`kube_service_${uuid}_default_scratch`);
    expect(await scratchBalancers()).toHaveLength(1);
    await kube('/api/v1/namespaces/default/services/scratch', { method: 'DELETE' });
    await eventually(async () => ((await scratchBalancers()).length === 0 ? true : undefined));

    await deleteCluster(magnum, uuid);
    await eventually(
      async () =>
        await getCluster(magnum, uuid).then(
          () => undefined,
          () => true,
        ),
    );
    // The API of a deleted cluster is gone (a fresh one would be empty); its load balancer is not.
    expect((await nodeNames()).length).toBe(0);
    expect(await balancers()).toHaveLength(1);
  });
});
