import { type AddressInfo, createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../src/http/http-transport.js';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../src/http/retry-policy.js';
import { createCluster, getCluster, listClusters } from '../src/magnum/magnum-clusters.js';
import { type FakeWorld, sessionFor, startFakeWorld } from './fake-world.js';
import { MINUTE, startMagnum } from './magnum-world.js';

/** A loopback URL on which nothing listens (a port just released). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

let world: FakeWorld;
let templateId: string;
beforeEach(async () => {
  world = await startFakeWorld();
  ({ templateId } = await startMagnum(world));
});
afterEach(() => world.close());

const count = (service: string, operation: string) => world.callLog.count({ service, operation });

describe('tokens, 401 and dropped connections, end to end', () => {
  it('re-authenticates once on a 401 and replays the request', async () => {
    const magnum = await sessionFor(world).service('container-infra');
    const uuid = await createCluster(magnum, { name: 'hub', cluster_template_id: templateId });
    world.keystone.fake.revokeAllTokens();
    expect((await getCluster(magnum, uuid)).name).toBe('hub');
    expect(count('keystone', 'IssueToken')).toBe(2);
    expect(
      world.callLog.calls.filter((call) => call.operation === 'ShowCluster').map((call) => call.status),
    ).toEqual([401, 200]);
  });

  it('gives up after one replay when the new token is refused too, as a permission error', async () => {
    await world.close();
    world = await startFakeWorld();
    // A service whose token check refuses everything once the gate closes (a revoked role, say).
    let open = true;
    const check = world.common.validToken;
    ({ templateId } = await startMagnum(world, { validToken: (token) => open && check(token) }));
    const magnum = await sessionFor(world).service('container-infra');
    open = false;
    const error = await getCluster(magnum, 'x').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permission', status: 401 });
    expect(count('keystone', 'IssueToken')).toBe(2);
    expect(count('magnum', 'ShowCluster')).toBe(2);
  });

  it('renews an expired token before calling, so no call meets a 401', async () => {
    const magnum = await sessionFor(world).service('container-infra');
    await listClusters(magnum);
    world.clock.advance(61 * MINUTE);
    await listClusters(magnum);
    expect(count('keystone', 'IssueToken')).toBe(2);
    expect(world.callLog.calls.some((call) => call.status === 401)).toBe(false);
  });

  it('replays a GET whose connection dropped, but never a POST whose reply was lost', async () => {
    const magnum = await sessionFor(world).service('container-infra');
    world.faults.script({ operation: 'magnum.ListClusterDetails', fault: 'drop', times: 2 });
    expect(await listClusters(magnum)).toEqual([]);
    expect(count('magnum', 'ListClusterDetails')).toBe(3);
    world.faults.script({ operation: 'magnum.CreateCluster', fault: 'lost-reply', times: 1 });
    const error = await createCluster(magnum, { name: 'once', cluster_template_id: templateId }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status: 0 });
    expect((error as Error).message).toContain('not replayed');
    // The cloud did create it: the caller finds it by name instead of creating a second one.
    expect((await listClusters(magnum)).filter((cluster) => cluster.name === 'once')).toHaveLength(1);
    expect(count('magnum', 'CreateCluster')).toBe(1);
  });

  it('retries a refused connection (nothing reached the server) even for a POST, with bounded jittered waits', async () => {
    const waits: number[] = [];
    const transport = createHttpTransport({ sleep: async (ms) => void waits.push(ms), random: () => 0.999 });
    const error = await transport
      .send({ method: 'POST', url: `${await closedPortUrl()}/v3/auth/tokens`, headers: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError', attempts: 4 });
    expect(waits).toHaveLength(3);
    for (const [retry, wait] of waits.entries())
      expect(wait).toBeLessThan(DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** retry);
  });

  it('keeps every backoff within its doubled ceiling and the maximum, and honours Retry-After', () => {
    const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let retry = 0; retry < 8; retry += 1) {
      expect(backoffDelay(policy, retry, () => 0.999)).toBeLessThan(Math.min(1000, 100 * 2 ** retry));
      expect(backoffDelay(policy, retry, () => 0)).toBe(0);
    }
    expect(backoffDelay(policy, 0, () => 0.5, 5_000)).toBe(1000);
    expect(backoffDelay(policy, 0, () => 0.5, 300)).toBe(300);
  });
});
