import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot, runHubfleet } from './cli-harness.js';
import { validateManifest } from './kubernetes-schema.js';

const EXAMPLES = readdirSync(join(repoRoot, 'examples')).filter((file) => file.endsWith('.yaml'));
const helm = join(repoRoot, 'node_modules/.bin/helm');

/** A copy of the examples whose every secret resolves to a distinctive value the test can search for. */
function prepareExamples(): { directory: string; env: Record<string, string>; secretValues: string[] } {
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

function readTree(directory: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(directory, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(files, readTree(directory, path));
    else files[path] = readFileSync(join(directory, path), 'utf8');
  }
  return files;
}

interface ReleaseEntry {
  release: string;
  namespace: string;
  chart: string;
  repository: string;
  version: string;
  valuesFile: string;
}

describe.each(EXAMPLES)('hubfleet render %s', (file) => {
  const prepared = prepareExamples();
  const out = mkdtempSync(join(tmpdir(), 'hubfleet-render-'));
  const again = mkdtempSync(join(tmpdir(), 'hubfleet-render-again-'));
  let tree: Record<string, string> = {};

  beforeAll(async () => {
    const config = join(prepared.directory, file);
    const first = await runHubfleet(['render', '-c', config, '--out', out], { env: prepared.env });
    expect(first.code, first.stderr).toBe(0);
    const second = await runHubfleet(['render', '-c', config, '--out', again], { env: prepared.env });
    expect(second.code, second.stderr).toBe(0);
    tree = readTree(out);
  });

  it('writes releases.json, a values file per release, and manifests, identically on a second run', () => {
    const releases = JSON.parse(tree['releases.json'] as string) as ReleaseEntry[];
    expect(releases.length).toBeGreaterThanOrEqual(4);
    for (const release of releases) {
      expect(tree[release.valuesFile], release.valuesFile).toBeDefined();
      expect(release.version).not.toMatch(/latest|\*/);
    }
    expect(readTree(again)).toEqual(tree);
  });

  it('contains no secret value anywhere', () => {
    const everything = Object.values(tree).join('\n');
    for (const secret of prepared.secretValues) expect(everything).not.toContain(secret);
  });

  it('marks what only exists after provisioning', () => {
    const releases = JSON.parse(tree['releases.json'] as string) as ReleaseEntry[];
    for (const release of releases.filter((entry) => entry.chart === 'charts/nfs-server')) {
      const values = parse(tree[release.valuesFile] as string) as Record<string, unknown>;
      expect(JSON.stringify(values)).toMatch(/<provisioned: (volume id|NFS export)/);
    }
  });

  it('writes only manifests that are valid against the Kubernetes API schema', () => {
    const manifests = Object.entries(tree).filter(([path]) => path.startsWith('manifests/'));
    for (const [path, text] of manifests) {
      expect(() => validateManifest(parse(text)), path).not.toThrow();
    }
  });

  it("renders the project's own charts with real helm into valid objects", () => {
    const releases = JSON.parse(tree['releases.json'] as string) as ReleaseEntry[];
    const own = releases.filter((release) => release.repository === 'local');
    expect(own.length).toBeGreaterThanOrEqual(1);
    const home = mkdtempSync(join(tmpdir(), 'hubfleet-helm-home-'));
    for (const release of own) {
      const result = spawnSync(
        helm,
        [
          'template',
          release.release,
          join(repoRoot, release.chart),
          '--namespace',
          release.namespace,
          '--values',
          join(out, release.valuesFile),
          '--kube-version',
          '1.32',
        ],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH ?? '',
            HELM_CACHE_HOME: home,
            HELM_CONFIG_HOME: home,
            HELM_DATA_HOME: home,
          },
        },
      );
      expect(result.status, `${release.release}: ${result.stderr}`).toBe(0);
      const objects = parseAllDocuments(result.stdout)
        .map((document) => document.toJS())
        .filter(Boolean);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects)
        expect(
          () => validateManifest(object),
          `${release.release} ${object.kind}/${object.metadata?.name}`,
        ).not.toThrow();
    }
  });
});
