import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeCall } from './kube-client.js';
import { createKubeTransport } from './kube-transport.js';
import { loadKubeconfig } from './kubeconfig.js';
import { createManifestApplier } from './manifest-applier.js';

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
}

/** A tiny API server that answers from a script, in order, and records what it was sent. */
async function scriptedServer(
  answers: { status: number; body: unknown; headers?: Record<string, string> }[],
) {
  const seen: Seen[] = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => resolve(body));
    });
  const server: Server = createServer(async (request, response) => {
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
      body: await read(request),
    });
    const answer = answers.shift() ?? { status: 500, body: { message: 'no more answers' } };
    response.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A token kubeconfig for a plain-HTTP test server, loaded the way the deployment loads one. */
function tokenKubeconfig(server: string, token: string) {
  return loadKubeconfig(
    JSON.stringify({
      clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'u', user: { token } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    }),
  );
}

describe('createManifestApplier', () => {
  const servers: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('applies server-side as field manager hubfleet, retrying a throttled request', async () => {
    const server = await scriptedServer([
      { status: 429, body: { kind: 'Status', message: 'slow down' }, headers: { 'retry-after': '0' } },
      { status: 200, body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a', namespace: 'hub' } } },
    ]);
    servers.push(server);
    const call = createKubeCall(createKubeTransport(await tokenKubeconfig(server.url, 'tok')), {
      baseDelayMs: 1,
      maxDelayMs: 5,
    });
    const manifest = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'a', namespace: 'hub' },
      stringData: { k: 'v' },
    };
    await createManifestApplier(call).apply(manifest);
    expect(server.seen).toHaveLength(2);
    const [, applied] = server.seen;
    expect(applied).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/namespaces/hub/secrets/a?fieldManager=hubfleet&force=true',
      contentType: 'application/apply-patch+yaml',
      authorization: 'Bearer tok',
    });
    expect(JSON.parse(applied?.body ?? '')).toEqual(manifest);
  });

  it('finds the resource of a custom kind through discovery, and says when the cluster does not serve it', async () => {
    const server = await scriptedServer([
      {
        status: 200,
        body: { resources: [{ name: 'clusterissuers', kind: 'ClusterIssuer', namespaced: false }] },
      },
      { status: 404, body: { kind: 'Status', message: 'not found' } },
      { status: 404, body: { kind: 'Status', message: 'the server could not find the requested resource' } },
    ]);
    servers.push(server);
    const applier = createManifestApplier(
      createKubeCall(createKubeTransport(await tokenKubeconfig(server.url, 'tok'))),
    );
    expect(
      await applier.get({ apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', name: 'letsencrypt' }),
    ).toBeUndefined();
    expect(server.seen.map((request) => request.url)).toEqual([
      '/apis/cert-manager.io/v1',
      '/apis/cert-manager.io/v1/clusterissuers/letsencrypt',
    ]);
    await expect(
      applier.apply({
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: { name: 'daily', namespace: 'velero' },
      }),
    ).rejects.toMatchObject({
      kind: 'not-found',
      retryable: true,
      message: expect.stringContaining('does not serve Schedule'),
    });
  });
});
