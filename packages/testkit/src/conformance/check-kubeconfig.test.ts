import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallLog } from '../framework/call-log.js';
import { createManualClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import { type RunningKubernetesFake, startKubernetesFake } from '../kubernetes/index.js';
import {
  checkCreateCluster,
  checkKubeconfigReachesApi,
  conformanceContext,
  createInMemorySession,
  inMemoryConformanceConfig,
  inMemoryProvider,
} from './index.js';

let kubernetes: RunningKubernetesFake;
beforeAll(async () => {
  kubernetes = await startKubernetesFake({
    clock: createManualClock(),
    faults: createFaultInjector(),
    callLog: createCallLog(),
    tls: true,
    tokens: 'issued',
  });
});
afterAll(() => kubernetes?.close());

/** An active in-memory cluster whose kubeconfig() is `kubeconfig`. */
async function activeClusterWith(kubeconfig: () => Promise<string>) {
  const config = inMemoryConformanceConfig('kubeconfig-check');
  const clock = createManualClock();
  const context = conformanceContext(
    {
      session: createInMemorySession({ config, clock, kubeconfig }),
      settle: async () => clock.advance(3_600_000),
      teardown: async () => {},
    },
    { config, provider: inMemoryProvider(), poll: { attempts: 5 }, kubernetes: true },
  );
  await checkCreateCluster(context);
  return context;
}

describe('checkKubeconfigReachesApi', () => {
  it('reports the credential kind of a kubeconfig that reaches the API', async () => {
    const certificate = await kubernetes.kubeconfig({ kind: 'client-certificate' });
    const token = await kubernetes.kubeconfig({ kind: 'token' });
    expect(await checkKubeconfigReachesApi(await activeClusterWith(async () => certificate))).toBe(
      'client-certificate',
    );
    expect(await checkKubeconfigReachesApi(await activeClusterWith(async () => token))).toBe('token');
  });

  it('fails for a kubeconfig without a credential, and for one the API does not let in', async () => {
    const document = JSON.parse(await kubernetes.kubeconfig({ kind: 'token' })) as {
      users: { user: Record<string, unknown> }[];
    };
    const stripped = JSON.stringify({ ...document, users: [{ name: 'fake-token', user: {} }] });
    await expect(
      checkKubeconfigReachesApi(await activeClusterWith(async () => stripped)),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
    });
    const unknownToken = await kubernetes.kubeconfig({ kind: 'token', token: 'not-issued' });
    await expect(
      checkKubeconfigReachesApi(await activeClusterWith(async () => unknownToken)),
    ).rejects.toMatchObject({ kind: 'permission' });
  });
});
