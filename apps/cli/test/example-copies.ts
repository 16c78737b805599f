import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './cli-harness.js';

export const EXAMPLES = readdirSync(join(repoRoot, 'examples')).filter((file) => file.endsWith('.yaml'));

/** A copy of the examples whose every secret resolves to a distinctive value the test can search for. */
export function prepareExamples(): {
  directory: string;
  env: Record<string, string>;
  secretValues: string[];
} {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-render-examples-'));
  const env: Record<string, string> = {};
  const secretValues: string[] = [];
  for (const file of EXAMPLES) {
    const text = readFileSync(join(repoRoot, 'examples', file), 'utf8');
    copyFileSync(join(repoRoot, 'examples', file), join(directory, file));
    for (const [, name] of text.matchAll(/fromEnv:\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
      env[name as string] = `SECRET-VALUE-of-${name}-7f3a`;
      secretValues.push(env[name as string] as string);
    }
    for (const [, path] of text.matchAll(/(?:fromFile|certFile):\s*([^\s},#]+)/g)) {
      const target = join(directory, path as string);
      mkdirSync(dirname(target), { recursive: true });
      const content = `SECRET-FILE-CONTENT-${path}-9c1e`;
      writeFileSync(target, `${content}\n`);
      if (!(path as string).endsWith('.crt')) secretValues.push(content);
    }
  }
  return { directory, env, secretValues };
}

export function readTree(directory: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(directory, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(files, readTree(directory, path));
    else files[path] = readFileSync(join(directory, path), 'utf8');
  }
  return files;
}
