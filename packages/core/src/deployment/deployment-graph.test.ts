import { describe, expect, it } from 'vitest';
import { planChanges, planTeardown } from '../engine/plan.js';
import { emptyCloud, stubGraph } from './testing/stub-cloud.js';

const graph = () => stubGraph(emptyCloud());

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
