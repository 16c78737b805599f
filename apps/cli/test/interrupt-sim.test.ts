import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { hubfleetBin, repoRoot } from './cli-harness.js';
import { lockObjects } from './lock-objects.js';
import { simWorkspace } from './sim-harness.js';

interface SignalledRun {
  code: number | null;
  finished?: { outcome: string };
  stderr: string;
}

/** `up --output json`, sent `signal` once the first step that changed something has finished. */
function upSignalled(signal: NodeJS.Signals): Promise<SignalledRun> {
  const workspace = simWorkspace('aws-dsosu.yaml');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [hubfleetBin, 'up', '-c', workspace.config, '--sim', '--yes', '--output', 'json', '--sim-speed', '200'],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', HOME: workspace.directory },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let signalled = false;
    let finished: { outcome: string } | undefined;
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { type: string; outcome?: string; summary?: { outcome: string } };
      if (!signalled && event.type === 'step-finished' && event.outcome === 'done') {
        signalled = true;
        child.kill(signal);
      }
      if (event.summary !== undefined) finished = event.summary;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      expect(lockObjects(workspace), 'the lock is released on the way out').toEqual([]);
      resolve({ code, stderr, ...(finished === undefined ? {} : { finished }) });
    });
  });
}

describe('a signal during up: stop at a safe point, release the lock, exit 130', { timeout: 180_000 }, () => {
  it.each(['SIGINT', 'SIGHUP', 'SIGTERM'] as const)('%s', async (signal) => {
    const run = await upSignalled(signal);
    expect(run.stderr).toContain(`${signal}: finishing the steps in flight, starting no new ones`);
    expect(run.finished?.outcome).toBe('interrupted');
    expect(run.code).toBe(130);
  });
});
