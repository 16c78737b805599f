import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { hubfleetBin, runHubfleet, STACK_TRACE } from './cli-harness.js';

describe('hubfleet sim serve', () => {
  it('prints its endpoints as one JSON line, answers on them, and stops on SIGINT', async () => {
    const state = mkdtempSync(join(tmpdir(), 'hubfleet-sim-serve-'));
    const child = spawn(
      process.execPath,
      [hubfleetBin, 'sim', 'serve', '--state', state, '--speed', '1000'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    const { endpoints } = JSON.parse(firstLine) as { endpoints: Record<string, string> };
    expect(Object.keys(endpoints).sort()).toEqual(['ec2', 'eks', 'iam', 'kubernetes', 's3', 'sts']);
    for (const url of Object.values(endpoints)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const clusters = await fetch(`${endpoints.eks}/clusters`);
    expect(clusters.status).toBe(200);
    expect(await clusters.json()).toEqual({ clusters: [] });
    expect((await fetch(`${endpoints.kubernetes}/api/v1/nodes`)).status).toBe(401);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a speed that is not a positive number, exit 2', async () => {
    const run = await runHubfleet([
      'sim',
      'serve',
      '--speed',
      '0',
      '--state',
      mkdtempSync(join(tmpdir(), 'hubfleet-sim-')),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--speed must be a positive number');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});
