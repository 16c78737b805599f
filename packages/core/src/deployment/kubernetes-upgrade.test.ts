import { describe, expect, it } from 'vitest';
import { planChanges } from '../engine/plan.js';
import { destructiveNote } from '../engine/safety.js';
import { HubfleetError } from '../errors/index.js';
import { nodeGroupLabels, nodeGroupTaints } from '../kubernetes/placement.js';
import type { ObservedNodeGroupV1 } from '../provider/v1/session.js';
import { emptyCloud, stubGraph } from './testing/stub-cloud.js';

/** A converged cloud running Kubernetes `running`, planned against a config asking for `wanted`. */
async function planFor(running: string, wanted: string) {
  const session = emptyCloud();
  session.cluster.observe = async () => ({
    name: 'prod-green',
    status: 'active',
    kubernetesVersion: running,
    tags: { 'hubfleet.io/deployment': 'prod-green' },
  });
  const built = stubGraph(session, (text) =>
    text.replace('cluster:\n', `cluster:\n  kubernetesVersion: "${wanted}"\n`),
  );
  session.nodeGroups.list = async () =>
    built.context.config.cluster.nodeGroups.map(
      (group): ObservedNodeGroupV1 => ({
        name: group.name,
        status: 'active',
        instanceType: group.instanceType,
        min: group.min,
        max: group.max,
        desired: group.min,
        kubernetesVersion: `${running}.4`,
        labels: nodeGroupLabels(group),
        taints: nodeGroupTaints(group),
        tags: {},
      }),
    );
  return planChanges({ deployment: 'prod-green', desired: built.desired });
}

async function refusalOf(running: string, wanted: string): Promise<HubfleetError> {
  const error = await planFor(running, wanted).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!HubfleetError.is(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('Kubernetes version upgrades', () => {
  it('plans one minor version up: the control plane, then every nodegroup rolling after it', async () => {
    const plan = await planFor('1.33', '1.34');
    const cluster = plan.steps.find((step) => step.id === 'cluster/prod-green');
    expect(cluster).toMatchObject({
      action: 'update',
      changes: [{ field: 'kubernetesVersion', from: '1.33', to: '1.34' }],
    });
    expect(cluster?.reason).toContain(
      'the control plane first, then each nodegroup, rolling (tools, core, users, gpu)',
    );
    for (const name of ['tools', 'core', 'users', 'gpu']) {
      const group = plan.steps.find((step) => step.id === `nodegroup/${name}`);
      expect(group).toMatchObject({
        action: 'update',
        changes: [{ field: 'kubernetesVersion', from: '1.33', to: '1.34' }],
      });
      expect(group?.dependsOn).toContain('cluster/prod-green');
      expect(group?.destructive).toBeUndefined();
    }
  });

  it('is a no-op once the cluster and nodegroups run the configured version (patch versions ignored)', async () => {
    const plan = await planFor('1.34', '1.34');
    expect(plan.steps.find((step) => step.id === 'cluster/prod-green')?.action).toBe('noop');
    expect(plan.steps.find((step) => step.id === 'nodegroup/users')?.action).toBe('noop');
  });

  it('refuses a downgrade and a skipped minor version (exit 3), saying what to set instead', async () => {
    const downgrade = await refusalOf('1.33', '1.32');
    expect(downgrade).toMatchObject({ kind: 'refused', subject: 'cluster.kubernetesVersion' });
    expect(downgrade.message).toContain('Kubernetes cannot be downgraded');
    expect(downgrade.hint).toContain('"1.33"');
    const skip = await refusalOf('1.33', '1.35');
    expect(skip.message).toContain('one minor version at a time');
    expect(skip.hint).toContain('"1.34"');
  });

  it('treats a rolling upgrade of a nodegroup with user pods as destructive (needs --allow-replace)', () => {
    expect(destructiveNote('update', { userPods: 3, rollsNodes: true }, 'up')).toMatchObject({
      requires: ['allowReplace'],
      what: expect.stringContaining('3 user pods running (rolling upgrade)'),
    });
    expect(destructiveNote('update', { userPods: 0, rollsNodes: true }, 'up')).toBeUndefined();
    expect(destructiveNote('update', { userPods: 3 }, 'up')).toBeUndefined();
  });
});
