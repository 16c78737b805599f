import { describe, expect, it } from 'vitest';
import { planChanges, planTeardown } from '../engine/plan.js';
import { HubfleetError } from '../errors/index.js';
import { simulatedInstaller } from '../kubernetes/install/simulated-installer.js';
import { configText, loadConfig } from '../kubernetes/tools/testing/stand-in-providers.js';
import type { ProviderSessionV1 } from '../provider/v1/session.js';
import { buildDeploymentGraph } from './build-graph.js';
import type { ClusterAddonsHook } from './cluster-addons.js';

/**
 * A session on a cloud where nothing exists yet. The graph's shape (who waits for whom) does not
 * depend on what exists; the CLI tests run the same graph against the simulated AWS account.
 */
function emptyCloud(): ProviderSessionV1 & { clusterAddons: ClusterAddonsHook } {
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
    clusterAddons: {
      names: ['identity-agent', 'csi-driver'],
      observe: async () => [],
      ensure: nothing,
      delete: nothing,
    },
    addons: () => [],
    close: nothing,
  };
}

function graph() {
  const { config, provider } = loadConfig(
    configText({ tls: '{ mode: letsencrypt, email: ops@example.edu }' }),
  );
  return buildDeploymentGraph({
    config,
    provider,
    session: emptyCloud(),
    installer: simulatedInstaller({
      chartsDirectory: '/nowhere',
      run: async () => ({ code: 1, stdout: '', stderr: 'unused' }),
    }),
    resolveSecret: () => 'value',
  });
}

describe('buildDeploymentGraph', () => {
  it('plans the whole deployment from nothing: cloud first, the cluster before anything in it', async () => {
    const built = graph();
    const plan = await planChanges({
      deployment: 'prod-green',
      desired: built.desired,
      undesired: await built.findUndesired(),
    });
    const step = (id: string) => plan.steps.find((candidate) => candidate.id === id);
    expect(step('cluster/prod-green')).toMatchObject({ action: 'create', dependsOn: [] });
    expect(step('addon/cluster-addons')?.dependsOn).toEqual(['cluster/prod-green']);
    expect(step('nodegroup/users')?.dependsOn).toEqual(['cluster/prod-green', 'addon/cluster-addons']);
    expect(step('volume/example-simple')).toMatchObject({ action: 'create', dependsOn: [] });
    expect(step('storage-server/example-simple')?.dependsOn).toEqual(
      expect.arrayContaining(['nodegroup/core', 'namespace/example-simple', 'volume/example-simple']),
    );
    expect(step('hub/example-simple')?.dependsOn).toEqual(
      expect.arrayContaining([
        'tool/placeholders',
        'storage-server/example-simple',
        'tool/ingress-nginx',
        'tool/cert-manager',
        'namespace/example-simple',
      ]),
    );
    expect(step('clusterissuer/letsencrypt')?.dependsOn).toEqual(['cluster/prod-green', 'tool/cert-manager']);
    expect(
      plan.steps
        .filter((candidate) => candidate.intent === 'present')
        .every((candidate) => candidate.action === 'create'),
    ).toBe(true);
  });

  it('tears down hub releases → LoadBalancer Services → nodegroups → add-ons → cluster; volumes after their NFS server', async () => {
    const built = graph();
    const plan = await planTeardown({ deployment: 'prod-green', resources: await built.teardown() });
    const after = (id: string) => plan.steps.find((candidate) => candidate.id === id)?.dependsOn ?? [];
    expect(after('load-balancers/prod-green')).toEqual(
      expect.arrayContaining(['hub/example-simple', 'tool/ingress-nginx']),
    );
    for (const group of ['tools', 'core', 'users', 'gpu']) {
      expect(after(`nodegroup/${group}`)).toContain('load-balancers/prod-green');
      expect(after('addon/cluster-addons')).toContain(`nodegroup/${group}`);
    }
    expect(after('cluster/prod-green')).toEqual(
      expect.arrayContaining(['addon/cluster-addons', 'namespace/example-simple']),
    );
    expect(after('volume/example-simple')).toEqual(['storage-server/example-simple']);
    expect(
      plan.steps.find((candidate) => candidate.id === 'cluster/prod-green')?.destructive,
    ).toBeUndefined();
  });
});
