import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { JWT } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterManager, computeClients, staticAuth, until } from '../../test/google-clients.js';
import { GOOGLE_TOKEN_URL } from '../gke/oauth2/oauth2-jwt.js';
import { type GkeSimCloud, startGkeSimCloud } from './gke-sim-cloud.js';

function kubernetes(server: string, token: string): CoreV1Api {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'sim', server, skipTLSVerify: true }],
    users: [{ name: 'sim', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return config.makeApiClient(CoreV1Api);
}

/** The sim's key file, as google-auth-library reads it; token requests go to the sim's endpoint. */
function serviceAccount(cloud: GkeSimCloud): JWT {
  const jwt = new JWT({
    email: cloud.credentials.client_email,
    key: cloud.credentials.private_key,
    keyId: cloud.credentials.private_key_id,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  jwt.transporter.interceptors.request.add({
    resolved: async (request) => {
      if (String(request.url) === GOOGLE_TOKEN_URL) request.url = new URL(cloud.credentials.token_uri);
      return request;
    },
  });
  return jwt;
}

describe('the simulated Google Cloud project', () => {
  const running: GkeSimCloud[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((cloud) => cloud.close()));
  });

  // Cold SDK imports, an RSA key and a cluster CA take seconds on a loaded 2-core machine.
  it('runs GKE whose node pools become Nodes, behind Google access tokens, with a static address the ingress takes, and persists', {
    timeout: 120_000,
  }, async () => {
    const stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-sim-'));
    const cloud = await startGkeSimCloud({ stateDirectory, speed: 50_000 });
    running.push(cloud);
    const auth = serviceAccount(cloud);
    const gke = clusterManager(cloud.endpoints.container, auth);
    const parent = `projects/${cloud.project}/locations/us-central1-a`;
    await gke.createCluster({
      parent,
      cluster: {
        name: 'jupyter',
        nodePools: [
          {
            name: 'default-pool',
            initialNodeCount: 1,
            config: { machineType: 'n1-standard-2', labels: { 'hub.jupyter.org/node-purpose': 'core' } },
          },
          {
            name: 'gpu-pool',
            initialNodeCount: 1,
            config: {
              machineType: 'n1-standard-4',
              accelerators: [
                {
                  acceleratorCount: 1,
                  acceleratorType: 'nvidia-tesla-t4',
                  gpuDriverInstallationConfig: { gpuDriverVersion: 'DEFAULT' },
                },
              ],
              taints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NO_SCHEDULE' }],
            },
          },
        ],
      },
    });
    await until(async () =>
      (await gke.getCluster({ name: `${parent}/clusters/jupyter` }))[0].status === 'RUNNING'
        ? true
        : undefined,
    );

    const { token } = await auth.getAccessToken();
    const api = kubernetes(cloud.endpoints.kubernetes, token ?? '');
    const nodes = await until(async () => {
      const list = await api.listNode();
      return list.items.length === 2 ? list.items : undefined;
    });
    const core = nodes.find(
      (node) => node.metadata?.labels?.['cloud.google.com/gke-nodepool'] === 'default-pool',
    );
    expect(core?.metadata?.name).toMatch(/^gke-jupyter-default-pool-[0-9a-f]{8}-node-0$/);
    expect(core?.metadata?.labels).toMatchObject({
      'hub.jupyter.org/node-purpose': 'core',
      'topology.kubernetes.io/zone': 'us-central1-a',
      'node.kubernetes.io/instance-type': 'n1-standard-2',
    });
    expect(core?.status?.capacity).toMatchObject({ cpu: '2', memory: '7Gi' });
    const gpu = nodes.find((node) => node.metadata?.labels?.['cloud.google.com/gke-nodepool'] === 'gpu-pool');
    expect(gpu?.status?.capacity?.['nvidia.com/gpu']).toBe('1');
    expect(gpu?.spec?.taints).toEqual([
      { key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
    // The API server wants an access token: a self-signed JWT or a made-up token is refused.
    await expect(kubernetes(cloud.endpoints.kubernetes, 'ya29.made-up').listNode()).rejects.toMatchObject({
      code: 401,
    });

    const { addresses } = await computeClients(cloud.endpoints.compute, auth);
    await addresses.insert({
      project: cloud.project,
      region: 'us-central1',
      addressResource: { name: 'jupyter-ip' },
    });
    const reserved = await until(async () => {
      const [address] = await addresses.get({
        project: cloud.project,
        region: 'us-central1',
        address: 'jupyter-ip',
      });
      return address.status === 'RESERVED' ? address : undefined;
    });
    // As hubfleet's ingress asks for it: by the address's name, on GKE's regional external class.
    await api.createNamespacedService({
      namespace: 'default',
      body: {
        metadata: {
          name: 'ingress',
          annotations: { 'networking.gke.io/load-balancer-ip-addresses': 'jupyter-ip' },
        },
        spec: {
          type: 'LoadBalancer',
          loadBalancerClass: 'networking.gke.io/l4-regional-external',
          ports: [{ port: 80 }],
        },
      },
    });
    const ingress = await until(async () => {
      const service = await api.readNamespacedService({ name: 'ingress', namespace: 'default' });
      return service.status?.loadBalancer?.ingress?.[0];
    });
    expect(ingress.ip).toBe(reserved.address);
    expect(
      (await addresses.get({ project: cloud.project, region: 'us-central1', address: 'jupyter-ip' }))[0]
        .status,
    ).toBe('IN_USE');

    await cloud.close();
    running.length = 0;
    const again = await startGkeSimCloud({ stateDirectory, speed: 50_000 });
    running.push(again);
    expect(again.credentials.private_key_id).toBe(cloud.credentials.private_key_id);
    const [cluster] = await clusterManager(again.endpoints.container, serviceAccount(again)).getCluster({
      name: `${parent}/clusters/jupyter`,
    });
    expect(cluster.status).toBe('RUNNING');
    expect((await kubernetes(again.endpoints.kubernetes, token ?? '').listNode()).items).toHaveLength(2);
    await expect(
      clusterManager(again.endpoints.container, staticAuth('ya29.not-issued')).getCluster({
        name: `${parent}/clusters/jupyter`,
      }),
    ).rejects.toThrow(/UNAUTHENTICATED/);
  });
});
