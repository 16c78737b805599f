import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * Floating IPs as Neutron's L3 agent makes them: a destination NAT from the floating address to the
 * fixed one of the port it is associated with. Here every floating IP of the sim listens on loopback
 * (SSH and the Kubernetes API) and forwards each connection to the VM its port belongs to at that
 * moment; an unassociated one resets the connection, as an unrouted address would time out.
 */
export interface FloatingIpNat {
  /** Listen on exactly these floating addresses (new ones start, gone ones stop). */
  sync(addresses: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The ports a floating IP forwards: SSH and the API server. */
export const NAT_PORTS = [22, 6443] as const;

function forward(client: Socket, host: string, port: number): void {
  const upstream = connect({ host, port });
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end);
  upstream.on('error', end);
  client.pipe(upstream);
  upstream.pipe(client);
}

function listen(server: Server, address: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** `targetOf(floating)`: the VM address a floating IP is associated with now, if any. */
export function startFloatingIpNat(targetOf: (floating: string) => string | undefined): FloatingIpNat {
  const servers = new Map<string, Server[]>();
  /** The open connections through each floating address. */
  const sockets = new Map<string, Set<Socket>>();

  /**
   * Stop forwarding an address: its NAT rule goes and so do the connections through it (a client's
   * idle keep-alive connection would otherwise hold the listener open for good).
   */
  async function stop(address: string, listening: readonly Server[]): Promise<void> {
    for (const socket of sockets.get(address) ?? []) socket.destroy();
    sockets.delete(address);
    await Promise.all(listening.map(closeServer));
  }

  async function open(address: string): Promise<Server[]> {
    const opened: Server[] = [];
    const through = sockets.get(address) ?? new Set<Socket>();
    sockets.set(address, through);
    for (const port of NAT_PORTS) {
      const server = createServer((client) => {
        through.add(client);
        client.once('close', () => through.delete(client));
        const target = targetOf(address);
        if (target === undefined) client.resetAndDestroy();
        else forward(client, target, port);
      });
      try {
        await listen(server, address, port);
      } catch (problem) {
        await Promise.all(opened.map(closeServer));
        throw problem;
      }
      opened.push(server);
    }
    return opened;
  }

  return {
    async sync(addresses) {
      const wanted = new Set(addresses);
      for (const [address, listening] of servers) {
        if (wanted.has(address)) continue;
        servers.delete(address);
        await stop(address, listening);
      }
      for (const address of wanted) {
        if (servers.has(address)) continue;
        servers.set(address, []);
        try {
          servers.set(address, await open(address));
        } catch (problem) {
          servers.delete(address);
          throw problem;
        }
      }
    },
    async close() {
      const all = [...servers];
      servers.clear();
      await Promise.all(all.map(([address, listening]) => stop(address, listening)));
    },
  };
}
