import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const hubfleetBin = fileURLToPath(new URL('../bin/hubfleet.mjs', import.meta.url));

/**
 * Node's flags for the `hubfleet` processes the tests start: V8's optimizing compiler off. A test's
 * process lives a few seconds, and on a busy 2-core machine TurboFan's compiling costs more CPU than
 * its faster code saves there (under a loaded CI run: AWS first `up --sim` 2.99 → 2.31 s of CPU, GKE
 * `status` 3.26 → 2.67 s). The code run is the same; only how V8 compiles it differs. The binary
 * itself keeps V8's defaults: on an operator's idle machine they were the faster in wall time.
 */
export const NODE_FLAGS = ['--no-opt'] as const;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `hubfleet` binary as a user would (run `npm run build` first; `npm test` does). */
export function runHubfleet(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, hubfleetBin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
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
  });
}

/** Looks like a JavaScript stack trace line. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/**
 * A queue running at most `limit` tasks at once: many CLI processes started together only compete for
 * the cores (and memory) and each takes longer; queued, each finishes soon after it starts.
 */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot straight to the next waiting one.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
