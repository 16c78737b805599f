import { Agent, createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFloatingIpNat } from './floating-ip-nat.js';

const FLOATING = '127.77.0.1';
const VM = '127.77.0.2';
let api: Server;

beforeAll(async () => {
  api = createServer((_request, response) => response.end('ok'));
  api.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => api.listen(6443, VM, resolve));
});

afterAll(async () => {
  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
});

/** GET / through the floating address, leaving the connection open and idle in `agent`. */
function get(agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: FLOATING, port: 6443, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

describe('startFloatingIpNat', () => {
  it('forwards to the VM, and an address that goes drops its idle keep-alive connections', async () => {
    const nat = startFloatingIpNat((floating) => (floating === FLOATING ? VM : undefined));
    // keepAlive without a timeout: the client never closes the idle connection itself.
    const agent = new Agent({ keepAlive: true });
    try {
      await nat.sync([FLOATING]);
      expect(await get(agent)).toBe('ok');
      const [idle] = Object.values(agent.freeSockets).flat();
      expect(idle?.destroyed).toBe(false);
      const closed = new Promise<void>((resolve) => idle?.once('close', () => resolve()));
      // Resolves only once the listeners are closed, which the idle connection used to prevent.
      await nat.sync([]);
      await closed;
      await expect(get(agent)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      agent.destroy();
      await nat.close();
    }
  });
});
