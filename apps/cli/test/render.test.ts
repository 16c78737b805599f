import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot, runHubfleet } from './cli-harness.js';
import { EXAMPLES, prepareExamples, readTree } from './example-copies.js';
import { validateManifest } from './kubernetes-schema.js';

const helm = join(repoRoot, 'node_modules/.bin/helm');

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
