import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, runHubfleet } from './cli-harness.js';

const run = promisify(execFile);

describe('hubfleet render of the NeCTAR example', () => {
  it('writes the bootstrap and upgrade scripts to bootstrap/*.sh, executable, and each passes the real shellcheck', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-render-nectar-'));
    const config = join(directory, 'nectar-unimelb.yaml');
    writeFileSync(config, readFileSync(join(repoRoot, 'examples/nectar-unimelb.yaml'), 'utf8'));
    mkdirSync(join(directory, 'tls'));
    writeFileSync(join(directory, 'tls/comp20003-jh.crt'), 'certificate\n');
    writeFileSync(join(directory, 'tls/comp20003-jh.key'), 'key\n');
    const out = join(directory, 'out');
    const result = await runHubfleet(['render', '-c', config, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('9 files (bootstrap/)');
    const scripts = readdirSync(join(out, 'bootstrap')).sort();
    expect(scripts).toEqual([
      'control-plane.sh',
      'node-compute.sh',
      'node-core.sh',
      'storage.sh',
      'upgrade-control-plane.sh',
      'upgrade-node-drain.sh',
      'upgrade-node-kubeadm.sh',
      'upgrade-node-kubelet.sh',
      'upgrade-node-uncordon.sh',
    ]);
    for (const script of scripts) {
      const path = join(out, 'bootstrap', script);
      expect(statSync(path).mode & 0o111, script).not.toBe(0);
      await expect(run('shellcheck', ['--severity=style', path])).resolves.toMatchObject({ stdout: '' });
    }
    // A second render replaces bootstrap/ rather than refusing the directory.
    expect((await runHubfleet(['render', '-c', config, '--out', out])).code).toBe(0);
  });
});
