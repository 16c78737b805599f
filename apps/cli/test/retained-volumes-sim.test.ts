import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { inventory, sim, simWorkspace } from './sim-harness.js';

/**
 * Issue 11: a retained volume's id stays in `status` after its hub left the config, and
 * `down --delete-data` with `onDelete: snapshot` names the snapshot it took. On the quickstart:
 * hub `demo` (onDelete retain, the default) is renamed `course`, whose onDelete is snapshot.
 */
describe('retained volumes and snapshots --sim (examples/quickstart.yaml)', { timeout: 600_000 }, () => {
  const workspace = simWorkspace('quickstart.yaml');
  let demoVolume = '';

  it('up, then a rename of the hub: status still lists demo’s retained volume by id', async () => {
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    demoVolume = (await inventory(workspace, 'quickstart')).volumes[0]?.id ?? '';
    expect(demoVolume).toMatch(/^vol-/);
    writeFileSync(
      workspace.config,
      readFileSync(workspace.config, 'utf8')
        .replace('  - name: demo ', '  - name: course ')
        .replace('      size: 10Gi', '      size: 10Gi\n      onDelete: snapshot'),
    );
    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.stderr).not.toMatch(STACK_TRACE);
    expect(up.code).toBe(0);
    const status = JSON.parse((await sim(workspace, 'status', ['--output', 'json'])).stdout);
    expect(status.retainedVolumes).toEqual([{ hub: 'demo', volume: demoVolume }]);
    const text = await sim(workspace, 'status');
    expect(text.stdout).toMatch(
      new RegExp(`Retained volumes[^\\n]*\\n\\s*HUB\\s+VOLUME\\n\\s*demo\\s+${demoVolume}`),
    );
  });

  it('down --delete-data names the snapshot it took of course’s volume; demo’s volume stays in status', async () => {
    const before = (await inventory(workspace, 'quickstart')).volumes.map((volume) => volume.id);
    const courseVolume = before.find((id) => id !== demoVolume);
    const down = await sim(workspace, 'down', ['--yes', '--delete-data']);
    expect(down.stderr).not.toMatch(STACK_TRACE);
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(
      new RegExp(
        `Snapshot snap-\\w+ of hub course's volume ${courseVolume} \\(storage.onDelete: snapshot\\) holds its data`,
      ),
    );
    expect((await inventory(workspace, 'quickstart')).volumes.map((volume) => volume.id)).toEqual([
      demoVolume,
    ]);
    const status = JSON.parse((await sim(workspace, 'status', ['--output', 'json'])).stdout);
    expect(status.cluster).toBeNull();
    expect(status.retainedVolumes).toEqual([{ hub: 'demo', volume: demoVolume }]);
  });
});
