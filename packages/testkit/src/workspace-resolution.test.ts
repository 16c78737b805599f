import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubfleetError } from '@hubfleet/core';
import { parseParallelism } from '@hubfleet/core/engine';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every workspace package's `exports` entries other than `.`, e.g. `core` `./engine`. */
function subpathEntries(): { pkg: string; entry: string }[] {
  const entries: { pkg: string; entry: string }[] = [];
  for (const pkg of readdirSync(join(repoRoot, 'packages'))) {
    const manifest = join(repoRoot, 'packages', pkg, 'package.json');
    if (!existsSync(manifest)) continue;
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> };
    for (const key of Object.keys(exports ?? {})) {
      if (key !== '.') entries.push({ pkg, entry: key.replace(/^\.\//, '') });
    }
  }
  return entries;
}

describe("tests resolve workspace packages' subpath entries to sources, as their roots", () => {
  it('each exports entry `./<entry>` has `src/<entry>/index.ts`, where vitest.shared.ts sends it', () => {
    const entries = subpathEntries();
    expect(entries.map(({ pkg, entry }) => `${pkg}/${entry}`)).toEqual(
      expect.arrayContaining(['core/engine', 'core/kubernetes', 'core/deployment', 'testkit/conformance']),
    );
    for (const { pkg, entry } of entries) {
      expect(existsSync(join(repoRoot, 'packages', pkg, 'src', entry, 'index.ts')), `${pkg}/${entry}`).toBe(
        true,
      );
    }
  });

  it('the type check (tsconfig.typecheck.json, one program over every source) maps each entry to its source', () => {
    const { compilerOptions } = JSON.parse(
      readFileSync(join(repoRoot, 'tsconfig.typecheck.json'), 'utf8'),
    ) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    for (const { pkg, entry } of subpathEntries()) {
      expect(compilerOptions.paths[`@hubfleet/${pkg}/${entry}`], `${pkg}/${entry}`).toEqual([
        `./packages/${pkg}/src/${entry}/index.ts`,
      ]);
    }
    expect(compilerOptions.paths['@hubfleet/*']).toEqual(['./packages/*/src/index.ts']);
  });

  it("an error thrown through `@hubfleet/core/engine` is `@hubfleet/core`'s HubfleetError (one copy of the class)", () => {
    expect(() => parseParallelism('many')).toThrow(HubfleetError);
  });
});
