import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Secret } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { NO_PROVISIONED_FACTS } from '../provisioned.js';
import { hubRelease } from './hub-release.js';
import { exampleConfigs } from './testing/example-configs.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

/** What the tools layer would pass when the registry cache is on; any host:port will do here. */
const REGISTRY_CACHE = 'localhost:5000';
const examples = exampleConfigs(fileURLToPath(new URL('../../../../../examples/', import.meta.url)));

const renders = examples.flatMap(({ name, config }) =>
  config.hubs.map((hub) => ({
    id: `${name}.${hub.name}`,
    result: hubRelease(config, hub, NO_PROVISIONED_FACTS, {
      ...(config.tools.registryCache?.enabled ? { imageRegistryPrefix: REGISTRY_CACHE } : {}),
    }),
  })),
);

describe('the example configs', () => {
  it('are all rendered', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'aws-dsosu',
      'gke-rhodes',
      'nectar-unimelb',
      'openstack-stfc',
      'quickstart',
    ]);
  });

  it.each(renders)('$id: values match the golden file and the z2jh model', async ({ id, result }) => {
    expect(checkZ2jhValues(result.release.values)).toEqual([]);
    const yaml = stringify(result.release.values, {
      version: '1.1',
      lineWidth: 0,
      aliasDuplicateObjects: false,
    });
    await expect(yaml).toMatchFileSnapshot(`./__snapshots__/${id}.values.yaml`);
  });

  it.each(renders)('$id: release, Secret and warnings match the snapshot', ({ result }) => {
    const { values: _values, ...release } = result.release;
    expect({
      release,
      manifests: result.manifests,
      secrets: result.secrets,
      warnings: result.warnings,
    }).toMatchSnapshot();
    for (const manifest of result.manifests)
      expect(() => new Secret(manifest as never).validate()).not.toThrow();
  });

  // python3 is on every development machine and CI runner (Debian); without it this fails, never skips.
  it('hub.extraConfig snippets are valid Python', () => {
    const snippets = renders.flatMap(({ id, result }) => {
      const hub = result.release.values.hub as { extraConfig?: Record<string, string> };
      return Object.entries(hub.extraConfig ?? {}).map(([key, code]) => ({ where: `${id} ${key}`, code }));
    });
    expect(snippets.length).toBeGreaterThan(0);
    for (const { where, code } of snippets) {
      const check = () =>
        execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
          input: code,
          stdio: 'pipe',
        });
      expect(check, where).not.toThrow();
    }
  });
});
