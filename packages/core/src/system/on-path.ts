import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Whether `name` is an executable file in one of `path`'s directories, as a shell would find it:
 * how a provider tells that the cloud's own kubectl credential helper is installed.
 */
export function isOnPath(name: string, path: string = process.env.PATH ?? ''): boolean {
  return path
    .split(delimiter)
    .filter((directory) => directory !== '')
    .some((directory) => {
      try {
        accessSync(join(directory, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
