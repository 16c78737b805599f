import { describe, expect, it } from 'vitest';
import { planChanges } from '../engine/plan.js';
import { observeDeploymentStatus } from './deployment-status.js';
import { emptyCloud, stubGraph } from './testing/stub-cloud.js';

/** The hub example-simple, switched from shared-nfs to per-user volumes, with its NFS volume still there. */
function switchedHub() {
  const session = emptyCloud();
  session.volumes.list = async () => [
    { id: 'vol-nfs', hub: 'example-simple', sizeGiB: 10, status: 'available', tags: {} },
  ];
  return stubGraph(session, (text) =>
    text.replace(
      '    auth: { type: native, admins: [admin] }\n',
      '    auth: { type: native, admins: [admin] }\n    storage: { home: per-user-volume }\n',
    ),
  );
}

describe('a hub whose storage.home left shared-nfs', () => {
  it('has its NFS server release undesired and its volume retained, saying why', async () => {
    const graph = switchedHub();
    expect(graph.desired.map((node) => node.id)).not.toContain('volume/example-simple');
    const undesired = await graph.findUndesired();
    const plan = await planChanges({ deployment: 'prod-green', desired: graph.desired, undesired });
    const step = (id: string) => plan.steps.find((candidate) => candidate.id === id);
    expect(step('storage-server/example-simple')).toMatchObject({ intent: 'absent' });
    expect(step('volume/example-simple')).toMatchObject({
      intent: 'absent',
      action: 'noop',
      retained: true,
      reason:
        'retained: hub example-simple no longer keeps homes on it (storage.home is per-user-volume), so the volume and its data stay',
    });
    expect(step('volume/example-simple')?.destructive).toBeUndefined();
  });

  it('keeps the volume listed in status, with a note', async () => {
    const status = await observeDeploymentStatus(switchedHub());
    expect(status.hubs).toEqual([
      expect.objectContaining({
        name: 'example-simple',
        volume: 'vol-nfs',
        storage: null,
        note: expect.stringMatching(
          /^volume vol-nfs is retained from when homes were on shared-nfs; with storage\.home per-user-volume nothing mounts it/,
        ),
      }),
    ]);
  });

  it('a shared-nfs hub has no such steps and no note', async () => {
    const session = emptyCloud();
    const graph = stubGraph(session);
    const undesired = await graph.findUndesired();
    expect(undesired.map((node) => node.id)).not.toContain('storage-server/example-simple');
    const status = await observeDeploymentStatus(graph);
    expect(status.hubs[0]?.note).toBeUndefined();
  });
});
