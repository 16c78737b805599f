import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeTransport } from './kube-transport.js';
import { loadKubeconfig } from './kubeconfig.js';

let server: Server;
let connections = 0;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ kind: 'NamespaceList', items: [] }));
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createKubeTransport', () => {
  it('sends every request of a kubeconfig over one kept-alive connection, with its credential', async () => {
    const { port } = server.address() as AddressInfo;
    const kubeconfig = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'local', cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } },
      ],
      users: [{ name: 'admin', user: { token: 'sim-token' } }],
      contexts: [{ name: 'local', context: { cluster: 'local', user: 'admin' } }],
      'current-context': 'local',
    });
    const send = createKubeTransport(await loadKubeconfig(kubeconfig));
    for (let i = 0; i < 3; i++) {
      const answer = await send({ method: 'GET', path: '/api/v1/namespaces' });
      expect(answer).toMatchObject({ status: 200, body: { kind: 'NamespaceList' } });
    }
    expect(authorizations).toEqual(['Bearer sim-token', 'Bearer sim-token', 'Bearer sim-token']);
    expect(connections).toBe(1);
  });
});
