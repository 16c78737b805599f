import { readdirSync, readFileSync } from 'node:fs';
import { createProviderRegistry, resolveToolChoices, validateConfigText } from '@hubfleet/core';
import { loadTimeImports, OFFLINE_PACKAGE } from '@hubfleet/testkit/conformance';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awsProvider } from './index.js';

const examples = new URL('../../../examples/', import.meta.url);
const sourceDirectory = new URL('./', import.meta.url);

beforeAll(() => {
  vi.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z'), toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('awsProvider', () => {
  it('implements contract v1 as "aws"', () => {
    expect(awsProvider).toMatchObject({ specificationVersion: 'v1', id: 'aws', displayName: 'AWS EKS' });
  });

  it('declares the capabilities of EKS', () => {
    expect(awsProvider.capabilities).toEqual({
      scaleToZero: true,
      nodeLabelsReachNodes: true,
      managedAutoscaler: false,
      gpuDriver: 'device-plugin',
      volumeSnapshots: true,
      loadBalancer: true,
    });
  });

  it('gives every tool default a reason that points at the DS@OSU guide', () => {
    for (const [tool, choice] of Object.entries(awsProvider.toolDefaults)) {
      expect(choice.reason, tool).toMatch(/\(0\d\d/);
    }
  });

  it('opens sessions through connect', () => {
    expect(awsProvider.connect).toBeTypeOf('function');
  });

  it('loads no cloud SDK until connect is called', () => {
    const source = (file: string) => readFileSync(new URL(file, sourceDirectory), 'utf8');
    const { files: reached, packages } = loadTimeImports(sourceDirectory);
    expect(reached.has('aws-connect.ts')).toBe(true);
    expect(reached.has('aws-session.ts'), 'the session, which imports the SDK, is loaded lazily').toBe(false);
    for (const name of packages) expect(name, `imported at load time: ${name}`).toMatch(OFFLINE_PACKAGE);

    const lazy = readdirSync(sourceDirectory)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((file) =>
        [...source(file).matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => `${file} → ${match[1]}`),
      );
    expect(lazy).toEqual(['aws-connect.ts → ./aws-session.js']);
  });

  it('validates the DS@OSU and quickstart examples with no errors', () => {
    const registry = createProviderRegistry([awsProvider]);
    for (const file of ['aws-dsosu.yaml', 'quickstart.yaml']) {
      const text = readFileSync(new URL(file, examples), 'utf8');
      const result = validateConfigText(text, { registry, file, checkSecrets: false });
      expect(
        result.issues.filter((issue) => issue.severity === 'error'),
        file,
      ).toEqual([]);
      expect(result.config?.provider.kind, file).toBe('aws');
    }
  });

  it('lets plan explain its defaults', () => {
    const registry = createProviderRegistry([awsProvider]);
    const text = readFileSync(new URL('quickstart.yaml', examples), 'utf8');
    const { config } = validateConfigText(text, { registry, file: 'quickstart.yaml', checkSecrets: false });
    if (!config) throw new Error('quickstart.yaml should validate');
    const registryCache = resolveToolChoices(config, awsProvider).find(
      (choice) => choice.tool === 'registryCache',
    );
    expect(registryCache).toMatchObject({ enabled: true, reason: expect.stringContaining('Docker Hub') });
  });
});
