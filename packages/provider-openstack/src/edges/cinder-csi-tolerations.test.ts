import { afterEach, describe, expect, it } from 'vitest';
import { type EdgeWorld, startEdgeWorld } from '../../test/edge-world.js';
import { CINDER_CSI_NODE_PLUGIN, cinderCsiTolerations } from './cinder-csi-tolerations.js';

let world: EdgeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const REF = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...CINDER_CSI_NODE_PLUGIN };

async function scheduled(w: EdgeWorld): Promise<number | undefined> {
  const daemonSet = await w.access.get(REF);
  return (daemonSet?.status as { desiredNumberScheduled?: number } | undefined)?.desiredNumberScheduled;
}

describe('daemonset/csi-cinder-nodeplugin', () => {
  it('makes the node plugin tolerate every taint, so it runs on the tainted GPU node too; a second up is a no-op', async () => {
    world = await startEdgeWorld();
    const resource = cinderCsiTolerations();
    const context = world.context();
    expect(resource).toMatchObject({ dependsOn: ['cluster'], requiredBy: ['nodegroups'] });
    expect(await scheduled(world)).toBe(2);
    expect(await resource.observe(context)).toBeUndefined();
    expect(resource.diff(undefined).action).toBe('create');

    await resource.apply('create', context);
    const observed = await resource.observe(context);
    expect(observed).toMatchObject({ toleratesAll: true, desired: 3 });
    expect(resource.diff(observed)).toMatchObject({
      action: 'noop',
      reason: 'tolerates every taint; runs on 3 nodes',
    });
    const template = (await world.access.get(REF))?.spec as { template: { spec: Record<string, unknown> } };
    expect(template.template.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(template.template.spec.containers).toHaveLength(3);

    // Magnum (or an operator) takes the fix out: the next up sees it and applies it again.
    await world.access.apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: REF.name, namespace: REF.namespace },
      spec: { template: { spec: { tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }] } } },
    });
    expect(await resource.observe(context)).toBeUndefined();
    await resource.apply('update', context);
    expect(await resource.observe(context)).toMatchObject({ desired: 3 });
  });

  it('gives the field back in down, and says what to do when Magnum deployed no Cinder CSI', async () => {
    world = await startEdgeWorld();
    const resource = cinderCsiTolerations();
    const context = world.context();
    await resource.apply('create', context);
    await resource.apply('delete', context);
    expect(await resource.observe(context)).toBeUndefined();
    expect(await scheduled(world)).toBe(2);

    await world.access.delete(REF);
    await expect(resource.apply('create', context)).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('Magnum did not deploy the Cinder CSI driver'),
      hint: expect.stringContaining('cinder_csi_enabled=true'),
    });
    await resource.apply('delete', context);
  });
});
