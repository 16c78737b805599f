import type { HubfleetError, ProviderSessionV1 } from '@hubfleet/core';
import { buildDeploymentGraph } from '@hubfleet/core/deployment';
import { planChanges, planTeardown, refusalError } from '@hubfleet/core/engine';
import { simulatedInstaller } from '@hubfleet/core/kubernetes';
import { describe, expect, it } from 'vitest';
import { stfcConfig } from '../../test/edge-world.js';
import { openstackProvider } from '../index.js';
import { magnumEdgeResources } from './index.js';

/**
 * core's deployment code runs from its build here (subpath imports), so "no cluster" must be the
 * build's HubfleetError for its `instanceof`: taken from an error the build makes.
 */
const CoreError = refusalError([{ stepId: 'x', what: 'x', missing: [] }]).constructor as typeof HubfleetError;

/** A session on a project where nothing exists yet: the graph's shape does not depend on what exists. */
function emptyProject(): ProviderSessionV1 {
  const nothing = async () => undefined;
  const unused = async () => {
    throw new Error('no OpenStack call while nothing exists');
  };
  const config = stfcConfig();
  return {
    cluster: {
      observe: nothing,
      create: nothing,
      update: async () => [],
      delete: nothing,
      kubeconfig: async () => {
        throw new CoreError({ kind: 'not-found', message: 'no cluster' });
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
      create: unused,
      snapshot: unused,
      delete: nothing,
      attachment: (volume) => ({ csiDriver: 'cinder.csi.openstack.org', volumeHandle: volume.id }),
    },
    resources: () => magnumEdgeResources({ network: unused, loadBalancer: unused, cluster: nothing, config }),
    addons: () => [],
    close: nothing,
  } as ProviderSessionV1;
}

describe("seed 002's fixes in core's deployment graph of examples/openstack-stfc.yaml", () => {
  it('sit where their anchors say, without a cycle, and go in the reverse order in down', async () => {
    const graph = buildDeploymentGraph({
      config: stfcConfig(),
      provider: openstackProvider,
      session: emptyProject(),
      installer: simulatedInstaller({
        chartsDirectory: '/nowhere',
        run: async () => ({ code: 1, stdout: '', stderr: '' }),
      }),
      resolveSecret: () => 'value',
      pollIntervalMs: 1,
      sleep: async () => undefined,
    });
    const plan = await planChanges({
      deployment: 'jupyter-prod',
      desired: graph.desired,
      sleep: async () => undefined,
    });
    const after = (id: string) => plan.steps.find((step) => step.id === id)?.dependsOn ?? [];
    const ids = plan.steps.map((step) => step.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'daemonset/csi-cinder-nodeplugin',
        'octavia/load-balancers',
        'floating-ip/ingress',
        'acme/letsencrypt',
      ]),
    );
    expect(after('daemonset/csi-cinder-nodeplugin')).toEqual(['cluster/jupyter-prod']);
    for (const group of ['core', 'default-worker', 'gpu-worker']) {
      expect(after(`nodegroup/${group}`)).toContain('daemonset/csi-cinder-nodeplugin');
      expect(after('octavia/load-balancers')).toContain(`nodegroup/${group}`);
    }
    expect(after('tool/ingress-nginx')).toContain('octavia/load-balancers');
    expect(after('floating-ip/ingress')).toEqual(['cluster/jupyter-prod']);
    expect(after('acme/letsencrypt')).toEqual(['floating-ip/ingress']);
    expect(after('tool/cert-manager')).toContain('acme/letsencrypt');
    for (const hub of ['jhub', 'outreach']) {
      expect(after(`hub/${hub}`)).toEqual(
        expect.arrayContaining(['floating-ip/ingress', 'octavia/load-balancers']),
      );
    }

    // down, the reverse: releases → the Services' load balancers → nodegroups → the CSI patch → cluster.
    const down = await planTeardown({
      deployment: 'jupyter-prod',
      resources: await graph.teardown(),
      sleep: async () => undefined,
    });
    const before = (id: string) => down.steps.find((step) => step.id === id)?.dependsOn ?? [];
    expect(before('octavia/load-balancers')).toEqual(
      expect.arrayContaining(['tool/ingress-nginx', 'hub/jhub', 'hub/outreach']),
    );
    expect(before('nodegroup/gpu-worker')).toContain('octavia/load-balancers');
    expect(before('daemonset/csi-cinder-nodeplugin')).toContain('nodegroup/gpu-worker');
    expect(before('cluster/jupyter-prod')).toEqual(
      expect.arrayContaining([
        'daemonset/csi-cinder-nodeplugin',
        'octavia/load-balancers',
        'floating-ip/ingress',
      ]),
    );
    expect(before('floating-ip/ingress')).toEqual(expect.arrayContaining(['hub/jhub', 'acme/letsencrypt']));
  });
});
