import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type CliRun, hubfleetBin, repoRoot } from './cli-harness.js';
import { callsDuring, inventory, simWorkspace } from './sim-harness.js';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Run a shell command line as a user would type it (real pipes and redirections), feeding `input` to its stdin. */
function shell(line: string, input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `set -o pipefail; ${line}`], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // Typed ahead: the terminal keeps it until the question reads it (the question itself may be
    // piped away to `tail` with stderr).
    child.stdin.write(input);
    if (input === '') child.stdin.end();
  });
}

/** A command line under `script`, so its stdin is a terminal (a pty) whatever else is piped. */
function onTerminal(command: string): string {
  return `script -qefc ${quote(`bash -c ${quote(`set -o pipefail; ${command}`)}`)} /dev/null`;
}

describe('confirmation: only --yes or "yes" typed on a terminal applies a plan', { timeout: 120_000 }, () => {
  const workspace = simWorkspace('aws-dsosu.yaml');
  const up = `node ${quote(hubfleetBin)} up -c ${quote(workspace.config)} --sim`;

  it('`up --sim < /dev/null | cat` without --yes exits 3 and makes 0 mutating calls', async () => {
    const { result, calls } = await callsDuring(workspace, () => shell(`${up} < /dev/null | cat`));
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Plan for prod-green (hubfleet up):');
    expect(result.stderr).toContain('no terminal on stdin to confirm on, and no --yes; nothing was changed');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  it('on a terminal with stdout piped to `tail`, an answer other than "yes" applies nothing (exit 3)', async () => {
    const { result, calls } = await callsDuring(workspace, () =>
      shell(onTerminal(`${up} 2>&1 | tail -3`), 'no\r'),
    );
    expect(result.stdout).toContain('not applied: nothing was changed');
    expect(result.code).toBe(3);
    // A run that may apply takes the deployment's lock before its final plan and the question, as
    // Terraform does: the lock's own S3 object is the only thing written, and it is gone again.
    const written = calls.filter((call) => call.mutating).map((call) => `${call.service}.${call.operation}`);
    expect(new Set(written)).toEqual(new Set(['s3.CreateBucket', 's3.PutObject', 's3.DeleteObject']));
  });

  it('on a terminal with stdout piped, "yes" typed applies the plan', async () => {
    const { result } = await callsDuring(workspace, () => shell(onTerminal(`${up} | tail -3`), 'yes\r'));
    expect(result.code).toBe(0);
    expect((await inventory(workspace, 'prod-green')).clusters).toHaveLength(1);
  });
});
