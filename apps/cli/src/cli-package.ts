import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI_PACKAGE_NAME = '@hubfleet/cli';

/**
 * The CLI package's directory (`apps/cli`): the nearest one upward from this module whose
 * package.json is the CLI's. The module runs from `src/` (tests), `dist/` (tsc) or `dist/bundle/`
 * (the esbuild bundle the `hubfleet` binary loads), so no fixed number of `../` fits all three.
 */
function findCliPackage(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === CLI_PACKAGE_NAME) {
      return directory;
    }
    if (dirname(directory) === directory) {
      throw new Error(`no ${CLI_PACKAGE_NAME} package.json above ${start}: reinstall hubfleet`);
    }
  }
}

export const CLI_PACKAGE_DIRECTORY = findCliPackage(dirname(fileURLToPath(import.meta.url)));

/** The repository's root: the project's own charts are `charts/<name>` under it. */
export const REPOSITORY_ROOT = resolve(CLI_PACKAGE_DIRECTORY, '..', '..');

/** The CLI's version, from its package.json. */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(join(CLI_PACKAGE_DIRECTORY, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
