import { describe, expect, it } from 'vitest';
import { createClusterConnection } from './cluster-connection.js';
import { createReadCache } from './read-cache.js';
import { emptyCloud, stubGraph } from './testing/stub-cloud.js';

const MINUTE = 60_000;

describe("the provider's typicalDurationsMs", () => {
  const typical = (graph: ReturnType<typeof stubGraph>, id: string) =>
    graph.desired.find((node) => node.id === id)?.typicalDurationMs;

  it("drive core's steps where given, and generic figures elsewhere", () => {
    const generic = stubGraph(emptyCloud());
    expect(typical(generic, 'cluster/prod-green')).toBe(10 * MINUTE);
    expect(typical(generic, 'nodegroup/users')).toBe(5 * MINUTE);
    const declared = stubGraph(
      emptyCloud(),
      (text) => text,
      (provider) => ({ ...provider, typicalDurationsMs: { cluster: 7 * MINUTE, volume: 1_000 } }),
    );
    expect(typical(declared, 'cluster/prod-green')).toBe(7 * MINUTE);
    expect(typical(declared, 'volume/example-simple')).toBe(1_000);
    expect(typical(declared, 'nodegroup/users')).toBe(5 * MINUTE);
  });
});

describe("the provider's credentialLifetimeMs", () => {
  const KUBECONFIG = [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]',
    'users: [{ name: u, user: { token: t } }]',
    'contexts: [{ name: c, context: { cluster: c, user: u } }]',
    'current-context: c',
  ].join('\n');

  function connection(credentialLifetimeMs?: number) {
    let now = 0;
    let fetched = 0;
    const session = emptyCloud();
    session.cluster.kubeconfig = async () => {
      fetched += 1;
      return KUBECONFIG;
    };
    const cluster = createClusterConnection({
      cluster: session.cluster,
      cache: createReadCache('live'),
      now: () => now,
      ...(credentialLifetimeMs === undefined ? {} : { credentialLifetimeMs }),
    });
    return {
      at: async (ms: number) => {
        now = ms;
        await cluster.access();
        return fetched;
      },
    };
  }

  it('reuses a kubeconfig for at most half the credential’s life', async () => {
    const short = connection(20_000);
    expect(await short.at(0)).toBe(1);
    expect(await short.at(9_000)).toBe(1);
    expect(await short.at(11_000)).toBe(2);
  });

  it('and never for more than a minute, or when it does not say', async () => {
    for (const lifetime of [15 * MINUTE, undefined]) {
      const long = connection(lifetime);
      expect(await long.at(0)).toBe(1);
      expect(await long.at(59_000)).toBe(1);
      expect(await long.at(61_000)).toBe(2);
    }
  });
});
