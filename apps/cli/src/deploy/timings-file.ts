import { accessSync, constants, existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HubfleetError, type TimingsFile } from '@hubfleet/core';
import { parseTimings } from '@hubfleet/core/engine';
import { writeFileAtomically } from './write-file-atomically.js';

const HINT = 'give a file in a directory you can write to, e.g. --timings ./timings.json';

function writable(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` holds a timings file as hubfleet writes it: replacing it loses nothing of anyone else's. */
function isTimingsFile(file: string): boolean {
  try {
    parseTimings(JSON.parse(readFileSync(file, 'utf8')));
    return true;
  } catch {
    return false;
  }
}

function problemWith(file: string): string | undefined {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (stat !== undefined) {
    if (stat.isSymbolicLink()) return 'is a symbolic link (hubfleet never writes through one)';
    if (stat.isDirectory()) return 'is a directory';
    if (!stat.isFile()) return 'is not a regular file';
    if (!writable(file, constants.W_OK)) return 'exists and cannot be written';
    return isTimingsFile(file)
      ? undefined
      : 'exists and is not a timings file hubfleet wrote; it was left as it was';
  }
  const directory = dirname(file);
  if (!existsSync(directory)) return `its directory ${directory} does not exist`;
  if (!statSync(directory).isDirectory()) return `${directory} is not a directory`;
  return writable(directory, constants.W_OK | constants.X_OK)
    ? undefined
    : `its directory ${directory} cannot be written`;
}

/**
 * Before planning: refuse (exit 2) a `--timings` path that could not be written, or that holds
 * anything but an earlier timings file (never someone's other file, never through a symlink).
 */
export function checkTimingsPath(path: string): void {
  const problem = problemWith(resolve(path));
  if (problem === undefined) return;
  throw new HubfleetError({ kind: 'invalid-config', message: `--timings ${path} ${problem}`, hint: HINT });
}

/** Write the `--timings` file; a failure (the disk filled up, the directory went) comes back as a HubfleetError. */
export function writeTimingsFile(path: string, timings: TimingsFile): HubfleetError | undefined {
  try {
    writeFileAtomically(path, `${JSON.stringify({ formatVersion: 1, ...timings }, null, 2)}\n`, 0o644);
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
