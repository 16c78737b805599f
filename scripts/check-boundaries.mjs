#!/usr/bin/env node
// Package boundaries, enforced: providers depend on core only (openstack and nectar may also use the
// openstack client); core depends on no workspace package; testkit on core only; nothing imports the
// CLI; no relative import escapes its package. Checks both package.json and the import statements.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ALLOWED = {
  '@hubfleet/core': [],
  '@hubfleet/openstack-client': ['@hubfleet/core'],
  '@hubfleet/provider-aws': ['@hubfleet/core'],
  '@hubfleet/provider-gke': ['@hubfleet/core'],
  '@hubfleet/provider-openstack': ['@hubfleet/core', '@hubfleet/openstack-client'],
  '@hubfleet/provider-nectar': ['@hubfleet/core', '@hubfleet/openstack-client'],
  '@hubfleet/testkit': ['@hubfleet/core'],
  '@hubfleet/cli': ['*'],
  '@hubfleet/charts': [],
};
// Test files (and only devDependencies) may also use these: providers run the conformance suite.
const TEST_ONLY = {
  '@hubfleet/provider-aws': ['@hubfleet/testkit'],
  '@hubfleet/provider-gke': ['@hubfleet/testkit'],
  '@hubfleet/provider-openstack': ['@hubfleet/testkit'],
  '@hubfleet/provider-nectar': ['@hubfleet/testkit'],
  '@hubfleet/openstack-client': ['@hubfleet/testkit'],
};
const isTestFile = (file) => /\.test\.[mc]?[jt]s$/.test(file) || file.includes(`${sep}test${sep}`);
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(directory) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

export function findViolations(root) {
  const packages = ['packages', 'apps'].flatMap((group) => {
    try {
      return readdirSync(join(root, group)).map((name) => join(root, group, name));
    } catch {
      return [];
    }
  });
  packages.push(join(root, 'charts'));
  const violations = [];
  for (const directory of packages) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const allowed = ALLOWED[manifest.name];
    if (!allowed) {
      violations.push(
        `${manifest.name}: not in the boundary table of scripts/check-boundaries.mjs; add it with its allowed dependencies`,
      );
      continue;
    }
    const permits = (target) =>
      target !== manifest.name && (allowed.includes('*') || allowed.includes(target));
    const testOnly = TEST_ONLY[manifest.name] ?? [];
    const runtime = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    const development = Object.keys(manifest.devDependencies ?? {});
    for (const dependency of [...runtime, ...development].filter((name) => name.startsWith('@hubfleet/'))) {
      const allowedHere =
        permits(dependency) || (testOnly.includes(dependency) && !runtime.includes(dependency));
      if (dependency === '@hubfleet/cli' || !allowedHere) {
        violations.push(
          `${manifest.name}/package.json depends on ${dependency}, which its layer may not use`,
        );
      }
    }
    for (const file of [...sourceFiles(join(directory, 'src')), ...sourceFiles(join(directory, 'test'))]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const target = match[1] ?? match[2];
        const where = relative(root, file);
        if (target.startsWith('@hubfleet/')) {
          const name = target.split('/').slice(0, 2).join('/');
          const allowedHere = permits(name) || (testOnly.includes(name) && isTestFile(file));
          if (name === '@hubfleet/cli' || !allowedHere)
            violations.push(`${where} imports ${target}, which ${manifest.name} may not use`);
        } else if (target.startsWith('.')) {
          const resolved = resolve(dirname(file), target);
          if (!resolved.startsWith(directory + sep))
            violations.push(`${where} reaches outside its package with ${target}`);
        }
      }
    }
  }
  return violations;
}

function selfTest() {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(
    'packages/core/package.json',
    JSON.stringify({ name: '@hubfleet/core', dependencies: { '@hubfleet/provider-aws': '0' } }),
  );
  write(
    'packages/core/src/a.ts',
    "import { x } from '@hubfleet/provider-aws';\nimport { y } from '../../provider-aws/src/b.js';\n",
  );
  write('packages/provider-aws/package.json', JSON.stringify({ name: '@hubfleet/provider-aws' }));
  write(
    'packages/provider-aws/src/b.ts',
    "const cli = await import('@hubfleet/cli');\nimport { x } from '@hubfleet/testkit';\n",
  );
  write(
    'packages/provider-aws/src/b.test.ts',
    "import { runProviderConformance } from '@hubfleet/testkit/conformance';\n",
  );
  const found = findViolations(root);
  rmSync(root, { recursive: true, force: true });
  if (found.length !== 5)
    throw new Error(`boundary self-test expected 5 violations, found ${found.length}:\n${found.join('\n')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  selfTest();
  const violations = findViolations(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  if (violations.length > 0) {
    console.error(`Package boundary violations (${violations.length}):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('package boundaries: ok (self-test found the 5 planted violations)');
}
