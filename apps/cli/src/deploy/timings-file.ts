import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HubfleetError, type TimingsFile } from '@hubfleet/core';

const HINT = 'give a file in a directory you can write to, e.g. --timings ./timings.json';

function writable(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function problemWith(file: string): string | undefined {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) return 'is a directory';
    return writable(file, constants.W_OK) ? undefined : 'exists and cannot be written';
  }
  const directory = dirname(file);
  if (!existsSync(directory)) return `its directory ${directory} does not exist`;
  if (!statSync(directory).isDirectory()) return `${directory} is not a directory`;
  return writable(directory, constants.W_OK | constants.X_OK)
    ? undefined
    : `its directory ${directory} cannot be written`;
}

/** Before planning: refuse (exit 2) a `--timings` path that could not be written, so a run never ends on it. */
export function checkTimingsPath(path: string): void {
  const problem = problemWith(resolve(path));
  if (problem === undefined) return;
  throw new HubfleetError({ kind: 'invalid-config', message: `--timings ${path} ${problem}`, hint: HINT });
}

/** Write the `--timings` file; a failure (the disk filled up, the directory went) comes back as a HubfleetError. */
export function writeTimingsFile(path: string, timings: TimingsFile): HubfleetError | undefined {
  try {
    writeFileSync(path, `${JSON.stringify({ formatVersion: 1, ...timings }, null, 2)}\n`);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return new HubfleetError({
      kind: ['EACCES', 'EPERM', 'EROFS'].includes(code) ? 'permission' : 'unavailable',
      retryable: false,
      message: `the run finished, but its --timings file ${path} could not be written (${code})`,
      hint: HINT,
      cause: error,
    });
  }
}
