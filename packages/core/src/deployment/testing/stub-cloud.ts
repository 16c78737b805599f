import type { RetryPolicy } from '../../engine/retry.js';
import { HubfleetError } from '../../errors/index.js';
import { simulatedInstaller } from '../../kubernetes/install/simulated-installer.js';
import { configText, loadConfig } from '../../kubernetes/tools/testing/stand-in-providers.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ProviderResourceV1 } from '../../provider/v1/resources.js';
import type { ProviderSessionV1 } from '../../provider/v1/session.js';
import { buildDeploymentGraph, type DeploymentGraph } from '../build-graph.js';

export type StubSession = ProviderSessionV1 & { resources: () => ProviderResourceV1[] };

/** A provider resource shaped like EKS's add-ons: after the cluster, before every nodegroup. */
export function stubAddonsResource(): ProviderResourceV1 {
  return {
    name: 'cluster-addons',
    kind: 'addon',
    layer: 'cluster-addons',
    dependsOn: ['cluster'],
    requiredBy: ['nodegroups'],
    observe: async () => undefined,
    diff: (observed) =>
      observed === undefined
        ? { action: 'create', reason: 'identity-agent, csi-driver are not installed' }
        : { action: 'noop', reason: 'active' },
    apply: async () => undefined,
  };
}

/**
 * A session on a cloud where nothing exists yet; tests replace the parts they play with. The graph's
 * shape (who waits for whom) does not depend on what exists; the CLI tests run the same graph against
 * the simulated AWS account.
 */
export function emptyCloud(): StubSession {
  const nothing = async () => undefined;
  return {
    cluster: {
      observe: nothing,
      create: nothing,
      update: async () => [],
      delete: nothing,
      kubeconfig: async () => {
        throw new HubfleetError({ kind: 'not-found', message: 'no cluster' });
      },
    },
    nodeGroups: {
      list: async () => [],
      create: nothing,
      update: async () => [],
      delete: nothing,
      requiresReplacement: () => false,
    },
    volumes: {
      list: async () => [],
      create: async () => {
        throw new Error('not in this test');
      },
      snapshot: async () => ({ snapshotId: 'snap-1' }),
      delete: nothing,
      attachment: (volume) => ({ csiDriver: 'csi.example', volumeHandle: volume.id }),
    },
    resources: () => [stubAddonsResource()],
    addons: () => [],
    close: nothing,
  };
}

/** Quick retries with no waiting, for tests. */
export const TEST_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1 };

/** The deployment graph of `configText()` (or `edit` of it) on `session`, waiting and retrying without delay. */
export function stubGraph(
  session: ProviderSessionV1,
  edit: (text: string) => string = (text) => text,
  withProvider: (provider: ProviderV1) => ProviderV1 = (provider) => provider,
): DeploymentGraph {
  const { config, provider } = loadConfig(
    edit(configText({ tls: '{ mode: letsencrypt, email: ops@example.edu }' })),
  );
  return buildDeploymentGraph({
    config,
    provider: withProvider(provider),
    session,
    installer: simulatedInstaller({
      chartsDirectory: '/nowhere',
      run: async () => ({ code: 1, stdout: '', stderr: 'unused' }),
    }),
    resolveSecret: () => 'value',
    pollIntervalMs: 1,
    sleep: async () => undefined,
    retry: TEST_RETRY,
  });
}
