import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

export interface LoadTimeImports {
  /** Source files loaded when the package's entry is imported (relative to its directory). */
  files: Set<string>;
  /** Packages those files import at load time (type-only imports excluded: they vanish when compiled). */
  packages: Set<string>;
}

/**
 * What importing a provider package loads before anything is called: its static value-import graph from
 * `entry`. Providers keep cloud SDKs out of it (imported inside `connect`), so `--help` and `validate`
 * stay fast; their tests assert that with this.
 */
export function loadTimeImports(sourceDirectory: URL, entry = 'index.ts'): LoadTimeImports {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(new URL(file, sourceDirectory), 'utf8');
    for (const [, target = ''] of text.matchAll(
      /^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)';$/gms,
    )) {
      // Relative to the importing file, so sub-folders (`./bootstrap/…`, `../x.js`) are followed too.
      if (target.startsWith('./') || target.startsWith('../')) {
        pending.push(posix.normalize(posix.join(posix.dirname(file), target)).replace(/\.js$/, '.ts'));
      } else packages.add(target);
    }
  }
  return { files, packages };
}

/** Packages a provider may load before `connect`: Node built-ins, zod and core. */
export const OFFLINE_PACKAGE = /^(node:|zod$|@hubfleet\/core$)/;
