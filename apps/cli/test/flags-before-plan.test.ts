import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { sim, simWorkspace } from './sim-harness.js';

describe('up and down check their flags before planning', () => {
  it.each([
    [
      'up',
      ['--yes', '--timings', 'missing-directory/timings.json'],
      /--timings .*missing-directory.* does not exist/,
    ],
    ['up', ['--yes', '--parallelism', '0'], /--parallelism must be a whole number of at least 1, not "0"/],
    ['down', ['--yes', '--timings', '.'], /--timings \. is a directory/],
  ])('%s %j: exit 2 with a hint, and the simulated cloud never started', async (command, args, message) => {
    const workspace = simWorkspace('quickstart.yaml');
    const extra = args.map((arg) => (arg.startsWith('missing-') ? join(workspace.directory, arg) : arg));
    const run = await sim(workspace, command, extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('  → ');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).not.toContain('Plan for');
    expect(existsSync(workspace.stateDirectory)).toBe(false);
  });
});
