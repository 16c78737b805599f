import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventory, sim, simWorkspace } from './sim-harness.js';

describe('switching a hub from shared-nfs to per-user volumes', () => {
  it('removes its NFS server release, keeps its volume and lists it in status with a note', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    const volume = (await inventory(workspace, 'prod-green')).volumes[0]?.id;
    expect(volume).toMatch(/^vol-/);
    const text = readFileSync(workspace.config, 'utf8');
    const switched = text
      .replace(/home: shared-nfs( +)#/, 'home: per-user-volume$1#')
      .replace(/sharedDir: true( +)#/, 'sharedDir: false$1#');
    expect(switched).toContain('home: per-user-volume');
    writeFileSync(workspace.config, switched);

    const plan = await sim(workspace, 'plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('-   storage-server/example-simple  no longer in the config');
    expect(plan.stdout).toContain(
      '=   volume/example-simple  retained: hub example-simple no longer keeps homes on it (storage.home is per-user-volume)',
    );
    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain(`note: hub example-simple: volume ${volume} is retained`);

    const status = JSON.parse((await sim(workspace, 'status', ['--output', 'json'])).stdout);
    expect(status.hubs).toEqual([
      expect.objectContaining({
        name: 'example-simple',
        volume,
        storage: null,
        ready: true,
        note: expect.any(String),
      }),
    ]);
    expect((await inventory(workspace, 'prod-green')).volumes.map((found) => found.id)).toEqual([volume]);
    const again = await sim(workspace, 'plan');
    expect(again.stdout.split('\n')[0]).toBe(
      'No changes: prod-green is up to date. Retained: volume/example-simple.',
    );
  });
});
