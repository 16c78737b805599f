import { spawn } from 'node:child_process';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import type { HelmRunner } from './helm-types.js';

function spawnFailure(binary: string, error: NodeJS.ErrnoException): HubfleetError {
  return new HubfleetError({
    kind: 'not-found',
    message: `helm could not be started (${binary}): ${error.code ?? error.message}`,
    hint:
      error.code === 'ENOEXEC'
        ? 'this helm binary is for another platform: install helm 3 for this machine and put it on the PATH'
        : 'check that the helm binary exists and is executable, or put helm 3 on the PATH',
    subject: 'helm',
    cause: error,
  });
}

/**
 * The real runner: spawns `binary` with an argument vector (never through a shell, so no value is
 * ever interpreted) and collects its output. helm runs in a process group of its own (`detached`), so
 * the Ctrl-C a terminal sends to hubfleet's group does not kill an install or uninstall in flight:
 * the first Ctrl-C lets running steps finish (the engine stops launching new ones); helm is still
 * awaited here, so hubfleet never exits before it on its own.
 */
export function spawnHelm(binary: string): HelmRunner {
  return (args, env) =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, [...args], {
        env: { ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => reject(spawnFailure(binary, error)));
      child.on('close', (code, signal) => {
        resolve({
          code: code ?? (signal === null ? 1 : 128),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      });
    });
}
