import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnHelm } from './spawn-helm.js';

const processGroupOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim();

describe('spawnHelm', () => {
  it("runs helm in a process group of its own, so a terminal's Ctrl-C to hubfleet's group does not reach it", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-fake-helm-'));
    const binary = join(directory, 'helm');
    writeFileSync(binary, '#!/bin/sh\necho "$$ $(ps -o pgid= -p $$)"\n');
    chmodSync(binary, 0o755);
    const result = await spawnHelm(binary)(['version'], { PATH: process.env.PATH ?? '' });
    expect(result.code).toBe(0);
    const [pid, group] = result.stdout.trim().split(/\s+/);
    expect(group).toBe(pid);
    expect(group).not.toBe(processGroupOf(process.pid));
  });
});
